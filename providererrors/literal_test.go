package providererrors

import (
	"fmt"
	"strings"
	"testing"
)

func TestRequiredLiteral(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{`Incorrect\s+token\s+audience`, "Incorrect"}, // the longest word
		{`(?i:not\s+authorized\s+to\s+perform):?\s+sts:AssumeRoleWithWebIdentity`, "sts:AssumeRoleWithWebIdentity"},
		{`(?i)incorrect token audience`, ""},                                   // case-folded: not byte for byte
		{`AADSTS(?:700211|700212)`, "AADSTS"},                                  // an alternation is not required
		{`(?P<sub>repo:\S+)\s+denied`, "denied"},                               // a capture's text is required
		{`(?:abc)?xy`, "xy"},                                                   // an optional part is not
		{`a|b`, ""},                                                            // no single run is
		{`unterminated(`, ""},                                                  // does not parse: no prefilter
		{`No OpenIDConnect provider found`, "No OpenIDConnect provider found"}, // no \s+: one run
	}
	for _, tt := range tests {
		if got := requiredLiteral(tt.pattern); got != tt.want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// The prefilter never hides a match: wherever an entry's expression
// matches a join of a sample paste, in every variant, its literal is in
// that join. (FuzzFind checks the same on arbitrary text.)
func TestLiteralIsInEveryMatch(t *testing.T) {
	for id, ss := range samples() {
		for i, s := range ss {
			for variant, paste := range variants(s.paste) {
				if err := literalHolds(paste); err != nil {
					t.Errorf("%s/%d/%s: %v", id, i, variant, err)
				}
			}
		}
	}
	for _, ce := range compiled() {
		if ce.literal == "" {
			t.Logf("%s: no required literal, always scanned", ce.ID)
		}
	}
}

// literalHolds reports an entry whose expression matches a join of text
// that lacks the entry's required literal.
func literalHolds(text string) error {
	lines := normalizedLines(text)
	for _, join := range []func([]line) (string, []int){joinLines, joinCut} {
		joined, _ := join(lines)
		for _, ce := range compiled() {
			if ce.re.MatchString(joined) && !strings.Contains(joined, ce.literal) {
				return fmt.Errorf("%s matches without its literal %q", ce.ID, ce.literal)
			}
		}
	}
	return nil
}
