package octosts

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want bool
	}{
		{"yaml policy", "issuer: https://token.actions.githubusercontent.com\nsubject: repo:o/r:ref:refs/heads/main\n", true},
		{"yaml with licence header and patterns", "# Copyright\n# SPDX\n\nissuer_pattern: 'https://.*'\nsubject_pattern: '.*'\nclaim_pattern: {a: b}\npermissions: {contents: read}\n", true},
		{"json form", `{"issuer":"https://token.actions.githubusercontent.com","subject_pattern":"repo:o/r:.*","audience":"x"}`, true},
		{"org policy with repositories", "issuer: x\nsubject: y\nrepositories: [a, b]\n", true},
		{"typo is still ours (Parse explains it)", "issuer: x\nsubjet: y\naudience: z\n", true},
		{"only a subject (Compile explains the missing issuer)", "subject: y\n", true},
		{"both issuer and issuer_pattern", "issuer: x\nissuer_pattern: y\nsubject: z\n", true},

		{"octo-sts trusted-token-issuers.yaml", "issuers:\n  - https://token.actions.githubusercontent.com\n", false},
		{"trusted-token-issuers with mode", "mode: audit\nissuer_patterns: ['https://x\\.example']\n", false},
		{"AWS trust policy", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}`, false},
		{"AWS get-role", `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}}`, false},
		{"Entra FIC", `{"name":"cred","issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:environment:prod","audiences":["api://AzureADTokenExchange"]}`, false},
		{"Entra FIC without name", `{"issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:environment:prod","audiences":["api://AzureADTokenExchange"]}`, false},
		{"Entra flexible FIC", `{"name":"c","issuer":"https://token.actions.githubusercontent.com","audiences":["api://AzureADTokenExchange"],"claimsMatchingExpression":{"value":"claims['sub'] eq 'x'","languageVersion":1}}`, false},
		{"Entra list", `{"@odata.context":"x","value":[{"name":"c","issuer":"i","subject":"s","audiences":["a"]}]}`, false},
		{"GCP provider", `{"name":"projects/1/locations/global/workloadIdentityPools/p/providers/github","attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'","oidc":{"issuerUri":"https://token.actions.githubusercontent.com"}}`, false},
		{"Vault role", `{"role_type":"jwt","user_claim":"repository","bound_audiences":["x"],"bound_subject":"repo:o/r:ref:refs/heads/main","bound_claims":{"repository_id":"74"}}`, false},
		{"Vault role in data envelope", `{"data":{"role_type":"jwt","bound_subject":"repo:o/r:ref:refs/heads/main","bound_issuer":"x"}}`, false},
		{"Kubernetes AuthenticationConfiguration", "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n    audiences: [x]\n  claimValidationRules:\n  - claim: sub\n    requiredValue: repo:o/r:ref:refs/heads/main\n", false},
		{"octo-sts JSON schema", `{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"TrustPolicy":{"properties":{"issuer":{"type":"string"}}}}}`, false},
		{"random JSON", `{"hello":"world","issuer_count":3}`, false},
		{"JSON array", `[{"issuer":"x","subject":"y"}]`, false},
		{"YAML list", "- issuer: x\n  subject: y\n", false},
		{"a token's claims", `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:refs/heads/main","aud":"x"}`, false},
		{"empty", "", false},
		{"not YAML", "issuer: [unclosed\nsubject: {", false},
		{"huge", "issuer: x\nsubject: y\n# " + strings.Repeat("x", maxDetect), false},
	}
	p := provider()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Detect([]byte(tt.doc)); got != tt.want {
				t.Errorf("Detect = %v, want %v", got, tt.want)
			}
		})
	}
}
