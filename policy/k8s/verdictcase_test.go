package k8s

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// ruleDoc is a document with one claimValidationRule expression (and the
// username mapping most cases share).
func ruleDoc(expr string) string {
	return doc(issuerAud + "  claimValidationRules:\n  - expression: " + yamlQuote(expr) + "\n" + userSub)
}

// verdictCase is one document and token, and what kube-apiserver answers.
type verdictCase struct {
	name    string
	doc     string
	tok     func(t *testing.T) policy.Token // nil: push-main for the example audience
	verdict policy.Verdict
	mention string // a substring of the summary or some condition's diagnosis ("" skips)
}

func checkVerdicts(t *testing.T, cases []verdictCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tok := k8sPushMain(t, nil)
			if c.tok != nil {
				tok = c.tok(t)
			}
			r := parseOne(t, c.doc).Evaluate(tok)
			if r.Verdict != c.verdict {
				t.Fatalf("verdict %s, want %s (summary %q, error %q)", r.Verdict, c.verdict, r.Summary, r.Error)
			}
			if c.mention != "" && !mentions(r, c.mention) {
				t.Errorf("nothing mentions %q: summary %q, error %q, conditions %+v", c.mention, r.Summary, r.Error, r.Conditions)
			}
		})
	}
}

// mentions reports whether the summary, the error, a diagnosis line or a
// lint message contains s.
func mentions(r policy.Result, s string) bool {
	all := []string{r.Summary, r.Error}
	for _, c := range r.Conditions {
		all = append(all, c.Diagnosis...)
	}
	for _, f := range r.Lint {
		all = append(all, f.Message)
	}
	for _, l := range all {
		if strings.Contains(l, s) {
			return true
		}
	}
	return false
}
