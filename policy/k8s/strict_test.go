package k8s

import (
	"errors"
	"strings"
	"testing"
)

// TestStrictDecodingNamesEveryField: kube-apiserver's strict decoder
// reports every unknown and every duplicated field, each by its path
// ("strict decoding error: unknown field "jwt[0].Issuer", duplicate field
// "jwt[1].issuer""), and oidcscope still recognises such a document as an
// AuthenticationConfiguration to say so. Issue 21 (found by the
// differential test).
func TestStrictDecodingNamesEveryField(t *testing.T) {
	cases := []struct {
		name, doc string
		want      []string
	}{
		{"JSON duplicate", `{"apiVersion":"apiserver.config.k8s.io/v1","kind":"AuthenticationConfiguration","jwt":[{"issuer":{},"issuer":{}}]}`,
			[]string{`duplicate field "jwt[0].issuer"`}},
		{"YAML duplicate and unknown", "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n- ClaimMappings: {}\n- claimValidationRules: []\n  claimValidationRules: []\n",
			[]string{`unknown field "jwt[0].ClaimMappings"`, `duplicate field "jwt[1].claimValidationRules"`}},
		{"several unknown", `{"apiVersion":"apiserver.config.k8s.io/v1","kind":"AuthenticationConfiguration","jwt":[{"Issuer":{}},{"uservalidationrules":[]}]}`,
			[]string{`unknown field "jwt[0].Issuer"`, `unknown field "jwt[1].uservalidationrules"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !New().Detect([]byte(c.doc)) {
				t.Fatal("not detected as an AuthenticationConfiguration")
			}
			_, err := New().Parse("test.yaml", []byte(c.doc))
			if !errors.Is(err, ErrDocument) {
				t.Fatalf("Parse: %v, want ErrDocument", err)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("%v\ndoes not say %s", err, w)
				}
			}
		})
	}
}

// TestStrictDecodingFollowsMergeKeys: YAML's merge key (<<) is resolved
// before kube-apiserver's strict JSON decoding sees the document, so it
// is no unknown field; a merged mapping's own unknown field still is.
func TestStrictDecodingFollowsMergeKeys(t *testing.T) {
	base := "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n" +
		"- issuer: &iss\n    url: https://token.actions.githubusercontent.com\n    audiences: [sts.amazonaws.com]\n" +
		"  claimMappings: {username: {claim: sub, prefix: 'gh:'}}\n"
	merged := base + "- issuer: {<<: *iss, url: https://token.actions.githubusercontent.com/octo-org}\n" +
		"  claimMappings: {username: {claim: sub, prefix: 'gh:'}}\n"
	if _, err := New().Parse("merge.yaml", []byte(merged)); err != nil {
		t.Errorf("a merge key refused: %v", err)
	}
	bad := "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n" +
		"- issuer: &iss\n    url: https://token.actions.githubusercontent.com\n    Audiences: [x]\n" +
		"  claimMappings: {username: {claim: sub, prefix: 'gh:'}}\n" +
		"- issuer: {<<: *iss, url: https://token.actions.githubusercontent.com/octo-org}\n" +
		"  claimMappings: {username: {claim: sub, prefix: 'gh:'}}\n"
	_, err := New().Parse("merge.yaml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), `unknown field "jwt[1].issuer.Audiences"`) {
		t.Errorf("Parse: %v, want the merged mapping's unknown field named", err)
	}
}
