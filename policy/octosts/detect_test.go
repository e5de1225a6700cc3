package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy/policytest"
)

func TestDetect(t *testing.T) {
	policytest.CheckDetect(t, provider(), true, map[string]string{
		"yaml policy":                                          "issuer: https://token.actions.githubusercontent.com\nsubject: repo:o/r:ref:refs/heads/main\n",
		"yaml with licence header and patterns":                "# Copyright\n# SPDX\n\nissuer_pattern: 'https://.*'\nsubject_pattern: '.*'\nclaim_pattern: {a: b}\npermissions: {contents: read}\n",
		"json form":                                            `{"issuer":"https://token.actions.githubusercontent.com","subject_pattern":"repo:o/r:.*","audience":"x"}`,
		"org policy with repositories":                         "issuer: x\nsubject: y\nrepositories: [a, b]\n",
		"typo is still ours (Parse explains it)":               "issuer: x\nsubjet: y\naudience: z\n",
		"only a subject (Compile explains the missing issuer)": "subject: y\n",
		"both issuer and issuer_pattern":                       "issuer: x\nissuer_pattern: y\nsubject: z\n",
	})
	policytest.CheckDetect(t, provider(), false, map[string]string{
		"octo-sts trusted-token-issuers.yaml":    "issuers:\n  - https://token.actions.githubusercontent.com\n",
		"trusted-token-issuers with mode":        "mode: audit\nissuer_patterns: ['https://x\\.example']\n",
		"AWS trust policy":                       `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"}}}]}`,
		"AWS get-role":                           `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}}`,
		"Entra FIC":                              `{"name":"cred","issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:environment:prod","audiences":["api://AzureADTokenExchange"]}`,
		"Entra FIC without name":                 `{"issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:environment:prod","audiences":["api://AzureADTokenExchange"]}`,
		"Entra flexible FIC":                     `{"name":"c","issuer":"https://token.actions.githubusercontent.com","audiences":["api://AzureADTokenExchange"],"claimsMatchingExpression":{"value":"claims['sub'] eq 'x'","languageVersion":1}}`,
		"Entra list":                             `{"@odata.context":"x","value":[{"name":"c","issuer":"i","subject":"s","audiences":["a"]}]}`,
		"GCP provider":                           `{"name":"projects/1/locations/global/workloadIdentityPools/p/providers/github","attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'","oidc":{"issuerUri":"https://token.actions.githubusercontent.com"}}`,
		"Vault role":                             `{"role_type":"jwt","user_claim":"repository","bound_audiences":["x"],"bound_subject":"repo:o/r:ref:refs/heads/main","bound_claims":{"repository_id":"74"}}`,
		"Vault role in data envelope":            `{"data":{"role_type":"jwt","bound_subject":"repo:o/r:ref:refs/heads/main","bound_issuer":"x"}}`,
		"Kubernetes AuthenticationConfiguration": "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: https://token.actions.githubusercontent.com\n    audiences: [x]\n  claimValidationRules:\n  - claim: sub\n    requiredValue: repo:o/r:ref:refs/heads/main\n",
		"octo-sts JSON schema":                   `{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"TrustPolicy":{"properties":{"issuer":{"type":"string"}}}}}`,
		"random JSON":                            `{"hello":"world","issuer_count":3}`,
		"JSON array":                             `[{"issuer":"x","subject":"y"}]`,
		"YAML list":                              "- issuer: x\n  subject: y\n",
		"a token's claims":                       `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:refs/heads/main","aud":"x"}`,
		"empty":                                  "",
		"not YAML":                               "issuer: [unclosed\nsubject: {",
		"huge":                                   "issuer: x\nsubject: y\n# " + strings.Repeat("x", maxDetect),
	})
}
