package octosts

import (
	"encoding/json"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestPatternWorkBounded: Go's regexp, which octo-sts uses, matches in
// time proportional to the pattern's program times the claim's length, so
// a hostile policy or token could stall oidcscope for minutes. Past the
// caps the policy evaluates to an error that names the pattern and the
// cap, quickly; ordinary patterns still match large claims.
func TestPatternWorkBounded(t *testing.T) {
	big := strings.Repeat("a", 700<<10) // a 700 KB claim, inside the 1 MiB token cap
	many := map[string]string{"sub": "s"}
	var manyPatterns []string
	for i := range 5 { // each within the caps, together past the budget
		name := fmt.Sprintf("c%02d", i)
		many[name] = strings.Repeat("a", 1<<10)
		manyPatterns = append(manyPatterns, name+": '"+strings.Repeat(".{900}", 10)+"'")
	}
	tests := []struct {
		name     string
		policy   string
		claims   map[string]string
		want     policy.Verdict
		mentions []string // the summary names the pattern and the cap
	}{
		{"10 KB pattern, 700 KB claim", "subject: s\nclaim_pattern:\n  ref: '" + strings.Repeat("(a|.)*", 1700) + "'",
			map[string]string{"sub": "s", "ref": big}, policy.Error, []string{"claim_pattern.ref", "10200 bytes", fmt.Sprint(MaxPatternBytes)}},
		{"1 KB pattern, 700 KB claim", "subject: s\nclaim_pattern:\n  ref: '" + strings.Repeat("(a|.)*", 170) + "'",
			map[string]string{"sub": "s", "ref": big}, policy.Error, []string{"claim_pattern.ref", "716800-byte ref", fmt.Sprint(MatchBudget)}},
		{"1 KB pattern, 700 KB sub: octo-sts refuses the sub before matching", "subject_pattern: '" + strings.Repeat("(a|.)*", 170) + "'",
			map[string]string{"sub": big}, policy.Deny, nil},
		{"short pattern, large program", "subject: s\nclaim_pattern:\n  ref: '" + strings.Repeat("(?:.{1000})", 11) + "'",
			map[string]string{"sub": "s", "ref": "r"}, policy.Error, []string{"claim_pattern.ref", fmt.Sprint(MaxPatternInsts)}},
		{"many patterns, each within the caps", "subject: s\nclaim_pattern:\n  " + strings.Join(manyPatterns, "\n  "),
			many, policy.Error, []string{"claim_pattern.c", fmt.Sprint(MatchBudget)}},
		{"ordinary pattern, ordinary sub", "subject_pattern: 'repo:o/r:.*'",
			map[string]string{"sub": "repo:o/r:ref:refs/heads/main"}, policy.Allow, nil},
		{"ordinary pattern, 700 KB claim", "subject: s\nclaim_pattern:\n  ref: 'repo:o/r:.*'",
			map[string]string{"sub": "s", "ref": "repo:o/r:" + big}, policy.Allow, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			claims := map[string]string{"iss": gh, "aud": "a"}
			for k, v := range tc.claims {
				claims[k] = v
			}
			payload, err := json.Marshal(claims)
			if err != nil {
				t.Fatal(err)
			}
			tok := policytest.Payload(t, string(payload))
			r := policytest.EvaluateBounded(t, func() policy.Result {
				return parseOne(t, provider(), "issuer: "+gh+"\naudience: a\n"+tc.policy).Evaluate(tok)
			}, tc.want, tc.mentions)
			policytest.CheckResult(t, policy.OctoSTS, r)
			if r.Verdict == policy.Deny && !strings.Contains(r.Summary, `"invalid subject in token" (the subject is 716800 characters long`) {
				t.Errorf("summary %q does not give octo-sts's reason", r.Summary)
			}
			t.Log(policy.Shorten(r.Summary, 400))
		})
	}
}

// TestProgramSize: the estimate from the parse tree stays within a factor
// of two of the program regexp builds, which is what the caps are about.
func TestProgramSize(t *testing.T) {
	for _, p := range []string{
		"a", "abc", "a|b|c", "(a|.)*", "(a*)*", ".{1000}", "(?:.{10}){100}", "a{2,5}", "(?:ab){3,}", "[a-z]?x+",
		`repo:octo-org/(?:octo-repo|other-repo):ref:refs/heads/(?:main|release/.*)`, `(?i)https://token\.actions\.githubusercontent\.com(?:/[a-z0-9-]+)?`,
		`\Q$(touch p)\E`, `(?m)^a$`, "\\pL{3}", "(?P<n>a)(?:b)",
	} {
		re := regexp.MustCompile(anchored(p, AnchorCaretDollar))
		sr, err := syntax.Parse(re.String(), syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		prog, err := syntax.Compile(sr.Simplify())
		if err != nil {
			t.Fatal(err)
		}
		got, ok := programSize(re.String())
		if want := len(prog.Inst); !ok || got < want/2 || got > 2*want+4 {
			t.Errorf("programSize(%q) = %d, %v; regexp builds %d instructions", p, got, ok, want)
		}
	}
}
