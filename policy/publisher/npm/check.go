package npm

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// notFound is the answer reported for a token that matches no trusted
// publisher (npm/cli#8678, #9923, #9969); npm gives no reason, and the
// CLI logs it only at --loglevel verbose before the publish fails with
// ENEEDAUTH or E404.
const notFound = `npm answers 404 {"message":"OIDC token exchange error - package not found"}`

// hidden is notFound with the mismatch it hides.
func hidden(mismatch string) string {
	return notFound + " (as reported; npm's registry is closed source and names no reason); the mismatch is " + mismatch
}

// unauthorized is what npm was reported to answer for an enterprise's
// unique issuer (npm/cli#9203).
const unauthorized = `npm answers 401 {"message":"OIDC token exchange error - unauthorized"} (as reported for an enterprise's unique issuer)`

// check makes the checks npm's documentation states, then names what it
// does not say.
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	out := []policy.Condition{
		audience(doc, tok),
		publisher.IssuerCheck(tok, "npm", unauthorized),
		runner(tok),
		repository(doc, tok),
		workflow(doc, tok),
		publisher.EnvironmentCheck(doc, tok, "npm", publisher.CaseSensitive, hidden("the environment (all fields are case-sensitive and must be exact)")),
		publisher.NotChecked("the other claims npm may compare (not confirmed)", []string{"repository_owner_id", "repository_id", "ref", "event_name", "sub"}, unconfirmed(tok)),
		publisher.NotChecked("token replay (jti) and the registry's clock (not confirmed)", []string{"jti", "exp", "nbf", "iat"},
			"npm's documentation says only that the short-lived credentials cannot be extracted or reused; whether it records jti and how much clock leeway it allows are not published"),
	}
	return append(out, pkg(doc, tok))
}

// audience: the npm CLI requests npm:<host>, the host of the registry it
// publishes to. A document with audience: needs exactly that; without
// one any npm:<host> passes and the host is named.
func audience(doc publisher.Document, tok policy.Token) policy.Condition {
	if doc.Audience != "" {
		return publisher.AudienceCheck(tok, "npm", doc.Audience, hidden("the audience: the npm CLI requests "+doc.Audience+" for that registry"))
	}
	c := publisher.Check{Expression: "aud = npm:<host> (the document names no audience: any registry's)", Claims: []string{"aud"}, Expected: []string{AudiencePrefix + "<host>"},
		Answer: hidden("the audience: the npm CLI requests npm:<host> for the registry it publishes to")}
	v, ok := publisher.ReadClaim(tok, "aud", &c)
	host, isNPM := strings.CutPrefix(v, AudiencePrefix)
	if ok && isNPM && host != "" {
		c.Expression = "aud = npm:<host> (the document names no audience): this token is for the registry at " + host
		return c.Pass()
	}
	if ok {
		c.Notes = append(c.Notes, "this token's aud "+escape.Quoted(v)+" is not npm:<host>: the npm CLI requests the token itself, with npm: and the host of its registry URL; a token requested for another service is not one npm exchanges")
	}
	return c.Fail()
}

// runner: npm's documentation supports GitHub-hosted runners only.
func runner(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "runner_environment = github-hosted", Claims: []string{"runner_environment"}, Expected: []string{"github-hosted"},
		Answer: hidden("the runner: npm's documentation says self-hosted runners are not supported")}
	v, ok := publisher.ReadClaim(tok, "runner_environment", &c)
	if ok && v != "github-hosted" {
		c.Notes = append(c.Notes, "run the publishing job on a GitHub-hosted runner")
	}
	return c.Decide(ok && v == "github-hosted")
}

// repository: owner/repository exactly, as the docs say of every field.
func repository(doc publisher.Document, tok policy.Token) policy.Condition {
	want := doc.Owner + "/" + doc.Repository
	c := publisher.Check{Expression: "owner/repository: " + want + " (case-sensitive)", Claims: []string{"repository"}, Expected: []string{want},
		Answer: hidden("the repository (all fields are case-sensitive and must be exact)")}
	v, ok := publisher.ReadClaim(tok, "repository", &c)
	if ok && v != want {
		c.Notes = append(c.Notes, publisher.Differ("npm", "the repository", publisher.CaseSensitive, want, v)...)
	}
	return c.Decide(ok && v == want)
}

// workflow: the calling workflow's file (workflow_ref), exactly; a
// reusable workflow is matched on its caller.
func workflow(doc publisher.Document, tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "workflow: " + doc.Workflow + " (the calling workflow, case-sensitive)", Claims: []string{"workflow_ref"}, Expected: []string{doc.Workflow},
		Answer: hidden("the workflow file name (read from the calling workflow's workflow_ref, case-sensitive)")}
	ref, ok := publisher.ReadClaim(tok, "workflow_ref", &c)
	if !ok {
		return c.Fail()
	}
	file, found := publisher.PathWorkflowFile(ref)
	c.Actual = file
	if !found {
		c.Actual = ref
		c.Notes = append(c.Notes, "workflow_ref is not <owner>/<repo>/.github/workflows/<file>@<ref>")
		return c.Fail()
	}
	if file == doc.Workflow {
		return c.Pass()
	}
	c.Notes = append(c.Notes, publisher.CallerNote(tok, "npm", "trusted publisher", file, doc.Workflow, publisher.PathWorkflowFile)...)
	c.Notes = append(c.Notes, publisher.Differ("npm", "the workflow file name", publisher.CaseSensitive, doc.Workflow, file)...)
	return c.Fail()
}

// unconfirmed words what npm does not say it compares, with what this
// token would raise.
func unconfirmed(tok policy.Token) string {
	s := "npm's registry is closed source and its documentation does not say whether it compares repository_owner_id, repository_id, ref, event_name or sub, nor what it does with pull_request or pull_request_target runs"
	if ev, _ := tok.String("event_name"); strings.HasPrefix(ev, "pull_request") {
		s += fmt.Sprintf("; this token is from a %s run", ev)
	}
	if sub, _ := tok.String("sub"); strings.HasPrefix(sub, "repo:") && strings.Contains(strings.SplitN(sub, ":", 3)[1], "@") {
		s += "; this token's sub has GitHub's immutable form (owner@id/repo@id), which an open report (npm/cli#9969) says fails with package not found"
	}
	return s
}

// pkg: the package must exist with this one trusted publisher; npm does
// not validate the publisher when it is saved.
func pkg(doc publisher.Document, tok policy.Token) policy.Condition {
	name := doc.Package
	if name == "" {
		name = "the package"
	}
	repo, _ := tok.String("repository")
	return publisher.NotChecked("the package (not confirmed)", []string{"repository"}, fmt.Sprintf(
		"npm exchanges the token for %s only if the package exists and this is its trusted publisher (one per package; npm does not validate it when saved); with provenance, package.json's repository.url must be exactly https://github.com/%s, or npm answers 422 \"Error verifying sigstore provenance bundle: Failed to validate repository information: package.json: \\\"repository.url\\\" is \\\"<value>\\\", expected to match \\\"<https://github.com/%s>\\\" from provenance\"",
		name, repo, repo))
}
