package publishertest

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// LintCase is one lint row: Doc is appended to the document's first
// lines; some finding of Rule must contain Want.
type LintCase struct{ Doc, Rule, Want string }

// CheckLint parses head+Doc of each case with p, evaluates it on the
// push-main fixture token and looks for the case's finding.
func CheckLint(t *testing.T, p policy.Provider, head string, cases []LintCase) {
	t.Helper()
	for _, tc := range cases {
		r := policytest.ParseOne(t, p, "x.yml", head+tc.Doc).Evaluate(policytest.FixtureToken(t, "push-main"))
		if !slices.ContainsFunc(r.Lint, func(f policy.Finding) bool { return f.Rule == tc.Rule && strings.Contains(f.Message, tc.Want) }) {
			t.Errorf("%q: no %s finding with %q in %+v", tc.Doc, tc.Rule, tc.Want, r.Lint)
		}
	}
}

// CheckSnippets holds p's snippets for tok to want, each "claim text":
// every one must be among them (policytest.SnippetTexts checks each has
// its provider and a note).
func CheckSnippets(t *testing.T, p policy.Provider, tok policy.Token, want ...string) {
	t.Helper()
	var got []string
	for claim, texts := range policytest.SnippetTexts(t, p, tok) {
		for _, text := range texts {
			got = append(got, claim+" "+text)
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("no snippet %q in %q", w, got)
		}
	}
}
