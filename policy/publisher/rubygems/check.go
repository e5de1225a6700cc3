package rubygems

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// hidden is RubyGems's answer for a mismatch: its controller turns every
// one into the same 404, so the condition says what it hides.
func hidden(mismatch string) string {
	return "RubyGems answers 404 Not Found for any mismatch; the mismatch is " + mismatch
}

// check follows the exchange: the claim types JWTValidation reads, the
// issuer's provider, for_claims (job_workflow_ref's shape, owner, name,
// owner ID, workflow file, workflow repository, environment), then the
// access policy (aud and job_workflow_ref at one of the candidate refs).
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	out := claimTypes(tok)
	out = append(out,
		publisher.ClockNotChecked("RubyGems", "nbf ≤ now < exp, with no leeway"),
		publisher.IssuerCheck(tok, "RubyGems", hidden("the issuer: RubyGems knows GitHub Actions tokens by the issuer "+publisher.GitHubIssuer)))
	path, pathOK := workflowPath(tok)
	out = append(out, pathCondition(tok, path, pathOK))
	out = append(out, lookup(doc, tok, path, pathOK)...)
	out = append(out,
		publisher.AudienceCheck(tok, "RubyGems", Audience, hidden("the audience: the access policy requires aud "+Audience)),
		refCondition(doc, tok, path, pathOK),
		publisher.Unchecked("token replay (jti): not checked by RubyGems", []string{"jti"},
			"RubyGems keeps no record of used tokens on this path (per its code; UNCERTAIN whether anything outside the app prevents replay): a token can be exchanged again until it expires"),
	)
	return out
}

// claimTypes: nbf, iat and exp must be integers and iss and jti strings,
// else RubyGems answers 400 before matching anything; the answer names the
// first that is not.
func claimTypes(tok policy.Token) []policy.Condition {
	names := []string{"nbf", "iat", "exp", "iss", "jti"}
	c := publisher.Check{Expression: "nbf, iat, exp are integers; iss, jti are strings", Claims: names, Expected: names}
	var bad []string
	for _, n := range names {
		v, present := tok.Claim(n)
		ok := present && !tok.Duplicated(n)
		if n == "iss" || n == "jti" {
			ok = ok && v.Kind == decode.String
		} else {
			ok = ok && v.Kind == decode.Number && !strings.ContainsAny(v.Text, ".eE")
		}
		if !ok {
			bad = append(bad, n)
		}
	}
	if len(bad) == 0 {
		c.Actual = "all well-typed"
		return []policy.Condition{c.Pass()}
	}
	c.Actual = "missing or mistyped: " + strings.Join(bad, ", ")
	c.Answer = "RubyGems answers 400 Bad Request: Missing/invalid " + bad[0]
	c.Notes = []string{"RubyGems reads these claims before anything else and refuses the token when one is missing or of another type"}
	return []policy.Condition{c.Fail()}
}

func workflowPath(tok policy.Token) (publisher.WorkflowPath, bool) {
	jwr, st := publisher.ReadString(tok, "job_workflow_ref")
	if st != publisher.ClaimString {
		return publisher.WorkflowPath{}, false
	}
	return publisher.RubyGemsWorkflowPath(jwr)
}

func pathCondition(tok policy.Token, path publisher.WorkflowPath, ok bool) policy.Condition {
	c := publisher.Check{Expression: "job_workflow_ref is <owner>/<repo>/.github/workflows/<file>@<ref>", Claims: []string{"job_workflow_ref"},
		Answer: hidden("the shape of job_workflow_ref (RubyGems: \"Invalid job_workflow_ref format\")")}
	if _, read := publisher.ReadClaim(tok, "job_workflow_ref", &c); !read {
		return c.Fail()
	}
	return c.Decide(ok)
}

// lookup is for_claims: every field compared exactly (Ruby and SQL
// equality), the workflow's repository told apart from the caller's, and
// the environment chosen from the token's.
func lookup(doc publisher.Document, tok policy.Token, path publisher.WorkflowPath, pathOK bool) []policy.Condition {
	repoC := publisher.Check{Expression: "owner/repository: " + doc.Owner + "/" + doc.Repository, Claims: []string{"repository"}, Expected: []string{doc.Owner + "/" + doc.Repository},
		Answer: hidden("the repository (compared case-sensitively)")}
	repo, ok := publisher.ReadClaim(tok, "repository", &repoC)
	want := doc.Owner + "/" + doc.Repository
	if ok && repo != want {
		repoC.Notes = append(repoC.Notes, publisher.Differ("RubyGems", "the repository", publisher.CaseSensitive, want, repo)...)
	}
	out := []policy.Condition{repoC.Decide(ok && repo == want)}
	out = append(out, publisher.OwnerIDCheck(doc, tok, "RubyGems", hidden("the repository owner ID")))

	fileC := publisher.Check{Expression: "workflow: " + doc.Workflow, Claims: []string{"job_workflow_ref"}, Expected: []string{doc.Workflow},
		Answer: hidden("the workflow file name (read from job_workflow_ref, compared case-sensitively)"), Actual: path.File}
	if pathOK && path.File != doc.Workflow {
		fileC.Notes = publisher.Differ("RubyGems", "the workflow file name", publisher.CaseSensitive, doc.Workflow, path.File)
	}
	out = append(out, fileC.Decide(pathOK && path.File == doc.Workflow))
	out = append(out, workflowRepository(doc, repo, path, pathOK),
		publisher.EnvironmentCheck(doc, tok, "RubyGems", publisher.CaseSensitive, hidden("the environment (compared case-sensitively)")))
	return out
}

// workflowRepository: a workflow in the caller's own repository needs a
// publisher without workflow_repository; one from another repository
// needs workflow_repository to name it.
func workflowRepository(doc publisher.Document, repo string, path publisher.WorkflowPath, pathOK bool) policy.Condition {
	expr := "workflow_repository: (none: the workflow is in the repository itself)"
	if doc.WorkflowRepository != "" {
		expr = "workflow_repository: " + doc.WorkflowRepository
	}
	c := publisher.Check{Expression: expr, Claims: []string{"job_workflow_ref", "repository"}, Expected: []string{doc.WorkflowRepository}}
	if !pathOK {
		c.Answer = hidden("the shape of job_workflow_ref")
		return c.Fail()
	}
	c.Actual = path.Repository()
	same := path.Owner+"/"+path.Name == repo
	switch {
	case same && doc.WorkflowRepository == "":
		return c.Pass()
	case same:
		c.Answer = hidden("the workflow's repository: the job runs a workflow of its own repository, but the publisher expects a reusable workflow from " + doc.WorkflowRepository)
	case doc.WorkflowRepository == "":
		c.Answer = hidden("the workflow's repository: the job runs a reusable workflow from " + path.Repository() + ", but the publisher expects a workflow of the repository itself")
		c.Notes = []string{fmt.Sprintf("set workflow_repository: %s (RubyGems's Workflow repository owner and name) to trust that reusable workflow", path.Repository())}
	case path.Repository() != doc.WorkflowRepository:
		c.Answer = hidden("the workflow's repository: the job runs a reusable workflow from " + path.Repository() + ", not from " + doc.WorkflowRepository)
		c.Notes = publisher.Differ("RubyGems", "the workflow repository", publisher.CaseSensitive, doc.WorkflowRepository, path.Repository())
	default:
		return c.Pass()
	}
	return c.Fail()
}

// refCondition is the access policy's job_workflow_ref condition: the
// workflow at one of the candidate refs. For a workflow of the repository
// itself they are the run's ref and sha; for a reusable workflow from
// another repository, what follows the expected prefix (so any ref of it)
// and job_workflow_sha.
func refCondition(doc publisher.Document, tok policy.Token, path publisher.WorkflowPath, pathOK bool) policy.Condition {
	wrepo := doc.WorkflowRepository
	if wrepo == "" {
		wrepo = doc.Owner + "/" + doc.Repository
	}
	prefix := wrepo + "/.github/workflows/" + doc.Workflow + "@"
	c := publisher.Check{Expression: "job_workflow_ref = " + prefix + "<ref>", Claims: []string{"job_workflow_ref", "ref", "sha"}}
	jwr, ok := publisher.ReadClaim(tok, "job_workflow_ref", &c)
	if !ok || !pathOK {
		c.Answer = hidden("the shape of job_workflow_ref")
		return c.Fail()
	}
	var refs []string
	if doc.WorkflowRepository != "" {
		c.Claims = []string{"job_workflow_ref", "job_workflow_sha"}
		if !strings.HasPrefix(jwr, prefix) {
			c.Answer = hidden(fmt.Sprintf("job_workflow_ref (RubyGems: \"job_workflow_ref %s does not match expected prefix %s\")", jwr, prefix))
			c.Notes = policy.AlignNamed(prefix, jwr[:min(len(jwr), len(prefix))])
			return c.Fail()
		}
		refs = append(refs, strings.TrimPrefix(jwr, prefix))
		if s, _ := tok.String("job_workflow_sha"); s != "" {
			refs = append(refs, s)
		}
	} else {
		for _, n := range []string{"ref", "sha"} {
			if s, _ := tok.String(n); strings.TrimSpace(s) != "" {
				refs = append(refs, s)
			}
		}
	}
	refs = nonBlank(refs)
	if len(refs) == 0 {
		c.Answer = hidden("the workflow's ref (RubyGems: \"no workflow refs could be extracted from the JWT claims\")")
		return c.Fail()
	}
	for _, r := range refs {
		c.Expected = append(c.Expected, prefix+r)
	}
	for _, e := range c.Expected {
		if e == jwr {
			return c.Pass()
		}
	}
	c.Answer = hidden("job_workflow_ref: the workflow must run at the run's own ref or sha")
	if pathOK && path.Repository() == doc.Owner+"/"+doc.Repository && path.File == doc.Workflow {
		c.Notes = append(c.Notes, fmt.Sprintf("the workflow is called at %s, not at the run's ref or sha: RubyGems accepts a workflow of the repository itself only at the run's own ref", path.Ref))
	}
	c.Notes = append(c.Notes, policy.AlignNamed(c.Expected[0], jwr)...)
	return c.Fail()
}

// nonBlank drops blank refs, as Ruby's compact_blank does.
func nonBlank(refs []string) []string {
	var out []string
	for _, r := range refs {
		if strings.TrimSpace(r) != "" {
			out = append(out, r)
		}
	}
	return out
}
