package claims

import (
	"slices"
	"strings"
	"testing"
)

func defaultCatalog(t *testing.T) *Catalog {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func profileByID(t *testing.T, c *Catalog, id string) *Profile {
	t.Helper()
	p := c.Profile(id)
	if p == nil {
		t.Fatalf("no %q profile", id)
	}
	return p
}

// hasClaims answers Match's question from a fixed list.
func hasClaims(names ...string) func(string) bool {
	return func(n string) bool { return slices.Contains(names, n) }
}

func TestGenericProfileHasRegisteredClaims(t *testing.T) {
	c := defaultCatalog(t)
	p := profileByID(t, c, GenericID)
	if p.Name != "JWT (RFC 7519)" {
		t.Errorf("generic profile name = %q", p.Name)
	}
	if len(p.Issuers) != 0 || len(p.DetectClaims) != 0 {
		t.Error("the generic profile must not claim issuers or detect claims: it is the fallback")
	}
	for _, name := range []string{"iss", "sub", "aud", "exp", "nbf", "iat", "jti"} {
		e, ok := c.Lookup(p, name)
		if !ok {
			t.Errorf("generic profile lacks registered claim %q", name)
			continue
		}
		if !slices.ContainsFunc(e.Sources, func(s string) bool { return strings.HasPrefix(s, "RFC 7519 §4.1.") }) {
			t.Errorf("%s: sources %q cite no RFC 7519 §4.1.x", name, e.Sources)
		}
	}
	// Only the three identity claims are policy-relevant in the generic profile.
	for _, e := range p.Claims {
		want := e.Name == "iss" || e.Name == "sub" || e.Name == "aud"
		if e.PolicyRelevant != want {
			t.Errorf("%s: policy_relevant = %v, want %v", e.Name, e.PolicyRelevant, want)
		}
	}
	// The registered OpenID Connect and OAuth claims the profile promises.
	for _, name := range []string{
		"azp", "auth_time", "nonce", "acr", "amr", "at_hash", "c_hash", "sid",
		"email", "email_verified", "name", "preferred_username", "given_name", "family_name",
		"groups", "roles", "entitlements", "scope", "client_id", "cnf", "act", "may_act", "sub_jwk",
	} {
		if _, ok := c.Lookup(p, name); !ok {
			t.Errorf("generic profile lacks %q", name)
		}
	}
}

var (
	validScopes = []Scope{ScopeToken, ScopeJob, ScopeRunAttempt, ScopeRun, ScopeRepository, ScopeOwner,
		ScopeEnterprise, ScopeIssuer, ScopeCommit, ScopeWorkflow, ScopeAudience, ScopeUser}
	validTrust      = []Trust{TrustSafe, TrustCareful, TrustAvoid, TrustInfo}
	validStatus     = []string{"documented", "observed", "undocumented"}
	validTypes      = []string{"string", "number", "boolean", "object", "array", "string or array of strings"}
	validProviders  = []string{"aws", "entra", "gcp", "vault", "octo-sts", "kubernetes", "pypi", "crates.io", "rubygems", "npm", "nuget", "jsr", "pub.dev", "fulcio"}
	validConfidence = []string{"documented", "secondary", "inference", "uncertain"}
)

func TestProfileEntriesComplete(t *testing.T) {
	c := defaultCatalog(t)
	for _, id := range []string{GenericID, "gitlab-ci"} {
		p := profileByID(t, c, id)
		if len(p.Claims) == 0 {
			t.Errorf("%s: no claims", id)
		}
		for _, e := range p.Claims {
			where := id + "/" + e.Name
			for field, v := range map[string]string{
				"summary": e.Summary, "explanation": e.Explanation, "type": e.Type, "trust_why": e.TrustWhy,
			} {
				if strings.TrimSpace(v) == "" {
					t.Errorf("%s: empty %s", where, field)
				}
			}
			if strings.Contains(e.Explanation, "Placeholder") || strings.Contains(e.TrustWhy, "placeholder") {
				t.Errorf("%s: placeholder text left in", where)
			}
			if !slices.Contains(validTypes, e.Type) {
				t.Errorf("%s: type %q not one of %q", where, e.Type, validTypes)
			}
			if !slices.Contains(validScopes, e.Scope) {
				t.Errorf("%s: scope %q is not a Scope constant", where, e.Scope)
			}
			if !slices.Contains(validTrust, e.Trust) {
				t.Errorf("%s: trust %q is not a Trust constant", where, e.Trust)
			}
			if !slices.Contains(validStatus, e.Status) {
				t.Errorf("%s: status %q", where, e.Status)
			}
			if len(e.Sources) == 0 {
				t.Errorf("%s: no sources", where)
			}
			if e.Prefer != "" {
				if pe, ok := c.Lookup(p, e.Prefer); !ok || !pe.Immutable {
					t.Errorf("%s: prefer %q is not an immutable claim of the profile", where, e.Prefer)
				}
			}
			if e.New != nil && (e.New.Added == "" || e.New.Detail == "") {
				t.Errorf("%s: new needs added and detail", where)
			}
			for _, u := range e.Providers {
				if !slices.Contains(validProviders, u.Provider) || !slices.Contains(validConfidence, u.Confidence) || u.How == "" {
					t.Errorf("%s: provider use %+v", where, u)
				}
			}
		}
	}
}

func TestProfileMatch(t *testing.T) {
	c := defaultCatalog(t)
	gitlabShape := hasClaims("namespace_path", "project_path", "pipeline_source", "iss", "sub", "aud")
	tests := []struct {
		name, iss   string
		has         func(string) bool
		wantID      string
		wantVariant string
	}{
		{"gitlab.com", "https://gitlab.com", hasClaims(), "gitlab-ci", "gitlab.com"},
		{"gitlab.com with the GitLab claims", "https://gitlab.com", gitlabShape, "gitlab-ci", "gitlab.com"},
		{"self-managed GitLab", "https://gitlab.example.com", gitlabShape, "gitlab-ci", "self-managed"},
		{"self-managed GitLab missing a detect claim", "https://gitlab.example.com",
			hasClaims("namespace_path", "project_path"), GenericID, ""},
		{"plain OIDC issuer", "https://login.example.com", hasClaims("iss", "sub", "aud", "email"), GenericID, ""},
		{"look-alike host", "https://gitlab.com.evil.example", hasClaims(), GenericID, ""},
		{"gitlab.com as a path", "https://evil.example/https://gitlab.com", hasClaims(), GenericID, ""},
		{"GitHub Actions", "https://token.actions.githubusercontent.com", hasClaims(), "github-actions", "github.com"},
		{"GitHub Actions wins over the GitLab shape", "https://token.actions.githubusercontent.com", gitlabShape, "github-actions", "github.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, variant := c.Match(tt.iss, tt.has)
			if p.ID != tt.wantID || variant != tt.wantVariant {
				t.Errorf("Match(%q) = %s %q, want %s %q", tt.iss, p.ID, variant, tt.wantID, tt.wantVariant)
			}
		})
	}
}

func TestProfileLookupUnknown(t *testing.T) {
	c := defaultCatalog(t)
	for _, id := range []string{"gitlab-ci", GenericID} {
		p := profileByID(t, c, id)
		if e, ok := c.Lookup(p, "zz_unknown"); ok {
			t.Errorf("%s: made-up claim found: %+v", id, e)
		}
	}
	// A registered claim the GitLab profile does not list falls back to generic.
	gl := profileByID(t, c, "gitlab-ci")
	if e, ok := c.Lookup(gl, "azp"); !ok || e.Name != "azp" {
		t.Error("gitlab-ci lookup of azp does not fall back to the generic profile")
	}
	// GitLab's own entry wins over the generic one.
	if e, ok := c.Lookup(gl, "exp"); !ok || !strings.Contains(e.Summary, "5 minutes") {
		t.Errorf("gitlab-ci exp entry = %+v", e)
	}
}
