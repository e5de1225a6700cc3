package verify

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
)

// TestUnknownKIDIsUnverified (issue 16, item 2): a set without the token's
// kid cannot check the signature, so it is unverified, never invalid; the
// reason lists the set's kids and, for GitHub's issuer, says keys rotate.
// A kid that names a key the set refused stays invalid
// (TestOctKeyFromURLIsNotUsed), as does a matching key that rejects the
// signature (TestGitHubBeaconWrongKeys).
func TestUnknownKIDIsUnverified(t *testing.T) {
	rotated := []byte(`{"alg":"RS256","kid":"rotated-away","typ":"JWT"}`)
	gitHub := signDemo(t, demoPayload(t), rotated)
	other := tokenForIssuer(t, "https://issuer.example", rotated)
	for _, c := range []struct {
		name    string
		token   string
		kind    SourceKind
		want    []string
		wantNot []string
	}{
		{"GitHub's issuer, set from a file", gitHub, SourceJWKSFile,
			[]string{`no key with this kid "rotated-away" (the set has "oidcscope-demo")`, "keys rotate; fetch the current set"}, nil},
		{"GitHub's issuer, set fetched now", gitHub, SourceJWKSURL,
			[]string{`"rotated-away"`, `"oidcscope-demo"`, "keys rotate"}, []string{"fetch the current set"}},
		{"another issuer, set from a file", other, SourceJWKSFile,
			[]string{`"rotated-away"`, `"oidcscope-demo"`}, []string{"keys rotate"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			keys := mustJWKS(t, fixtures.DemoJWKS(), c.kind, "demo-jwks.json")
			res := Verify(mustParse(t, c.token), Options{Keys: keys, At: fixtures.StaticNow()})
			wantUnverified(t, c.name, res, ErrUnknownKID)
			for _, s := range c.want {
				if !strings.Contains(res.Signature.Reason, s) {
					t.Errorf("reason %q lacks %q", res.Signature.Reason, s)
				}
			}
			for _, s := range c.wantNot {
				if strings.Contains(res.Signature.Reason, s) {
					t.Errorf("reason %q should not say %q", res.Signature.Reason, s)
				}
			}
		})
	}
}
