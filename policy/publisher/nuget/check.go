package nuget

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// answer is NuGet's 401 error text, as the token API returns it in
// {"error": …}.
func answer(text string) string { return "NuGet answers 401 Unauthorized: " + text }

// policyName stands for the policy's name, which NuGet's texts quote and
// the document does not hold.
const policyName = "<policy name>"

// requiredClaims are the claims EvaluatePolicyAsync requires, in its
// order; empty or blank counts as missing (TryGetRequiredClaim).
var requiredClaims = []string{"repository", "repository_owner", "repository_owner_id", "repository_id", "event_name"}

// check follows ValidateJwtByIssuerAsync (aud, iss, jti, then signature,
// issuer, audience and lifetime) and EvaluatePolicyAsync (required
// claims, owner and repository, the pinned IDs, banned events, the
// workflow file, the environment).
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	user := doc.User
	if user == "" {
		user = "<user>"
	}
	generic := answer(fmt.Sprintf("No matching trust policy owned by user '%s' was found.", user))
	auds := audience(doc, tok)
	out := []policy.Condition{auds[0],
		publisher.IssuerCheck(tok, "NuGet", answer(issuerText(tok))),
		present(tok, "jti", "The JSON web token must have a jti claim.")}
	out = append(out, auds[1:]...)
	out = append(out,
		publisher.NotChecked("token replay (jti)", []string{"jti"}, "NuGet stores every token it exchanges and refuses one used before, answering 401 \"This bearer token has already been used. A new bearer token must be used for each request.\""),
		publisher.ClockNotChecked("NuGet", "the token library's default clock skew: 5 minutes if unchanged, UNCERTAIN"),
		required(tok),
		hiddenMatch(tok, "repository_owner", "owner", doc.Owner, publisher.CaseInsensitive, generic),
		hiddenMatch(tok, "repository", "owner/repository", doc.Owner+"/"+doc.Repository, publisher.CaseInsensitive, generic),
	)
	out = append(out, ids(doc, tok, generic)...)
	ev, _ := tok.String("event_name")
	env, _ := tok.String("environment")
	out = append(out,
		publisher.NotChecked("the events NuGet refuses", []string{"event_name"}, fmt.Sprintf(
			"NuGet refuses the events its deployment lists (BannedGitHubActionsEvents: empty by default, the production list is not published), answering 401 %s", escape.Quoted(fmt.Sprintf("The GitHub Actions event '%s' is not allowed.", ev)))),
		workflow(doc, tok),
		publisher.EnvironmentCheck(doc, tok, "NuGet", publisher.CaseInsensitive, answer(fmt.Sprintf("Environment mismatch for policy '%s': expected '%s', actual '%s'", policyName, doc.Environment, env))),
	)
	if doc.Package != "" {
		out = append(out, publisher.NotChecked("the package", nil, fmt.Sprintf(
			"NuGet checks package %s against the policy's package patterns and the API key's scopes when the package is pushed, not when the token is exchanged", escape.Quoted(doc.Package))))
	}
	return out
}

// audience: exactly one aud value (checked before iss), then equal to the
// document's audience when it names one (checked with the signature).
// NuGet's own value is deployment configuration.
func audience(doc publisher.Document, tok policy.Token) []policy.Condition {
	c := publisher.Check{Expression: "exactly one aud value", Claims: []string{"aud"}, Answer: answer("The JSON web token must have exactly one aud claim value.")}
	if doc.Audience != "" {
		c.Expected = []string{doc.Audience}
	}
	auds, ok := tok.Strings("aud")
	c.Actual, _ = tok.Text("aud")
	_, present := tok.Claim("aud")
	c.Absent = !present
	switch {
	case !ok || len(auds) != 1 || tok.Duplicated("aud"):
		if ok {
			c.Notes = append(c.Notes, fmt.Sprintf("the token's aud has %d values", len(auds)))
		}
		return []policy.Condition{c.Fail()}
	case strings.TrimSpace(auds[0]) == "":
		c.Answer = answer("The JSON web token must have an aud claim.")
		return []policy.Condition{c.Fail()}
	case doc.Audience == "":
		return []policy.Condition{c.Pass(), publisher.NotChecked("NuGet's audience", []string{"aud"}, fmt.Sprintf(
			"NuGet requires the audience its deployment configures (NuGetAudience; the NuGet/login step requests it through its audience input) and answers 401 %q otherwise; this token's is %s: add audience to the document to check it", "The JSON web token has an incorrect audience.", escape.Quoted(auds[0])))}
	}
	one := c.Pass()
	c.Expression = "aud = " + doc.Audience
	if auds[0] == doc.Audience {
		return []policy.Condition{one, c.Pass()}
	}
	c.Answer = answer("The JSON web token has an incorrect audience.")
	c.Notes = publisher.Differ("NuGet", "aud", publisher.CaseSensitive, doc.Audience, auds[0])
	return []policy.Condition{one, c.Fail()}
}

// issuerText is NuGet's answer for the token's iss: its host selects the
// GitHub validator, which then wants GitHub's issuer exactly.
func issuerText(tok policy.Token) string {
	iss, _ := tok.String("iss")
	u, err := url.Parse(iss)
	switch {
	case strings.TrimSpace(iss) == "":
		return "The JSON web token must have an iss claim."
	case err != nil || u.Scheme != "https" || u.Host == "":
		return "The JSON web token iss claim must be a valid HTTPS URL."
	case !strings.EqualFold(u.Host, strings.TrimPrefix(publisher.GitHubIssuer, "https://")):
		return "The JSON web token iss claim is not supported."
	}
	return "The JSON web token could not be validated."
}

// present: claim is there and not blank, else text.
func present(tok policy.Token, claim, text string) policy.Condition {
	c := publisher.Check{Expression: claim + " present", Claims: []string{claim}, Answer: answer(text)}
	v, ok := publisher.ReadClaim(tok, claim, &c)
	return c.Decide(ok && strings.TrimSpace(v) != "")
}

func required(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "required claims present", Claims: requiredClaims, Expected: requiredClaims}
	for _, n := range requiredClaims {
		if v, st := publisher.ReadString(tok, n); st != publisher.ClaimString || strings.TrimSpace(v) == "" {
			c.Actual = "missing: " + n
			c.Answer = answer(fmt.Sprintf("The JSON Web Token is missing the required claim '%s'.", n))
			return c.Fail()
		}
	}
	c.Actual = "all present"
	return c.Pass()
}

// hiddenMatch compares claim with want under rule. NuGet does not
// disclose the mismatch: the answer is generic, and the reason it logs
// is shown beside it.
func hiddenMatch(tok policy.Token, claim, key, want string, rule publisher.CaseRule, generic string) policy.Condition {
	c := publisher.Check{Expression: key + ": " + want + " (" + rule.String() + ")", Claims: []string{claim}, Expected: []string{want}, Answer: generic}
	v, ok := publisher.ReadClaim(tok, claim, &c)
	same := ok && rule.Same(v, want)
	if ok && !same {
		c.Notes = append(c.Notes, fmt.Sprintf("NuGet does not disclose this mismatch; the reason it logs: The JSON Web Token claim '%s' has value '%s' which does not match the policy.", claim, v))
		c.Notes = append(c.Notes, publisher.Differ("NuGet", claim, rule, want, v)...)
	}
	return c.Decide(same)
}

// ids: a policy is temporary until a token matches it; that token's IDs
// are written into it and compared exactly from then on.
func ids(doc publisher.Document, tok policy.Token, generic string) []policy.Condition {
	if doc.OwnerID == "" && doc.RepositoryID == "" {
		return []policy.Condition{publisher.NotChecked("the IDs NuGet records on first use", []string{"repository_owner_id", "repository_id"},
			fmt.Sprintf("a new policy is temporary: the first token that matches it within 7 days writes its repository_owner_id and repository_id into it, and from then on both must match exactly, else %s; unused for 7 days it answers 401 %q; add owner_id and repository_id to check them offline",
				generic, fmt.Sprintf("The policy '%s' has expired. Sign in and renew the trust policy on the Trusted Publishing page.", policyName)))}
	}
	var out []policy.Condition
	for _, id := range []struct{ claim, key, want string }{{"repository_owner_id", "owner_id", doc.OwnerID}, {"repository_id", "repository_id", doc.RepositoryID}} {
		if id.want == "" {
			out = append(out, publisher.NotChecked("the "+id.key+" NuGet recorded", []string{id.claim}, "the document has no "+id.key+": NuGet compares the token's "+id.claim+" exactly with the one it recorded on first use"))
			continue
		}
		out = append(out, hiddenMatch(tok, id.claim, id.key, id.want, publisher.CaseSensitive, generic))
	}
	return out
}

// workflow: job_workflow_ref must start, ignoring case, with the policy's
// <owner>/<repository>/.github/workflows/ and have an @ after it; the file
// between them is compared ignoring case.
func workflow(doc publisher.Document, tok policy.Token) policy.Condition {
	prefix := doc.Owner + "/" + doc.Repository + "/.github/workflows/"
	c := publisher.Check{Expression: "workflow: " + doc.Workflow + " (job_workflow_ref under " + prefix + ", ignoring case)", Claims: []string{"job_workflow_ref"}, Expected: []string{doc.Workflow}}
	jwr, st := publisher.ReadString(tok, "job_workflow_ref")
	if st != publisher.ClaimString || strings.TrimSpace(jwr) == "" {
		c.Answer = answer("The JSON Web Token is missing the required claim 'job_workflow_ref'.")
		publisher.ReadClaim(tok, "job_workflow_ref", &c)
		return c.Fail()
	}
	at := -1
	if len(prefix) < len(jwr) {
		if i := strings.IndexByte(jwr[len(prefix):], '@'); i >= 0 {
			at = len(prefix) + i
		}
	}
	if at < 0 || !strings.EqualFold(jwr[:min(len(prefix), len(jwr))], prefix) {
		c.Actual = jwr
		c.Answer = answer(fmt.Sprintf("Claim 'job_workflow_ref' has value '%s' which does not start with %s.", jwr, prefix))
		if w, ok := publisher.RubyGemsWorkflowPath(jwr); ok && !publisher.CaseInsensitive.Same(w.Repository(), doc.Owner+"/"+doc.Repository) {
			c.Notes = append(c.Notes, fmt.Sprintf("the job runs a reusable workflow from %s: NuGet accepts only a workflow of the policy's repository", w.Repository()))
		}
		return c.Fail()
	}
	file := jwr[len(prefix):at]
	c.Actual = file
	c.Answer = answer(fmt.Sprintf("Workflow mismatch for policy '%s': expected '%s', actual '%s'", policyName, doc.Workflow, file))
	same := publisher.CaseInsensitive.Same(file, doc.Workflow)
	if !same {
		c.Notes = publisher.Differ("NuGet", "the workflow file", publisher.CaseInsensitive, doc.Workflow, file)
	}
	return c.Decide(same)
}
