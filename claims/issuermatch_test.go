package claims

import (
	"regexp"
	"testing"
)

// TestIssuerMatcherAgreesWithPattern: an issuer pattern compared as a
// string matches exactly what the compiled pattern matches.
func TestIssuerMatcherAgreesWithPattern(t *testing.T) {
	patterns := []string{`https://example\.com`, `https://example\.com/?`, `a\/?`, `x\`, `https://a\.b/c?`,
		`https://(a|b)\.com`, `https://a\.com//?`}
	literal := 0
	for _, p := range builtinProfiles {
		for _, ip := range p.Issuers {
			patterns = append(patterns, ip.Pattern)
		}
	}
	for _, pattern := range patterns {
		re, err := regexp.Compile(anchor(pattern))
		if err != nil {
			continue // issuerMatcher refuses it (below)
		}
		lit, _, ok := literalIssuer(pattern)
		if ok {
			literal++
		}
		m, err := issuerMatcher(pattern, now)
		if err != nil {
			t.Fatal(err)
		}
		for _, iss := range []string{"", lit, lit + "/", lit + "//", lit + "x", lit[:max(len(lit)-1, 0)], "https://example.com",
			"https://example.com/", "https://exampleXcom", "a", "a/", "a\\", "https://token.actions.githubusercontent.com",
			"https://token.actions.githubusercontent.com/", "https://gitlab.com/", "https://gitlab.com//", "https://a.b/c", "https://a.b/"} {
			if got, want := m(iss), re.MatchString(iss); got != want {
				t.Errorf("pattern %q on %q: %v, the regexp says %v", pattern, iss, got, want)
			}
		}
	}
	if literal < 4 {
		t.Errorf("only %d patterns compared as strings", literal)
	}
	if _, err := issuerMatcher(`https://(unclosed`, now); err == nil {
		t.Error("an invalid pattern was accepted")
	}
}
