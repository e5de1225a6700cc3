// Package publishertest runs the registries' table tests: a publisher
// document and a token edited from a base claim set, the verdict, and the
// registry's own answer expected on a failing condition. Only tests
// import it.
package publishertest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Case is one row: Doc is the publisher document (YAML); Claims edits the
// base claims (raw JSON values, "" removes the claim, as
// policytest.EditClaims takes them); Answer, for a deny, is the text one
// failing condition must open with, verbatim; each of Mentions must appear
// in some condition's expression or diagnosis (what the registry hides,
// the lines not checked offline).
type Case struct {
	Name     string
	Doc      string
	Claims   map[string]string
	Verdict  policy.Verdict
	Answer   string
	Mentions []string
}

// Run evaluates every case with p against base edited by the case's
// claims.
func Run(t *testing.T, p policy.Provider, base string, cases []Case) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			tok := policytest.TokenWith(t, base, c.Claims)
			pols, err := p.Parse("case.yml", []byte(c.Doc))
			if err != nil {
				t.Fatalf("Parse: %v\n%s", err, c.Doc)
			}
			r := pols[0].Evaluate(tok)
			if r.Verdict != c.Verdict {
				t.Fatalf("verdict %s, want %s: %s\n%s", r.Verdict, c.Verdict, r.Summary, Describe(r))
			}
			if all := fullText(r); !containsAll(all, c.Mentions) {
				t.Errorf("the conditions do not mention all of %q:\n%s", c.Mentions, all)
			}
			if c.Verdict != policy.Deny {
				return
			}
			var answers []string
			for _, cond := range r.Conditions {
				if cond.Result == policy.Fail {
					answers = append(answers, cond.Diagnosis[0])
				}
			}
			if !containsAnswer(answers, c.Answer) {
				t.Errorf("no failing condition answers\n  %s\ngot:\n  %s", c.Answer, strings.Join(answers, "\n  "))
			}
			if !strings.Contains(r.Summary, answers[0]) {
				t.Errorf("summary %q does not quote the first answer %q", r.Summary, answers[0])
			}
		})
	}
}

func fullText(r policy.Result) string {
	var b strings.Builder
	for _, c := range r.Conditions {
		b.WriteString(c.Expression + "\n  " + strings.Join(c.Diagnosis, "\n  ") + "\n")
	}
	return b.String()
}

func containsAll(s string, parts []string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

func containsAnswer(answers []string, want string) bool {
	for _, a := range answers {
		if a == want {
			return true
		}
	}
	return false
}

// Describe lists a result's conditions, one a line, for a failure message.
func Describe(r policy.Result) string {
	var b strings.Builder
	for _, c := range r.Conditions {
		b.WriteString("  " + string(c.Result) + "  " + c.Expression + "  [" + c.Actual + "]")
		if len(c.Diagnosis) > 0 {
			b.WriteString("  " + c.Diagnosis[0])
		}
		b.WriteString("\n")
	}
	return b.String()
}
