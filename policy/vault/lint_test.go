package vault

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Every rule fires on a bad role and stays silent on a good one (the
// suggested role for push-main is the good one for all of them).
func TestLintRules(t *testing.T) {
	tests := []struct {
		rule, severity string // severity "": the rule must not fire
		doc            string // a role document
	}{
		{RuleNoBoundAudiences, policy.SevError, `{"role_type":"jwt","user_claim":"repository","bound_claims":{"repository_id":"74"}}`},
		{RuleGlobSpansColon, policy.SevWarning, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"sub":"repo:octo-org/*","repository_id":"74"}}`},
		{RuleGlobSpansColon, policy.SevWarning, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"sub":"repo:octo-org/octo-repo:*","repository_id":"74"}}`},
		{RuleGlobSpansColon, policy.SevWarning, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"/job_workflow_ref":"octo-org/octo-automation/.github/workflows/*.yml@refs/heads/main","repository_id":"74"}}`},
		{RuleWildcardInString, policy.SevWarning, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims":{"ref":"refs/heads/*","repository_id":"74"}}`},
		{RuleWildcardInString, policy.SevWarning, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_subject":"repo:octo-org/octo-repo:*","bound_claims":{"repository_id":"74"}}`},
		{RuleRoleTypeOIDC, policy.SevError, `{"user_claim":"repository","bound_audiences":["a"],"bound_claims":{"repository_id":"74"}}`},
		{RuleRoleTypeOIDC, policy.SevError, `{"role_type":"oidc","allowed_redirect_uris":["https://vault/ui"],"user_claim":"repository","bound_audiences":["a"],"bound_claims":{"repository_id":"74"}}`},
		{RuleNoIDs, policy.SevInfo, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims":{"repository":"octo-org/octo-repo"}}`},
		{RuleSubjectMutable, policy.SevInfo, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_subject":"repo:octo-org/octo-repo:ref:refs/heads/main"}`},
		{RuleSubjectMutable, policy.SevInfo, `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims":{"sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`},
		{RuleNoBoundConstraint, policy.SevError, `{"role_type":"jwt","user_claim":"repository"}`},
		// Near misses that must not fire.
		{RuleGlobSpansColon, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"sub":"repo:octo-org/octo-repo:ref:refs/heads/*","repository_id":"74"}}`},
		{RuleGlobSpansColon, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"job_workflow_ref":"octo-org/octo-automation/.github/workflows/oidc.yml@refs/tags/v*","repository_id":"74"}}`},
		{RuleGlobSpansColon, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"ref":"refs/*","repository_id":"74"}}`},
		{RuleGlobSpansColon, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims":{"sub":"repo:octo-org/*","repository_id":"74"}}`},
		{RuleWildcardInString, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims_type":"glob","bound_claims":{"ref":"refs/heads/*","repository_id":"74"}}`},
		{RuleNoIDs, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_claims":{"/repository_owner_id":"65"}}`},
		{RuleSubjectMutable, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"],"bound_subject":"repo:octo-org@65/octo-repo@74:ref:refs/heads/main","bound_claims":{"repository_id":"74"}}`},
		{RuleNoBoundConstraint, "", `{"role_type":"jwt","user_claim":"repository","token_bound_cidrs":["10.0.0.0/8"]}`},
		{RuleRoleTypeOIDC, "", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["a"]}`},
	}
	sug, err := New().Suggest(policytest.FixtureToken(t, "push-main"), policy.ScopeRef)
	if err != nil {
		t.Fatal(err)
	}
	good := parseOne(t, sug.Document).Evaluate(policytest.FixtureToken(t, "push-main"))
	if len(good.Lint) != 0 {
		t.Errorf("the suggested role has findings: %+v", good.Lint)
	}
	tok := policytest.FixtureToken(t, "push-main")
	for _, tt := range tests {
		policytest.CheckFinding(t, parseOne(t, tt.doc).Evaluate(tok).Lint, tt.rule, tt.severity)
	}
}
