package entra

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestSnippets(t *testing.T) {
	tok := policytest.FixtureToken(t, "environment-prod")
	byClaim := policytest.SnippetTexts(t, New(), tok)
	want := map[string][]string{
		"iss": {`"issuer": "https://token.actions.githubusercontent.com"`},
		"sub": {`"subject": "repo:octo-org/octo-repo:environment:prod"`, `"subject": "repo:octo-org@65/octo-repo@74:environment:prod"`,
			`claims['sub'] matches 'repo:octo-org/octo-repo:*'`},
		"aud":                 {`"audiences": ["api://AzureADTokenExchange"]`},
		"job_workflow_ref":    {`claims['job_workflow_ref'] eq 'octo-org/octo-repo/.github/workflows/deploy-prod.yml@refs/heads/main'`},
		"repository_id":       {`claims['repository_id'] eq '74'`},
		"repository_owner_id": {`claims['repository_owner_id'] eq '65'`},
	}
	for claim, texts := range want {
		if !slices.Equal(byClaim[claim], texts) {
			t.Errorf("snippets for %s = %q, want %q", claim, byClaim[claim], texts)
		}
	}
	for claim := range byClaim {
		if _, ok := want[claim]; !ok {
			t.Errorf("snippet for %s, a claim Entra cannot condition on", claim)
		}
	}

	// Pasted together, the snippets make credentials that allow the token.
	doc := `{"name":"from-snippets",` + byClaim["iss"][0] + `,` + byClaim["sub"][0] + `,` + byClaim["aud"][0] + `}`
	if r := parseOne(t, doc).Evaluate(tok); r.Verdict != policy.Allow {
		t.Errorf("standard credential from snippets: %s (%s)", r.Verdict, r.Summary)
	}
	terms := []string{byClaim["sub"][2], byClaim["job_workflow_ref"][0], byClaim["repository_id"][0], byClaim["repository_owner_id"][0]}
	if r := parseOne(t, flexibleFIC(gh, strings.Join(terms, " and "))).Evaluate(tok); r.Verdict != policy.Allow {
		t.Errorf("flexible credential from snippets: %s (%s)", r.Verdict, r.Summary)
	}
}

func TestSnippetsOtherTokens(t *testing.T) {
	// push-main: no aud snippet (its aud is not Entra's), legacy → immutable.
	var texts []string
	for _, s := range New().Snippets(policytest.FixtureToken(t, "push-main")) {
		texts = append(texts, s.Text)
		if s.Claim == "aud" {
			t.Errorf("aud snippet %q for a token whose aud is sts.amazonaws.com", s.Text)
		}
	}
	if !slices.Contains(texts, `"subject": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"`) {
		t.Errorf("push-main snippets %q lack the immutable subject", texts)
	}
	// immutable-sub: the other form is the legacy one.
	texts = nil
	for _, s := range New().Snippets(policytest.FixtureToken(t, "immutable-sub")) {
		texts = append(texts, s.Text)
	}
	for _, w := range []string{`"subject": "repo:octo-org/octo-repo:ref:refs/heads/main"`, `claims['sub'] matches 'repo:octo-org@65/octo-repo@74:*'`} {
		if !slices.Contains(texts, w) {
			t.Errorf("immutable-sub snippets %q lack %s", texts, w)
		}
	}
	// enterprise issuer: no flexible terms (documented for github.com's issuer only).
	for _, s := range New().Snippets(policytest.FixtureToken(t, "enterprise")) {
		if strings.HasPrefix(s.Text, "claims[") {
			t.Errorf("flexible snippet %q for the enterprise issuer", s.Text)
		}
	}
	// Hostile: nothing usable, nothing offered, no panic.
	if got := New().Snippets(policytest.Payload(t, `{"iss":1,"sub":"a","sub":"b","aud":{}}`)); len(got) != 0 {
		t.Errorf("snippets for a hostile token: %+v, want none", got)
	}
}
