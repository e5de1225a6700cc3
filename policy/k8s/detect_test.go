package k8s

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDetectAcceptsEveryFixture(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(fixtureDir, "*"))
	if err != nil || len(files) < 5 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !New().Detect(data) {
			t.Errorf("Detect rejects %s", f)
		}
		if _, err := New().Parse(f, data); err != nil {
			t.Errorf("Parse %s: %v", f, err)
		}
	}
}

func TestDetect(t *testing.T) {
	accept := map[string]string{
		"v1 YAML":  "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt: []\n",
		"v1alpha1": "kind: AuthenticationConfiguration\napiVersion: apiserver.config.k8s.io/v1alpha1\n",
		"JSON":     `{"apiVersion":"apiserver.config.k8s.io/v1beta1","kind":"AuthenticationConfiguration","jwt":[]}`,
		// Parse then says which versions exist.
		"unknown version of the group": "apiVersion: apiserver.config.k8s.io/v9\nkind: AuthenticationConfiguration\n",
	}
	for name, d := range accept {
		if !New().Detect([]byte(d)) {
			t.Errorf("Detect rejects %s", name)
		}
	}
	reject := map[string]string{
		"AWS trust policy":               `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}]}`,
		"AWS get-role":                   `{"Role":{"RoleName":"deploy","Arn":"arn:aws:iam::123456789012:role/deploy","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[]}}}`,
		"Entra FIC":                      `{"name":"gh","issuer":"https://token.actions.githubusercontent.com","subject":"repo:octo-org/octo-repo:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"]}`,
		"GCP provider":                   `{"name":"projects/1/locations/global/workloadIdentityPools/p/providers/gh","oidc":{"issuerUri":"https://token.actions.githubusercontent.com"},"attributeMapping":{"google.subject":"assertion.sub"},"attributeCondition":"assertion.repository_owner_id == '65'"}`,
		"Vault role":                     `{"data":{"role_type":"jwt","bound_audiences":["https://github.com/octo-org"],"user_claim":"actor","bound_claims":{"repository":"octo-org/octo-repo"}}}`,
		"octo-sts":                       "issuer: https://token.actions.githubusercontent.com\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\npermissions:\n  contents: read\n",
		"k8s AuthorizationConfiguration": "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthorizationConfiguration\nauthorizers: []\n",
		"kind in another group":          "apiVersion: example.com/v1\nkind: AuthenticationConfiguration\n",
		"the words in a comment only":    "# see apiserver.config.k8s.io/v1 AuthenticationConfiguration\nfoo: bar\n",
		"nested, not top level":          "spec:\n  apiVersion: apiserver.config.k8s.io/v1\n  kind: AuthenticationConfiguration\n",
		"random JSON":                    `{"a":[1,2,{"b":null}],"c":"AuthenticationConfiguration apiserver.config.k8s.io/"}`,
		"not YAML":                       "\x00\x01apiserver.config.k8s.io/ AuthenticationConfiguration: [",
		"empty":                          "",
	}
	for name, d := range reject {
		if New().Detect([]byte(d)) {
			t.Errorf("Detect claims %s", name)
		}
	}
}
