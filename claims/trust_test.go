package claims

import (
	"net/url"
	"strings"
	"testing"
)

// TestIssuerTrust: only GitHub's own hosts are GitHub without proof. A
// self-hosted issuer (GitHub Enterprise Server, https://HOST/_services/token)
// is labelled as claimed, and no link points at its host, until the
// signature is verified with keys for it; a host that starts with
// token.actions.githubusercontent.com. is never GitHub.
func TestIssuerTrust(t *testing.T) {
	const lookalike = "https://token.actions.githubusercontent.com.evil.example/_services/token"
	tests := []struct {
		name, iss  string
		verified   bool
		profile    string // profile ID
		variant    string // the label shown, exactly
		unverified bool   // ProfileRef.IssuerUnverified
		linkHosts  []string
		issRisk    string // a risk highlight on iss containing this ("" none)
	}{
		{name: "look-alike GHES host", iss: lookalike,
			profile: GenericID, issRisk: "look-alike"},
		{name: "look-alike GHES host, verified", iss: lookalike, verified: true,
			profile: GenericID, issRisk: "look-alike"},
		{name: "look-alike in capitals", iss: "https://TOKEN.ACTIONS.GITHUBUSERCONTENT.COM.evil.example/_services/token",
			profile: GenericID, issRisk: "look-alike"},
		{name: "look-alike with a trailing dot", iss: "https://token.actions.githubusercontent.com./_services/token",
			profile: GenericID, issRisk: "look-alike"},
		{name: "GHES, unverified", iss: "https://ghes.example.com/_services/token",
			profile: githubID, variant: "GitHub Enterprise Server, as claimed: issuer not verified", unverified: true, issRisk: "not verified"},
		{name: "GHES, verified", iss: "https://ghes.example.com/_services/token", verified: true,
			profile: githubID, variant: "GitHub Enterprise Server", linkHosts: []string{"ghes.example.com"}},
		{name: "github.com, unverified", iss: "https://token.actions.githubusercontent.com",
			profile: githubID, variant: "github.com", linkHosts: []string{"github.com", "api.github.com"}},
		{name: "enterprise slug, unverified", iss: "https://token.actions.githubusercontent.com/avocado-corp",
			profile: githubID, variant: "github.com enterprise issuer", linkHosts: []string{"github.com", "api.github.com"}},
		{name: "GHE.com, unverified", iss: "https://token.actions.octocorp.ghe.com",
			profile: githubID, variant: "GHE.com data residency", linkHosts: []string{"octocorp.ghe.com", "api.octocorp.ghe.com"}},
	}
	c := defaultCatalog(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := payload(t, map[string]string{"iss": tt.iss})
			a := c.Analyze(p, Options{IssuerVerified: tt.verified})
			if a.Profile.ID != tt.profile || a.Profile.Variant != tt.variant || a.Profile.IssuerUnverified != tt.unverified {
				t.Errorf("profile %+v, want %s %q unverified=%v", a.Profile, tt.profile, tt.variant, tt.unverified)
			}
			hosts := map[string]bool{}
			for _, l := range a.Links {
				u, err := url.Parse(l.URL)
				if err != nil {
					t.Fatal(err)
				}
				hosts[u.Host] = true
			}
			for h := range hosts {
				if !strings.Contains(strings.Join(tt.linkHosts, " "), h) {
					t.Errorf("a link to %s: %+v", h, a.Links)
				}
			}
			for _, h := range tt.linkHosts {
				if !hosts[h] {
					t.Errorf("no link to %s: %+v", h, a.Links)
				}
			}
			hs := reasonsFor(a, p, "iss")
			if tt.issRisk != "" && !hasReason(hs, ReasonRisk, tt.issRisk) || tt.issRisk == "" && hasReason(hs, ReasonRisk, "") {
				t.Errorf("iss highlights %+v, want a risk containing %q", hs, tt.issRisk)
			}
		})
	}
}
