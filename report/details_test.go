package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report"
)

// manyPolicies is a report of more policies than the details show: two
// allowed with lint errors, ten denials and two errors, the errors last
// in the table.
func manyPolicies(t *testing.T) *inspect.Report {
	r := fixedRun(t, inspect.Options{Input: policytest.StaticJWT(t, "push-main"), Keys: policytest.DemoKeySet(t)})
	lintErr := []policy.Finding{{Rule: "r", Message: "dangerous", Severity: policy.SevError}}
	for i := range 2 {
		r.Policies = append(r.Policies, policy.Result{Provider: policy.K8s, Name: fmt.Sprintf("allowed-%d", i), Source: "a.yaml",
			Verdict: policy.Allow, Lint: lintErr, Conditions: []policy.Condition{}})
	}
	for i := range 10 {
		r.Policies = append(r.Policies, policy.Result{Provider: policy.K8s, Name: fmt.Sprintf("denied-%d", i), Source: "d.yaml",
			Verdict: policy.Deny, Summary: "denied", Conditions: []policy.Condition{}})
	}
	for i := range 2 {
		res := policy.Result{Provider: policy.K8s, Name: fmt.Sprintf("broken-%d", i), Source: "e.yaml", Conditions: []policy.Condition{}}
		res.SetError(fmt.Sprintf("compile error %d in the CEL", i))
		r.Policies = append(r.Policies, res)
	}
	return r
}

// More policies than the details hold: every error's reason still shows
// (it is nowhere else), and the footer counts the policies whose details
// were left out, allowed ones with lint errors included.
func TestDetailsShowErrorsAndCountTheRest(t *testing.T) {
	var text, md bytes.Buffer
	if err := report.Text(&text, manyPolicies(t), asciiRenderer(&text)); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&md, report.MarkdownSection{Heading: "t", Report: manyPolicies(t)}); err != nil {
		t.Fatal(err)
	}
	// 14 policies, all detailed (the allowed ones for their lint errors),
	// 8 of them shown.
	for _, tc := range []struct {
		name, out string
		more      int
	}{{"text", text.String(), 14 - 8}, {"markdown", md.String(), 14 - 8}} {
		for i := range 2 {
			if want := fmt.Sprintf("compile error %d in the CEL", i); !strings.Contains(tc.out, want) {
				t.Errorf("%s: the error policy's reason %q is not shown:\n%s", tc.name, want, tc.out)
			}
		}
		m := regexp.MustCompile(`details of (\d+) more policies`).FindStringSubmatch(tc.out)
		if m == nil || m[1] != fmt.Sprint(tc.more) {
			t.Errorf("%s: footer %q, want %d more", tc.name, m, tc.more)
		}
	}
}

func asciiRenderer(w *bytes.Buffer) *lipgloss.Renderer {
	rend := lipgloss.NewRenderer(w)
	rend.SetColorProfile(termenv.Ascii)
	return rend
}
