package k8s

import (
	"math/rand/v2"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// GitHubIssuer is the github.com token issuer.
const GitHubIssuer = "https://token.actions.githubusercontent.com"

// enterpriseIssuer is an enterprise's unique issuer URL.
const enterpriseIssuer = GitHubIssuer + "/octo-enterprise"

// shape is the identity a generated token describes; expressions are
// written against it so that some hold and some do not.
type shape struct {
	harness.Repository
	iss, aud, sub, email string
}

var (
	owners    = []string{"octo-org", "Octo-Org", "acme"}
	repos     = []string{"octo-repo", "deploy", "infra.tf"}
	refs      = []string{"refs/heads/main", "refs/heads/dev", "refs/tags/v1.2.3", "refs/pull/4/merge", "refs/heads/Fix_ünïcode-😀"}
	envs      = []string{"prod", "staging", "", "-"} // "-": no environment claim
	audiences = []string{"kubernetes", "https://github.com/octo-org", "sts.amazonaws.com"}
	// yamlAudiences read as another type when a YAML file writes them plain.
	yamlAudiences = []string{"yes", "on", "123", "null", "~", "1e3", "0x1F", "true"}
)

// genShape picks the token's identity.
func genShape(r *rand.Rand) shape {
	s := shape{Repository: harness.Repository{Owner: pick(r, owners), Name: pick(r, repos), Ref: pick(r, refs), Env: pick(r, envs),
		OwnerID: pick(r, []string{"65", "66"}), ID: "74"}, aud: pick(r, audiences), iss: GitHubIssuer}
	if r.IntN(30) == 0 {
		s.aud = pick(r, yamlAudiences)
	}
	if r.IntN(5) == 0 {
		s.iss = enterpriseIssuer
	}
	s.sub = s.Subject(r.IntN(4) == 0)
	if r.IntN(4) == 0 {
		s.email = "octocat@example.com"
	}
	return s
}

// genClaims builds the GitHub claim set of s, valid in time around now,
// with now and then an odd member: a claim given twice, a registered name
// in another case, a sub that is no string, a claim named a.b.
func genClaims(r *rand.Rand, s shape, now int64) node {
	var ms []member
	add := func(k string, v node) { ms = append(ms, m(k, v)) }
	add("iss", str(s.iss))
	switch x := r.IntN(20); {
	case x < 15:
		add("aud", str(s.aud))
	case x < 18:
		add("aud", arr(str(s.aud), str(pick(r, audiences))))
	case x < 19:
		add("aud", str("other"))
	default:
		add("aud", arr())
	}
	switch x := r.IntN(40); {
	case x < 37:
		add("sub", str(s.sub))
	case x < 38: // no sub
	default:
		add("sub", pick(r, []node{scalar("42"), scalar("true"), arr(str(s.sub))}))
	}
	ms = append(ms, s.Claims()...)
	ms = append(ms, s.JobClaims()...)
	add("actor", str("octocat"))
	add("actor_id", str("583231"))
	add("run_number", str("12"))
	add("event_name", str(pick(r, []string{"push", "pull_request", "workflow_dispatch"})))
	add("runner_environment", str("github-hosted"))
	if r.IntN(10) != 0 {
		add("jti", str("6f1e2a3b-7c4d-4e5f-8a9b-0c1d2e3f4a5b"))
	}
	if s.email != "" {
		add("email", str(s.email))
		switch r.IntN(3) {
		case 0:
			add("email_verified", scalar("true"))
		case 1:
			add("email_verified", scalar("false"))
		}
	}
	for _, x := range r.Perm(len(extraClaims))[:r.IntN(3)] {
		add(extraClaims[x].key, extraClaims[x].val(r))
	}
	if r.IntN(15) == 0 {
		rare := pick(r, rareClaims)
		add(rare.key, rare.val(r, s))
	}
	return obj(append(ms, harness.TimeClaims(now)...)...)
}

// extraClaims are non-GitHub claims a case may add.
var extraClaims = []struct {
	key string
	val func(r *rand.Rand) node
}{
	{"n", func(r *rand.Rand) node { return scalar(pick(r, []string{"1", "2", "1.5", "-3", "1e2"})) }},
	{"flag", func(r *rand.Rand) node { return scalar(pick(r, []string{"true", "false"})) }},
	{"groups", func(r *rand.Rand) node { return arr(str("admins"), str(pick(r, []string{"dev", "ops", ""}))) }},
	{"a.b", func(r *rand.Rand) node { return str(pick(r, []string{"x", "y"})) }},
	{"ctx", func(r *rand.Rand) node {
		return obj(m("team", str(pick(r, []string{"x", "y"}))), m("list", arr(str("x"))))
	}},
	{"nul", func(*rand.Rand) node { return scalar("null") }},
}

// rareClaims trip the JSON decoding of registered claims: Go's
// encoding/json keeps the last duplicate and matches names regardless of
// case.
var rareClaims = []struct {
	key string
	val func(r *rand.Rand, s shape) node
}{
	{"ISS", func(r *rand.Rand, s shape) node { return str(pick(r, []string{s.iss, "https://evil.example"})) }},
	{"Aud", func(r *rand.Rand, s shape) node { return pick(r, []node{str(s.aud), str("other")}) }},
	{"Sub", func(r *rand.Rand, s shape) node {
		return pick(r, []node{str("repo:evil/x:ref:refs/heads/main"), scalar("7")})
	}},
	{"sub", func(r *rand.Rand, s shape) node { return str("repo:evil/x:ref:refs/heads/main") }},
	{"aud", func(r *rand.Rand, s shape) node { return pick(r, []node{str("other"), str(s.aud)}) }},
	{"iss", func(r *rand.Rand, s shape) node { return str(pick(r, []string{s.iss, "https://evil.example"})) }},
	{"repository_owner", func(r *rand.Rand, s shape) node { return str("evil") }},
	{"email", func(r *rand.Rand, s shape) node { return str("admin@example.com") }},
	{"email_verified", func(r *rand.Rand, s shape) node { return pick(r, []node{str("true"), scalar("1"), scalar("null")}) }},
	{"Email", func(r *rand.Rand, s shape) node { return str("admin@example.com") }},
	{"sub", func(r *rand.Rand, s shape) node { return str("") }},
	{"repository_owner_id", func(r *rand.Rand, s shape) node { return scalar(s.OwnerID) }},
	{"jti", func(r *rand.Rand, s shape) node { return pick(r, []node{scalar("12"), str("")}) }},
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
