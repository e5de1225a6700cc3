package k8s

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestLint: every rule fires on a bad sample, with its severity, and stays
// silent on a good one.
func TestLint(t *testing.T) {
	good := issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_owner_id == '65' && claims.repository_id == '74'\"\n" + userSub
	cases := []struct {
		rule, severity, bad, message string
	}{
		{RuleMutableName, policy.SevWarning,
			issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository == 'octo-org/octo-repo'\"\n" + userSub,
			"prefer claims.repository_id == '74'"},
		{RuleMutableName, policy.SevWarning,
			issuerAud + "  claimValidationRules:\n  - claim: repository_owner\n    requiredValue: octo-org\n" + userSub,
			"without repository_owner_id"},
		{RuleMutableName, policy.SevWarning,
			issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.workflow == 'Deploy'\"\n" + userSub,
			"workflow's display name"},
		{RuleUsernameNoPrefix, policy.SevWarning,
			issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"\"\n",
			"bare sub claim"},
		{RuleUsernameNoPrefix, policy.SevWarning,
			issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      expression: \"claims.repository_id\"\n",
			"bare claims.repository_id"},
		{RuleMultipleAudiences, policy.SevError,
			"  issuer:\n    url: " + ghIssuer + "\n    audiences: [a, b]\n  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n" + userSub,
			"without audienceMatchPolicy: MatchAny"},
		{RuleNoClaimValidation, policy.SevError, issuerAud + userSub, "ANY repository"},
		{RuleNoClaimValidation, policy.SevError,
			"  issuer:\n    url: https://token.actions.octocorp.ghe.com\n    audiences: [a]\n" + userSub, "ANY repository"},
		{RuleUsernameMutable, policy.SevInfo,
			issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"github:\"\n",
			"username derives from sub"},
		{RuleUsernameMutable, policy.SevInfo,
			issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      expression: \"'gh:' + claims.repository\"\n",
			"username derives from repository"},
	}
	tok := k8sPushMain(t, nil)
	goodResult := parseOne(t, doc(good)).Evaluate(tok)
	if len(goodResult.Lint) != 0 {
		t.Errorf("good sample has findings: %+v", goodResult.Lint)
	}
	for _, tc := range cases {
		t.Run(tc.rule+"/"+tc.message, func(t *testing.T) {
			r := parseOne(t, doc(tc.bad)).Evaluate(tok)
			found := false
			for _, f := range r.Lint {
				if f.Rule == tc.rule {
					found = true
					if f.Severity != tc.severity {
						t.Errorf("%s severity %s, want %s", tc.rule, f.Severity, tc.severity)
					}
					if !strings.Contains(f.Message, tc.message) {
						t.Errorf("%s message %q lacks %q", tc.rule, f.Message, tc.message)
					}
				}
			}
			if !found {
				t.Errorf("%s did not fire; findings %q", tc.rule, rules(t, r))
			}
		})
	}
}

// TestLintSilentCases: the ID pin quiets the mutable-name rule; an
// immutable sub is not a mutable username; a non-GitHub issuer without
// rules is not flagged as GitHub.
func TestLintSilentCases(t *testing.T) {
	cases := []struct {
		name, body, rule string
		tok              policy.Token
	}{
		{"repository with repository_id", issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository == 'octo-org/octo-repo' && claims.repository_id == '74'\"\n" + userSub, RuleMutableName, k8sPushMain(t, nil)},
		{"immutable sub username", issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      expression: \"'gh:' + claims.sub\"\n", RuleUsernameMutable, k8sPushMain(t, map[string]string{"sub": "repo:octo-org@65/octo-repo@74:ref:refs/heads/main"})},
		{"username anchored by repository_id", good(), RuleUsernameMutable, k8sPushMain(t, nil)},
		{"other issuer", "  issuer:\n    url: https://login.example.com\n    audiences: [a]\n" + userSub, RuleNoClaimValidation, k8sPushMain(t, nil)},
		{"prefixed username claim", issuerAud + "  claimValidationRules:\n  - claim: repository_id\n    requiredValue: \"74\"\n  claimMappings:\n    username:\n      claim: sub\n      prefix: \"gh:\"\n", RuleUsernameNoPrefix, k8sPushMain(t, nil)},
	}
	for _, tc := range cases {
		r := parseOne(t, doc(tc.body)).Evaluate(tc.tok)
		if strings.Contains(rules(t, r), tc.rule) {
			t.Errorf("%s: %s fired: %+v", tc.name, tc.rule, r.Lint)
		}
	}
}

func good() string {
	return issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_owner_id == '65' && claims.repository_id == '74'\"\n" + userSub
}

// TestLintNamesTheAuthenticator: in a document with several, each finding
// says which one.
func TestLintNamesTheAuthenticator(t *testing.T) {
	two := "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n" +
		"- issuer: {url: \"" + ghIssuer + "\", audiences: [a]}\n  claimMappings: {username: {expression: \"'g:' + claims.repository_id\"}}\n" +
		"- issuer: {url: \"" + ghIssuer + "/avocado-corp\", audiences: [a]}\n  claimMappings: {username: {expression: \"'g:' + claims.repository_id\"}}\n"
	r := parseOne(t, two).Evaluate(fixtureToken(t, "push-main"))
	if len(r.Lint) != 2 || !strings.HasPrefix(r.Lint[0].Message, "jwt[0] ("+ghIssuer+"): ") || !strings.HasPrefix(r.Lint[1].Message, "jwt[1] ("+ghIssuer+"/avocado-corp): ") {
		t.Fatalf("want one %s finding per authenticator, each naming it: %+v", RuleNoClaimValidation, r.Lint)
	}
	for _, f := range r.Lint {
		if !strings.HasPrefix(f.Message, "jwt[") {
			t.Errorf("finding %q does not name its authenticator", f.Message)
		}
	}
}
