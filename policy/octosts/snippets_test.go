package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func snippetTexts(s []policy.Snippet, claim string) []string {
	var out []string
	for _, x := range s {
		if x.Claim == claim {
			out = append(out, x.Text)
		}
	}
	return out
}

// TestSnippets: the conditions offered for push-main, and that pasted
// together they make a policy that accepts it and refuses other-repo.
func TestSnippets(t *testing.T) {
	p := provider()
	tok := policytest.FixtureToken(t, "push-main")
	snips := p.Snippets(tok)
	for _, s := range snips {
		if s.Provider != policy.OctoSTS || s.Text == "" {
			t.Errorf("snippet %+v", s)
		}
	}
	want := map[string][]string{
		"iss":              {`issuer: "https://token.actions.githubusercontent.com"`},
		"sub":              {`subject: "repo:octo-org/octo-repo:ref:refs/heads/main"`, `subject_pattern: "(?:repo:octo-org/octo-repo|repo:octo-org@65/octo-repo@74):ref:refs/heads/main"`},
		"aud":              {`audience: "sts.amazonaws.com"`},
		"repository_id":    {"claim_pattern:\n  repository_id: \"74\""},
		"job_workflow_ref": {"claim_pattern:\n  job_workflow_ref: \"octo-org/octo-repo/\\\\.github/workflows/deploy\\\\.yml@refs/heads/main\""},
		"ref_protected":    {"claim_pattern:\n  ref_protected: \"true\""},
	}
	for claim, texts := range want {
		got := snippetTexts(snips, claim)
		if strings.Join(got, "\n") != strings.Join(texts, "\n") {
			t.Errorf("%s snippets %q, want %q", claim, got, texts)
		}
	}
	for _, none := range []string{"exp", "iat", "nbf", "jti", "run_id", "sha", "check_run_id", "base_ref"} {
		if got := snippetTexts(snips, none); len(got) > 0 {
			t.Errorf("snippet for %s, which octo-sts cannot usefully match: %q", none, got)
		}
	}
	doc := strings.Join([]string{
		snippetTexts(snips, "iss")[0], snippetTexts(snips, "sub")[1], snippetTexts(snips, "aud")[0],
		snippetTexts(snips, "repository_id")[0], strings.TrimPrefix(snippetTexts(snips, "job_workflow_ref")[0], "claim_pattern:\n"),
	}, "\n")
	pol := parseOne(t, p, doc)
	if r := pol.Evaluate(tok); r.Verdict != policy.Allow {
		t.Errorf("pasted snippets refuse push-main: %s\n%s", r.Summary, doc)
	}
	if r := pol.Evaluate(policytest.FixtureToken(t, "other-repo")); r.Verdict != policy.Deny {
		t.Errorf("pasted snippets accept other-repo:\n%s", doc)
	}
}

// TestSnippetsOddTokens: booleans, the default audience, repo properties,
// and claims octo-sts refuses.
func TestSnippetsOddTokens(t *testing.T) {
	tok := policytest.Payload(t, `{"iss":"x","sub":"custom","aud":["octo-sts.dev","b"],"ref_protected":true,"repo_property_team":"infra","repository_id":74,"environment":""}`)
	snips := provider().Snippets(tok)
	if got := snippetTexts(snips, "ref_protected"); len(got) != 1 || got[0] != "claim_pattern:\n  ref_protected: \"true\"" {
		t.Errorf("boolean claim snippet %q", got)
	}
	if got := snippetTexts(snips, "repo_property_team"); len(got) != 1 {
		t.Errorf("repo property snippet %q", got)
	}
	for _, none := range []string{"repository_id", "environment"} {
		if got := snippetTexts(snips, none); len(got) != 0 {
			t.Errorf("%s: a number or an empty string gets no snippet, got %q", none, got)
		}
	}
	if got := snippetTexts(snips, "aud"); len(got) != 2 {
		t.Errorf("one snippet per aud, got %q", got)
	}
	if got := snippetTexts(snips, "sub"); len(got) != 1 {
		t.Errorf("a custom sub gets only the exact snippet, got %q", got)
	}
}
