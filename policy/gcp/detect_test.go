package gcp

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDetect(t *testing.T) {
	accept := map[string]string{
		"describe":       providerDoc(subjectM),
		"oidc only":      `{"oidc": {"issuerUri": "` + ghIssuer + `"}}`,
		"name only":      `{"name": "` + referenceProvider + `"}`,
		"list":           `[` + providerDoc(subjectM) + `]`,
		"REST list":      `{"workloadIdentityPoolProviders": [` + providerDoc(subjectM) + `]}`,
		"envelope":       `{"provider": ` + providerDoc(subjectM) + `, "member": "principalSet://x"}`,
		"envelope list":  `{"providers": [` + providerDoc(subjectM) + `]}`,
		"yaml":           "attributeMapping:\n  google.subject: assertion.sub\noidc:\n  issuerUri: " + ghIssuer + "\n",
		"yaml list":      "---\nattributeMapping: {google.subject: assertion.sub}\n---\noidc: {issuerUri: x}\n",
		"broken, shaped": `{"attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {`,
		"bom":            "\ufeff  " + providerDoc(subjectM),
	}
	for name, doc := range accept {
		if !New().Detect([]byte(doc)) {
			t.Errorf("Detect rejects %s: %s", name, doc)
		}
	}
	files, _ := filepath.Glob(filepath.Join(fixtureDir, "*"))
	for _, f := range files {
		if filepath.Ext(f) == ".md" {
			continue
		}
		b, _ := os.ReadFile(f)
		if !New().Detect(b) {
			t.Errorf("Detect rejects the fixture %s", f)
		}
	}
	reject := map[string]string{
		"aws trust policy":      `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}]}`,
		"aws get-role":          `{"Role": {"RoleName": "r", "AssumeRolePolicyDocument": {"Statement": []}}}`,
		"entra credential":      `{"name": "c", "issuer": "` + ghIssuer + `", "subject": "repo:o/r:ref:refs/heads/main", "audiences": ["api://AzureADTokenExchange"]}`,
		"entra flexible":        `{"value": [{"name": "c", "issuer": "` + ghIssuer + `", "audiences": ["api://AzureADTokenExchange"], "claimsMatchingExpression": {"value": "claims['sub'] eq 'x'", "languageVersion": 1}}]}`,
		"vault role":            `{"data": {"role_type": "jwt", "user_claim": "sub", "bound_audiences": ["https://github.com/o"], "bound_claims": {"repository_id": "74"}}}`,
		"vault config":          `{"oidc_discovery_url": "` + ghIssuer + `", "bound_issuer": "` + ghIssuer + `"}`,
		"octo-sts":              "issuer: " + ghIssuer + "\nsubject_pattern: repo:o/r:.*\npermissions:\n  contents: read\n",
		"k8s yaml":              "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n- issuer:\n    url: " + ghIssuer + "\n    audiences: [a]\n  claimValidationRules:\n  - expression: claims.repository_id == '74'\n",
		"k8s json":              `{"apiVersion": "apiserver.config.k8s.io/v1beta1", "kind": "AuthenticationConfiguration", "jwt": [{"issuer": {"url": "x", "audiences": ["a"]}}]}`,
		"a pool, no provider":   `{"name": "projects/1/locations/global/workloadIdentityPools/github", "state": "ACTIVE"}`,
		"random json":           `{"a": [1, 2, {"b": null}], "oidc": true}`,
		"json array":            `[1, "attributeMapping", {"issuerUri": 3}]`,
		"attributeMapping text": `attributeMapping is a field of a provider`,
		"empty":                 ``,
		"not json":              `{{{{`,
	}
	for name, doc := range reject {
		if New().Detect([]byte(doc)) {
			t.Errorf("Detect claims %s: %s", name, doc)
		}
	}
	for _, dir := range []string{"aws", "entra", "vault", "octo-sts", "k8s"} {
		files, _ := filepath.Glob(filepath.Join("../../fixtures/policies", dir, "*"))
		for _, f := range files {
			if filepath.Ext(f) == ".md" {
				continue
			}
			if b, err := os.ReadFile(f); err == nil && New().Detect(b) {
				t.Errorf("Detect claims %s's document %s", dir, f)
			}
		}
	}
}
