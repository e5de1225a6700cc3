package cratesio

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// answer is crates.io's error detail, as crates-io-auth-action prints it
// after "Failed to retrieve token from Cargo registry. Status: 400.".
func answer(detail string) string { return "crates.io answers (400 Bad Request): " + detail }

const decodeFailed = "Failed to decode JWT"

// stringClaims are the claims GitHubClaims::decode deserialises as
// strings; iat and exp are numbers.
var stringClaims = []string{"jti", "repository_owner_id", "repository", "workflow_ref", "event_name", "run_id", "sha"}

// check follows handle_github_token and handle_github_token_inner:
// decoding (aud, iss, the claims the struct requires), the event, the
// repository and workflow_ref shapes, then the configurations of the
// repository narrowed by owner ID, workflow file and environment.
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	repo, _ := tok.String("repository")
	out := []policy.Condition{
		publisher.AudienceCheck(tok, "crates.io", Audience, answer(decodeFailed)),
		publisher.IssuerCheck(tok, "crates.io", answer("Unsupported JWT issuer: "+claimOr(tok, "iss"))),
		decodable(tok),
		publisher.NotChecked("token replay (jti)", []string{"jti"}, "crates.io records every token's jti until 60 seconds after it expires and refuses one used before ("+answer("JWT has already been used")+")"),
		event(tok),
		repositoryShape(tok),
		workflowShape(tok),
		ownerIDShape(tok),
		config(doc, tok, repo),
		ownerID(doc, tok, repo),
		workflow(doc, tok, repo),
		environment(doc, tok, repo),
	}
	if doc.Package != "" {
		out = append(out, publisher.NotChecked("the crate", nil, fmt.Sprintf(
			"the token crates.io hands out covers every crate with a configuration that matches; whether crate %s has this one is set at crates.io (and the crate must already exist: crates.io cannot create one this way)", escape.Quoted(doc.Package))))
	}
	return append(out, publisher.ClockNotChecked("crates.io", "60 seconds of leeway on exp and nbf; iat may not be in the future"))
}

func claimOr(tok policy.Token, claim string) string {
	v, _ := tok.Text(claim)
	return v
}

// decodable is GitHubClaims::decode's deserialisation: the strings it
// requires, numeric iat and exp, and an environment that is a string if
// present.
func decodable(tok policy.Token) policy.Condition {
	want := append([]string{"iat", "exp"}, stringClaims...)
	c := publisher.Check{Expression: "the claims crates.io decodes: " + strings.Join(want, ", "), Claims: want, Expected: want, Answer: answer(decodeFailed)}
	var problems []string
	for _, n := range []string{"iat", "exp"} {
		if v, ok := tok.Claim(n); !ok || v.Kind != decode.Number || tok.Duplicated(n) {
			problems = append(problems, n+" (a number)")
		}
	}
	for _, n := range stringClaims {
		if _, st := publisher.ReadString(tok, n); st != publisher.ClaimString {
			problems = append(problems, n)
		}
	}
	if v, ok := tok.Claim("environment"); ok && v.Kind != decode.String && v.Kind != decode.Null {
		problems = append(problems, "environment (a string when present)")
	}
	if len(problems) == 0 {
		c.Actual = "all present"
		return c.Pass()
	}
	c.Actual = "missing or mistyped: " + strings.Join(problems, ", ")
	c.Notes = []string{"crates.io decodes the token into a fixed set of claims and refuses it when one is missing, repeated or of another type"}
	return c.Fail()
}

// event: pull_request_target and workflow_run are refused.
func event(tok policy.Token) policy.Condition {
	ev, _ := tok.String("event_name")
	c := publisher.Check{Expression: "event_name not pull_request_target or workflow_run", Claims: []string{"event_name"}, Expected: []string{"any event but pull_request_target and workflow_run"},
		Answer: answer(fmt.Sprintf("Trusted Publishing does not support the `%s` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`.", ev))}
	ev, ok := publisher.ReadClaim(tok, "event_name", &c)
	if !ok {
		c.Answer = answer(decodeFailed)
		return c.Fail()
	}
	return c.Decide(ev != "pull_request_target" && ev != "workflow_run")
}

// shape is one of the exchange's checks of a claim's form: a claim that
// does not decode is "Failed to decode JWT", one that valid refuses
// "Unexpected `<claim>` value".
func shape(tok policy.Token, claim, expression string, valid func(string) bool) policy.Condition {
	c := publisher.Check{Expression: expression, Claims: []string{claim}, Answer: answer("Unexpected `" + claim + "` value")}
	v, ok := publisher.ReadClaim(tok, claim, &c)
	if !ok {
		c.Answer = answer(decodeFailed)
		return c.Fail()
	}
	return c.Decide(valid(v))
}

// repositoryShape: the repository must be owner/name.
func repositoryShape(tok policy.Token) policy.Condition {
	return shape(tok, "repository", "repository is owner/name", func(v string) bool { return strings.Contains(v, "/") })
}

// workflowShape: the file name must be readable from workflow_ref, the
// calling workflow.
func workflowShape(tok policy.Token) policy.Condition {
	return shape(tok, "workflow_ref", "workflow_ref names a .yml or .yaml file", func(v string) bool {
		_, found := publisher.CratesIOWorkflowFile(v)
		return found
	})
}

// ownerIDShape: repository_owner_id must parse as a 32-bit integer.
func ownerIDShape(tok policy.Token) policy.Condition {
	return shape(tok, "repository_owner_id", "repository_owner_id is a 32-bit integer", func(v string) bool {
		_, err := strconv.ParseInt(v, 10, 32)
		return err == nil
	})
}

// config: the repository's configurations, found by owner and name
// ignoring case.
func config(doc publisher.Document, tok policy.Token, repo string) policy.Condition {
	want := doc.Owner + "/" + doc.Repository
	c := publisher.Check{Expression: "owner/repository: " + want + " (ignoring case)", Claims: []string{"repository"}, Expected: []string{want},
		Answer: answer(fmt.Sprintf("No Trusted Publishing config found for repository `%s`.", repo))}
	v, ok := publisher.ReadClaim(tok, "repository", &c)
	if !ok {
		return c.Fail()
	}
	owner, name, _ := publisher.SplitRepository(v)
	if publisher.CaseInsensitive.Same(owner, doc.Owner) && publisher.CaseInsensitive.Same(name, doc.Repository) {
		return c.Pass()
	}
	c.Notes = append(c.Notes, policy.AlignNamed(strings.ToLower(want), strings.ToLower(v))...)
	return c.Fail()
}

func ownerID(doc publisher.Document, tok policy.Token, repo string) policy.Condition {
	got, _ := tok.String("repository_owner_id")
	return publisher.OwnerIDCheck(doc, tok, "crates.io", answer(fmt.Sprintf(
		"The Trusted Publishing config for repository `%s` does not match the repository owner ID (%s) in the JWT. Expected owner IDs: %s. Please recreate the Trusted Publishing config to update the repository owner ID.", repo, got, doc.OwnerID)))
}

// workflow compares the calling workflow's file, case-sensitively.
func workflow(doc publisher.Document, tok policy.Token, repo string) policy.Condition {
	ref, _ := tok.String("workflow_ref")
	file, _ := publisher.CratesIOWorkflowFile(ref)
	c := publisher.Check{Expression: "workflow: " + doc.Workflow + " (the calling workflow)", Claims: []string{"workflow_ref"}, Expected: []string{doc.Workflow},
		Answer: answer(fmt.Sprintf("The Trusted Publishing config for repository `%s` does not match the workflow filename `%s` in the JWT. Expected workflow filenames: `%s`", repo, file, doc.Workflow))}
	if _, ok := publisher.ReadClaim(tok, "workflow_ref", &c); !ok {
		return c.Fail()
	}
	c.Actual = file
	if file == doc.Workflow {
		return c.Pass()
	}
	c.Notes = append(c.Notes, publisher.CallerNote(tok, "crates.io", "configuration", file, doc.Workflow, publisher.CratesIOWorkflowFile)...)
	c.Notes = append(c.Notes, publisher.Differ("crates.io", "the workflow file name", publisher.CaseSensitive, doc.Workflow, file)...)
	return c.Fail()
}

// environment: a configuration with one needs the token's, equal
// ignoring case; one without accepts any.
func environment(doc publisher.Document, tok policy.Token, repo string) policy.Condition {
	if doc.Environment == "" {
		return publisher.AnyEnvironment()
	}
	c := publisher.Check{Expression: "environment: " + doc.Environment + " (ignoring case)", Claims: []string{"environment"}, Expected: []string{doc.Environment}}
	v, present := tok.Claim("environment")
	if !present || v.Kind == decode.Null {
		c.Absent = !present
		c.Answer = answer(fmt.Sprintf("The Trusted Publishing config for repository `%s` requires an environment, but the JWT does not specify one. Expected environments: `%s`", repo, doc.Environment))
		c.Notes = []string{policy.Absent("environment")}
		return c.Fail()
	}
	env, ok := publisher.ReadClaim(tok, "environment", &c)
	c.Answer = answer(fmt.Sprintf("The Trusted Publishing config for repository `%s` does not match the environment `%s` in the JWT. Expected environments: `%s`", repo, env, doc.Environment))
	if ok && strings.ToLower(env) == strings.ToLower(doc.Environment) {
		return c.Pass()
	}
	if ok {
		c.Notes = append(c.Notes, policy.AlignNamed(strings.ToLower(doc.Environment), strings.ToLower(env))...)
	}
	return c.Fail()
}
