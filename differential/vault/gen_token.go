package vault

import (
	"math/rand/v2"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// GitHubIssuer is the github.com token issuer.
const GitHubIssuer = "https://token.actions.githubusercontent.com"

// numberTexts are JSON numbers as a token or a role may write them:
// integers, fractions of both signs (Vault truncates token numbers toward
// zero), exponents, integers past 2^53, and numbers past int64 whose Go
// conversion to int is implementation-specific.
var numberTexts = []string{
	"0", "1", "2", "-1", "74", "1.5", "-1.5", "0.5", "-0.5", "2.0", "1.0", "1e2", "100",
	"2.999", "-2.7", "9007199254740993", "9007199254740992", "1e19", "-1e19",
	"9223372036854775807", "-9223372036854775808", "-0", "3.14e1",
}

var (
	owners = []string{"octo-org", "Octo-Org", "acme"}
	repos  = []string{"octo-repo", "deploy", "infra.tf"}
	refs   = []string{"refs/heads/main", "refs/heads/fix(ui)", "refs/heads/feature/a*b", "refs/tags/v1.2.3", "refs/pull/4/merge", "refs/heads/dev"}
	envs   = []string{"prod", "staging", "", "-"} // "-": no environment claim
	auds   = []string{"https://github.com/octo-org", "vault", "sts.amazonaws.com", "https://vault.example.com"}
)

// genClaims builds a GitHub-shaped claim set, with now-relative times so
// that Vault's clock checks always pass, and sometimes odd extra claims:
// numbers, booleans, lists, nested objects for JSON pointers, null, "".
func genClaims(r *rand.Rand, now int64) node {
	s := harness.Repository{Owner: pick(r, owners), Name: pick(r, repos), Ref: pick(r, refs), Env: pick(r, envs),
		OwnerID: "65", ID: pick(r, []string{"74", "75"})}
	var ms []member
	add := func(k string, v node) { ms = append(ms, m(k, v)) }

	switch x := r.IntN(50); {
	case x < 45:
		add("iss", str(GitHubIssuer))
	case x < 47:
		add("iss", str(GitHubIssuer+"/acme"))
	case x < 49:
		add("iss", str(GitHubIssuer+"/"))
	default: // no iss
	}
	switch x := r.IntN(24); {
	case x < 16:
		add("aud", str(pick(r, auds)))
	case x < 20:
		add("aud", arr(str(pick(r, auds)), str(pick(r, auds))))
	case x < 21:
		add("aud", str(""))
	case x < 22:
		add("aud", arr())
	case x < 23:
		add("aud", arr(str("")))
	default: // no aud
	}
	switch x := r.IntN(60); {
	case x < 56:
		add("sub", str(s.Subject(r.IntN(3) == 0)))
	case x < 58: // no sub
	default: // a sub Vault's JWT library cannot read as a string
		add("sub", pick(r, []node{scalar("42"), scalar("true"), arr(str(s.Subject(r.IntN(3) == 0))), scalar("null")}))
	}
	ms = append(ms, s.Claims()...)
	add("ref_protected", str(pick(r, []string{"true", "false"})))
	ms = append(ms, s.JobClaims()...)
	add("workflow", str("Deploy"))
	add("actor", str("octocat"))
	add("actor_id", str("583231"))
	add("run_id", str("20613598812"))
	add("run_number", str("12"))
	add("event_name", str(pick(r, []string{"push", "pull_request", "workflow_dispatch"})))
	add("head_ref", str(""))
	add("runner_environment", str("github-hosted"))
	for _, extra := range r.Perm(len(extraClaims))[:r.IntN(5)] {
		add(extraClaims[extra].key, extraClaims[extra].val(r))
	}
	if r.IntN(10) == 0 {
		rare := pick(r, rareClaims)
		if _, ok := obj(ms...).Get(rare.key); !ok {
			add(rare.key, rare.val(r))
		}
	}
	if r.IntN(25) == 0 { // a claim given twice: Vault keeps the last
		dup := pick(r, []string{"repository_id", "sub", "aud", "ref"})
		if v, ok := obj(ms...).Get(dup); ok && r.IntN(2) == 0 {
			add(dup, v)
		} else {
			add(dup, str("refs/heads/main"))
		}
	}
	ms = append(ms, harness.TimeClaims(now)...)
	// Shuffled but for the time claims, which stay last.
	r.Shuffle(len(ms)-3, func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	return obj(ms...)
}

// extraClaims are the non-GitHub claims a case may add.
var extraClaims = []struct {
	key string
	val func(r *rand.Rand) node
}{
	{"n", func(r *rand.Rand) node { return scalar(pick(r, numberTexts)) }},
	{"flag", func(r *rand.Rand) node { return scalar(pick(r, []string{"true", "false"})) }},
	{"ids", func(r *rand.Rand) node {
		return arr(str("1"), scalar(pick(r, numberTexts)), scalar(pick(r, []string{"true", `"x"`, "2"})))
	}},
	{"groups", func(r *rand.Rand) node { return arr(str("admins"), str(pick(r, []string{"dev", "ops", ""}))) }},
	{"ctx", func(r *rand.Rand) node {
		return obj(
			m("a/b", obj(m("c~d", str(pick(r, []string{"v", "w"}))))),
			m("list", arr(str("x"), str("y"))),
			m("n", scalar(pick(r, numberTexts))),
			m("flag", scalar("true")),
		)
	}},
	{"nul", func(*rand.Rand) node { return scalar("null") }},
	{"empty", func(*rand.Rand) node { return str("") }},
	{"nested", func(r *rand.Rand) node { return arr(arr(str("x"))) }},
}

// rareClaims trip Vault's JWT library, which reads the registered claims
// into a struct with encoding/json (names match regardless of case, types
// are checked), or its JSON decoder (numbers past float64).
var rareClaims = []struct {
	key string
	val func(r *rand.Rand) node
}{
	{"ISS", func(r *rand.Rand) node { return str(pick(r, []string{GitHubIssuer, "https://evil.example"})) }},
	{"Sub", func(r *rand.Rand) node {
		return pick(r, []node{str("repo:octo-org/octo-repo:ref:refs/heads/main"), scalar("7")})
	}},
	{"AUD", func(r *rand.Rand) node { return pick(r, []node{str("vault"), arr(str("vault")), scalar("1")}) }},
	{"jti", func(r *rand.Rand) node { return pick(r, []node{str("6f1e"), scalar("12")}) }},
	{"huge", func(r *rand.Rand) node { return scalar(pick(r, []string{"1e400", "-1e309", "1e308"})) }},
	{"\u017fub", func(r *rand.Rand) node {
		return pick(r, []node{str("repo:octo-org/octo-repo:ref:refs/heads/main"), scalar("7")})
	}},
	{"Exp", func(r *rand.Rand) node { return pick(r, []node{str("1767225900"), scalar("null")}) }},
	{"aud", func(r *rand.Rand) node {
		return pick(r, []node{scalar("null"), scalar("7"), arr(str("vault"), scalar("1"))})
	}},
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }
