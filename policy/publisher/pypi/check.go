package pypi

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// answer is what PyPI returns for a refusal, as pypa/gh-action-pypi-publish
// prints it: the error code and its description.
func answer(code, description string) string {
	return fmt.Sprintf("PyPI answers `%s`: %s", code, description)
}

// noPublisher is the invalid-publisher answer with its reason.
func noPublisher(reason string) string {
	return answer("invalid-publisher", "valid token, but no corresponding publisher ("+reason+")")
}

const notFound = "Publisher with matching claims was not found"

// requiredClaims are the claims check_claims_existence requires: the
// verifiable ones and the unverifiable ref and sha.
var requiredClaims = []string{"repository", "repository_owner", "repository_owner_id", "job_workflow_ref", "jti", "event_name", "ref", "sha"}

// check follows the exchange: the token's aud and issuer, the required
// claims, lookup_by_claims (owner, repository, owner ID, workflow file,
// environment), then verify_claims (repository_owner, job_workflow_ref,
// event_name, jti).
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	name := displayName(doc)
	out := []policy.Condition{
		publisher.AudienceCheck(tok, name, audience(doc), answer("invalid-token", "malformed or invalid token")),
		publisher.IssuerCheck(tok, name, answer("invalid-payload", "unknown trusted publishing issuer")),
		required(tok),
	}
	out = append(out, lookup(doc, tok, name)...)
	out = append(out, ownerClaim(doc, tok), jobWorkflowRef(doc, tok), event(tok),
		publisher.NotChecked("token replay (jti)", []string{"jti"}, name+" records every token's jti until it expires and refuses one used before ("+answer("invalid-reuse-token", "invalid token: already used")+"): a token is good for one exchange"),
		publisher.ClockNotChecked(name, "30 seconds of leeway on exp, nbf and iat"))
	return out
}

func required(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "required claims present", Claims: requiredClaims, Expected: requiredClaims}
	missing := publisher.MissingClaims(tok, requiredClaims)
	if len(missing) == 0 {
		c.Actual = "all present"
		return c.Pass()
	}
	c.Actual = "missing: " + strings.Join(missing, ", ")
	c.Answer = noPublisher(fmt.Sprintf("Missing claim %s", pyRepr(missing[0])))
	return c.Fail()
}

// lookup is lookup_by_claims: an SQL equality on owner and name (split
// from repository), owner ID and workflow file, then the environment.
// Every failure is the same answer.
func lookup(doc publisher.Document, tok policy.Token, name string) []policy.Condition {
	repoOwner, repoName := "", ""
	ownerC := publisher.Check{Expression: "owner: " + doc.Owner, Claims: []string{"repository"}, Expected: []string{doc.Owner}, Answer: noPublisher(notFound)}
	nameC := publisher.Check{Expression: "repository: " + doc.Repository, Claims: []string{"repository"}, Expected: []string{doc.Repository}, Answer: noPublisher(notFound)}
	repo, ok := publisher.ReadClaim(tok, "repository", &ownerC)
	if ok {
		var split bool
		if repoOwner, repoName, split = publisher.SplitRepository(repo); !split {
			ok = false
			ownerC.Notes = append(ownerC.Notes, "the token's repository has no /: PyPI splits it into owner and name")
		}
	}
	nameC.Actual, nameC.Absent, nameC.Notes = repoName, ownerC.Absent, slices.Clone(ownerC.Notes)
	ownerC.Actual = repoOwner
	out := []policy.Condition{
		compared(ownerC, ok, doc.Owner, repoOwner, "the owner", "PyPI stores the owner as GitHub spells its login and finds the publisher by SQL equality, so the case must match (inferred from its code; UNCERTAIN end to end)"),
		compared(nameC, ok, doc.Repository, repoName, "the repository name", "PyPI finds the publisher by SQL equality on the name as it was typed in the form, so the case must match (inferred from its code; UNCERTAIN end to end)"),
		publisher.OwnerIDCheck(doc, tok, name, noPublisher(notFound)),
		workflow(doc, tok, name),
		environment(doc, tok, name),
	}
	return out
}

func compared(c publisher.Check, ok bool, want, got, what, caseNote string) policy.Condition {
	if ok && want == got {
		return c.Pass()
	}
	if ok {
		if strings.EqualFold(want, got) {
			c.Notes = append(c.Notes, caseNote)
		}
		c.Notes = append(c.Notes, policy.AlignNamed(want, got)...)
	}
	return c.Fail()
}

// workflow is the file name _extract_workflow_filename reads from
// job_workflow_ref: the called workflow, for a reusable one.
func workflow(doc publisher.Document, tok policy.Token, name string) policy.Condition {
	c := publisher.Check{Expression: "workflow: " + doc.Workflow, Claims: []string{"job_workflow_ref"}, Expected: []string{doc.Workflow}, Answer: noPublisher(notFound)}
	ref, ok := publisher.ReadClaim(tok, "job_workflow_ref", &c)
	if !ok {
		return c.Fail()
	}
	file, found := publisher.PyPIWorkflowFile(ref)
	if !found {
		c.Actual = ref
		c.Answer = noPublisher("Could not job extract workflow filename from OIDC claims")
		c.Notes = append(c.Notes, "PyPI takes the workflow file name from job_workflow_ref: a name ending in .yml or .yaml right before an @")
		return c.Fail()
	}
	c.Actual = file
	if file == doc.Workflow {
		return c.Pass()
	}
	if caller, ok := tok.String("workflow_ref"); ok && caller != ref {
		if cf, ok := publisher.PyPIWorkflowFile(caller); ok && cf == doc.Workflow {
			c.Notes = append(c.Notes, fmt.Sprintf("the job runs a reusable workflow: %s reads the called workflow's file (%s) from job_workflow_ref, not the calling workflow's (%s); and it accepts a reusable workflow only from the same repository at the run's own ref", name, file, cf))
		}
	}
	c.Notes = append(c.Notes, publisher.Differ(name, "the workflow file name", publisher.CaseSensitive, doc.Workflow, file)...)
	return c.Fail()
}

// environment: a publisher with one matches a token whose environment
// equals it ignoring case (PyPI stores it lower-cased); one without
// matches any token.
func environment(doc publisher.Document, tok policy.Token, name string) policy.Condition {
	if doc.Environment == "" {
		return publisher.AnyEnvironment()
	}
	c := publisher.Check{Expression: "environment: " + doc.Environment + " (ignoring case)", Claims: []string{"environment"}, Expected: []string{doc.Environment}, Answer: noPublisher(notFound)}
	env, ok := publisher.ReadClaim(tok, "environment", &c)
	if ok && env != "" && publisher.CaseInsensitive.Same(doc.Environment, env) {
		return c.Pass()
	}
	if ok {
		c.Notes = append(c.Notes, policy.AlignNamed(strings.ToLower(doc.Environment), strings.ToLower(env))...)
	}
	return c.Fail()
}

// ownerClaim is verify_claims' exact check of repository_owner.
func ownerClaim(doc publisher.Document, tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "repository_owner = " + doc.Owner, Claims: []string{"repository_owner"}, Expected: []string{doc.Owner},
		Answer: noPublisher("Check failed for required claim 'repository_owner'")}
	v, ok := publisher.ReadClaim(tok, "repository_owner", &c)
	if ok && v != doc.Owner {
		c.Notes = append(c.Notes, publisher.Differ("PyPI", "repository_owner", publisher.CaseSensitive, doc.Owner, v)...)
	}
	return c.Decide(ok && v == doc.Owner)
}

// jobWorkflowRef is _check_job_workflow_ref: the claim must be the
// publisher's workflow in the publisher's repository at the run's own ref
// or sha, which is what refuses a reusable workflow from elsewhere.
func jobWorkflowRef(doc publisher.Document, tok policy.Token) policy.Condition {
	base := doc.Owner + "/" + doc.Repository + "/.github/workflows/" + doc.Workflow
	c := publisher.Check{Expression: "job_workflow_ref = " + base + "@<ref or sha>", Claims: []string{"job_workflow_ref", "ref", "sha"}}
	jwr, ok := publisher.ReadClaim(tok, "job_workflow_ref", &c)
	if !ok {
		c.Answer = noPublisher("Missing claim 'job_workflow_ref'")
		return c.Fail()
	}
	if jwr == "" {
		c.Answer = noPublisher("The job_workflow_ref claim is empty")
		return c.Fail()
	}
	ref, _ := tok.String("ref")
	sha, _ := tok.String("sha")
	if ref == "" && sha == "" {
		c.Answer = noPublisher("The ref and sha claims are empty")
		return c.Fail()
	}
	var expected []string
	for _, r := range []string{ref, sha} {
		if r != "" && !slices.Contains(expected, base+"@"+r) {
			expected = append(expected, base+"@"+r)
		}
	}
	slices.Sort(expected)
	c.Expected = expected
	if slices.Contains(expected, jwr) {
		return c.Pass()
	}
	quoted := make([]string, len(expected))
	for i, e := range expected {
		quoted[i] = pyRepr(e)
	}
	c.Answer = noPublisher(fmt.Sprintf("The job_workflow_ref claim does not match, expecting one of [%s], got %s", strings.Join(quoted, ", "), pyRepr(jwr)))
	c.Notes = append(c.Notes, reusableNote(doc, jwr, ref)...)
	nearest := expected[0]
	if ref != "" {
		nearest = base + "@" + ref
	}
	c.Notes = append(c.Notes, policy.AlignNamed(nearest, jwr)...)
	return c.Fail()
}

// reusableNote explains the reusable-workflow cases PyPI refuses.
func reusableNote(doc publisher.Document, jwr, ref string) []string {
	w, ok := publisher.RubyGemsWorkflowPath(jwr)
	if !ok {
		return nil
	}
	repo := doc.Owner + "/" + doc.Repository
	switch {
	case w.Repository() != repo:
		return []string{fmt.Sprintf("the job runs a reusable workflow from another repository (%s): PyPI accepts only a workflow in the publishing repository (its documentation: reusable workflows cannot currently be used as the workflow in a Trusted Publisher); move the upload step into a workflow of %s", w.Repository(), repo)}
	case w.Ref != ref:
		return []string{fmt.Sprintf("the workflow is called at %s, not at the run's own ref %s or its sha: PyPI accepts a same-repository reusable workflow only at the run's own ref", w.Ref, ref)}
	}
	return nil
}

// event is _check_event_name: pull_request_target is refused; every
// other event, pull_request included, passes.
func event(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "event_name ≠ pull_request_target", Claims: []string{"event_name"}, Expected: []string{"any event but pull_request_target"},
		Answer: noPublisher("Publishing from a workflow invoked via 'pull_request_target' is not supported.")}
	v, ok := publisher.ReadClaim(tok, "event_name", &c)
	if !ok {
		c.Answer = noPublisher("Missing claim 'event_name'")
		return c.Fail()
	}
	if v == "pull_request_target" {
		c.Notes = append(c.Notes, "pull_request_target runs with the base repository's secrets on a pull request's code; publish from push, release or workflow_dispatch")
	}
	return c.Decide(v != "pull_request_target")
}
