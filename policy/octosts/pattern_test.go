package octosts

import (
	"slices"
	"testing"

	"sigs.k8s.io/yaml"
)

func TestTopLevel(t *testing.T) {
	tests := []struct {
		p         string
		bars      int
		multiline bool
	}{
		{"a|b", 1, false},
		{"a|b|c", 2, false},
		{"(a|b)", 0, false},
		{"(?:a|b)c", 0, false},
		{"(?P<n>a|b)", 0, false},
		{"(?<n>a|b)", 0, false},
		{"[a|b]", 0, false},
		{"[]|]", 0, false},
		{"[^]|]x|y", 1, false},
		{"[[:alpha:]|]", 0, false},
		{`a\|b`, 0, false},
		{`\Qa|b\E|c`, 1, false},
		{`\Qa|b`, 0, false},
		{"(?i)a|b", 1, false},
		{"(?m)a", 0, true},
		{"(?im)a", 0, true},
		{"(?m)(?-m)a", 0, false},
		{"(?m:a)", 0, false},
		{"((?m)a)", 0, false},
		{`[\]|]`, 0, false},
		{`\p{Greek}|x`, 1, false},
	}
	for _, tt := range tests {
		s := topLevel(tt.p)
		if len(s.bars) != tt.bars || s.multiline != tt.multiline {
			t.Errorf("topLevel(%q) = %d bars, multiline %v; want %d, %v", tt.p, len(s.bars), s.multiline, tt.bars, tt.multiline)
		}
	}
}

func TestUnescapedDots(t *testing.T) {
	tests := map[string][]string{
		"octo-org/octo-repo/.github/workflows/release.yml@refs/heads/main": {"release.yml"},
		`https://token.actions.githubusercontent\.com`:                     {"token.actions.githubusercontent"},
		`release\.yml`:     nil,
		".*@example.com":   {"example.com"},
		"[0-9.]+":          nil,
		`\d.\d`:            nil,
		"a.*b":             nil,
		`\Qrelease.yml\E`:  nil,
		"refs/tags/v1.2.3": {"v1.2.3"},
	}
	for p, want := range tests {
		if got := unescapedDots(p); !slices.Equal(got, want) {
			t.Errorf("unescapedDots(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestDotsToDashes(t *testing.T) {
	tests := map[string]string{
		"https://token.actions.githubusercontent.com":   "https://token-actions-githubusercontent.com",
		`https://token.actions.githubusercontent\.com`:  "https://token-actions-githubusercontent.com",
		`https://token\.actions\.githubusercontent.com`: "",
		"https://example.com":                           "",
		"https://a.example.com/x.y":                     "https://a-example.com/x.y",
		"https://.*":                                    "",
	}
	for p, want := range tests {
		if got := dotsToDashes(p); got != want {
			t.Errorf("dotsToDashes(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestGlobStar(t *testing.T) {
	for p, want := range map[string]string{"repo:o/r:*": ":*", "repo:o/*": "/*", "repo:o/r:.*": "", "a*": "", `repo:o\/*`: ""} {
		if got := globStar(p); got != want {
			t.Errorf("globStar(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestYAMLQuoteRoundTrip: every quoted value reads back unchanged with the
// YAML library octo-sts uses.
func TestYAMLQuoteRoundTrip(t *testing.T) {
	for _, s := range []string{
		"", "plain", `a "quoted" \ value`, "tab\tnewline\nreturn\r", "\x00\x1b[31m\x7f",
		"\u0085\u00a0\u2028\u2029\ufeff\u202e", "é😀\U0010FFFD", "#: - { } [ ] & * ! | > ' % @ `", "\uFFFD",
	} {
		checkYAMLQuote(t, s)
	}
}

func checkYAMLQuote(t *testing.T, s string) {
	t.Helper()
	var out struct {
		V string `json:"v"`
	}
	q := yamlQuote(s)
	if err := yaml.UnmarshalStrict([]byte("v: "+q+"\n"), &out); err != nil {
		t.Fatalf("yamlQuote(%q) = %s does not parse: %v", s, q, err)
	}
	if out.V != s {
		t.Errorf("yamlQuote(%q) = %s reads back as %q", s, q, out.V)
	}
}

func TestClosestKey(t *testing.T) {
	for k, want := range map[string]string{"subjet": "subject", "issuer_patern": "issuer_pattern", "claims_pattern": "claim_pattern", "audiences": "audience", "bound_claims": "", "name": ""} {
		if got := closestKey(k); got != want {
			t.Errorf("closestKey(%q) = %q, want %q", k, got, want)
		}
	}
}
