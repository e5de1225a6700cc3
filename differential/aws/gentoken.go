package aws

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Case is one generated token and trust policy.
type Case struct {
	ID     string // "seed/index": regenerate it with -seed and -case
	Claims Claims
	Doc    Document
}

// Clone returns a deep copy.
func (c Case) Clone() Case {
	return Case{ID: c.ID, Claims: c.Claims.Clone(), Doc: c.Doc.Clone()}
}

// Generate makes case index of seed. Each case has its own random stream,
// so a case is regenerated alone from its id.
func Generate(seed uint64, index int) Case {
	r := rand.New(rand.NewPCG(seed, uint64(index)*0x9e3779b97f4a7c15+1))
	g := &gen{r: r}
	claims := g.token()
	return Case{ID: fmt.Sprintf("%d/%d", seed, index), Claims: claims, Doc: g.document(claims)}
}

// gen draws one case.
type gen struct {
	r *rand.Rand
}

func (g *gen) pct(p int) bool       { return g.r.IntN(100) < p }
func pick[T any](g *gen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// Issuers, weighted toward github.com. The enterprise-slug and GHE.com
// forms come from reference §1.2, github.com/enterprises/<name> from the
// IAM data's key prefixes; the GHES form is HOST/_services/token, for
// which the data lists no GitHub keys.
func (g *gen) issuer() string {
	switch n := g.r.IntN(100); {
	case n < 80:
		return "https://token.actions.githubusercontent.com"
	case n < 88:
		return "https://token.actions.githubusercontent.com/" + pick(g, "avocado-corp", "octo-ent")
	case n < 95:
		return "https://token.actions." + pick(g, "octo", "acme") + ".ghe.com"
	case n < 97:
		return "https://github.com/enterprises/avocado-corp"
	default:
		return "https://ghes.example.com/_services/token"
	}
}

// Names with the characters real ones carry: dots, dashes, underscores,
// parentheses in branches (fix(ui)), wildcard and dollar characters in
// workflow names, accents and, rarely, characters outside the BMP and line
// breaks.
var (
	owners       = []string{"octo-org", "avocado-corp", "monalisa", "Octo-Org"}
	repos        = []string{"octo-repo", "hello-world", "deploy.tools", "api_server"}
	branches     = []string{"main", "main", "release/v1", "feature/x-1", "fix(ui)", "dependabot/npm/a-1.2"}
	tags         = []string{"v1.2.3", "v2"}
	environments = []string{"prod", "prod", "Production", "staging", "prod:eu", "test env"}
	workflows    = []string{"CI", "Deploy to AWS", "Ship it?", "Release *", "cost $5 {x}", "Déploiement", "build"}
	rareNames    = []string{"rocket 🚀 deploy", "two\nlines", "tab\tsep"}
	actors       = []string{"octocat", "dependabot[bot]", "Mona-Lisa"}
	audiences    = []string{"sts.amazonaws.com", "sts.amazonaws.com", "sts.amazonaws.com", "api://AzureADTokenExchange"}
)

// token draws a GitHub Actions payload: the sub forms of reference §1.4,
// optional claims that are sometimes missing or empty, aud sometimes an
// array.
func (g *gen) token() Claims {
	owner, repo := pick(g, owners...), pick(g, repos...)
	ownerID, repoID := fmt.Sprint(100+g.r.IntN(900)), fmt.Sprint(1000+g.r.IntN(9000))
	event := pick(g, "push", "push", "pull_request", "workflow_dispatch")
	var ref, refType string
	switch {
	case event == "pull_request":
		ref, refType = fmt.Sprintf("refs/pull/%d/merge", 1+g.r.IntN(99)), "branch"
	case g.pct(15):
		ref, refType = "refs/tags/"+pick(g, tags...), "tag"
	default:
		ref, refType = "refs/heads/"+pick(g, branches...), "branch"
	}
	env := ""
	if g.pct(35) {
		env = pick(g, environments...)
	}
	repoPart := owner + "/" + repo
	if g.pct(15) { // immutable subject (reference §1.4)
		repoPart = owner + "@" + ownerID + "/" + repo + "@" + repoID
	}
	var sub string
	switch {
	case env != "":
		sub = "repo:" + repoPart + ":environment:" + strings.ReplaceAll(env, ":", "%3A")
	case event == "pull_request":
		sub = "repo:" + repoPart + ":pull_request"
	default:
		sub = "repo:" + repoPart + ":ref:" + ref
	}
	workflow := pick(g, workflows...)
	if g.pct(4) {
		workflow = pick(g, rareNames...)
	}
	wfRef := fmt.Sprintf("%s/%s/.github/workflows/deploy.yml@%s", owner, repo, ref)
	jobWfRef := wfRef
	if g.pct(25) {
		jobWfRef = owner + "/shared-workflows/.github/workflows/oidc.yml@refs/heads/main"
	}
	aud := One(pick(g, audiences...))
	switch n := g.r.IntN(100); {
	case n < 10:
		aud = One("https://github.com/" + owner)
	case n < 16:
		aud = Many("sts.amazonaws.com", "https://github.com/"+owner)
	}
	c := Claims{
		{"iss", One(g.issuer())},
		{"aud", aud},
		{"sub", One(sub)},
		{"repository", One(owner + "/" + repo)},
		{"repository_id", One(repoID)},
		{"repository_owner", One(owner)},
		{"repository_owner_id", One(ownerID)},
		{"actor", One(pick(g, actors...))},
		{"actor_id", One(fmt.Sprint(1 + g.r.IntN(99999)))},
		{"event_name", One(event)},
		{"ref", One(ref)},
		{"ref_type", One(refType)},
		{"workflow", One(workflow)},
		{"workflow_ref", One(wfRef)},
		{"job_workflow_ref", One(jobWfRef)},
		{"runner_environment", One(pick(g, "github-hosted", "self-hosted"))},
		{"sha", One(strings.Repeat("a1", 20))},
	}
	if env != "" {
		c = append(c, Claim{"environment", One(env)})
	}
	if g.pct(30) {
		c = append(c, Claim{"enterprise", One("avocado-corp")}, Claim{"enterprise_id", One(fmt.Sprint(1 + g.r.IntN(50)))})
	}
	// Missing and empty claims (a bare-SHA deployment has an empty ref;
	// head_ref is empty outside pull requests).
	for i := 3; i < len(c); i++ {
		switch n := g.r.IntN(100); {
		case n < 3:
			c = c.Without(c[i].Name)
			i--
		case n < 6:
			c[i].Value = One("")
		}
	}
	return c
}
