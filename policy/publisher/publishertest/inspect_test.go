package publishertest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// signed is a fixture claim set with changes, signed with the demo key.
func signed(t *testing.T, name string, changes map[string]any) []byte {
	t.Helper()
	raw, err := fixtures.ClaimSet(name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range changes {
		m[k] = v
	}
	payload, _ := json.Marshal(m)
	tok, err := fixtures.SignPayload(payload, nil)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(tok)
}

// TestInspectExplainsPyPIRefusals is the acceptance check, through
// the whole pipeline and the text report (the publisher providers given
// to the loader and the pipeline as the provider table will list them):
// a mismatched workflow name, an environment, a reusable workflow, a
// pull_request_target run and a wrong audience, each with PyPI's own
// error text.
func TestInspectExplainsPyPIRefusals(t *testing.T) {
	provs := append(policyset.All(), providers()...)
	for _, tc := range []struct {
		name, claims, doc string
		changes           map[string]any
		want              []string
	}{
		{"workflow name", "push-main", "workflow-case.yml", map[string]any{"aud": "pypi"},
			[]string{"(Publisher with matching claims was not found)", "differs only in case: PyPI compares the workflow file name case-sensitively", "expected: Deploy.yml"}},
		{"environment", "environment-prod", "octo-repo-prod.yml", map[string]any{"aud": "pypi", "environment": "staging"},
			[]string{"environment: PROD (ignoring case)", "(Publisher with matching claims was not found)"}},
		{"reusable workflow", "reusable-workflow", "reusable-caller.yml", map[string]any{"aud": "pypi"},
			[]string{"The job_workflow_ref claim does not match, expecting one of", "reusable workflow from another repository (octo-org/octo-automation)"}},
		{"pull_request_target", "push-main", "octo-repo-deploy.yml", map[string]any{"aud": "pypi", "event_name": "pull_request_target"},
			[]string{"Publishing from a workflow invoked via 'pull_request_target' is not supported."}},
		{"audience", "push-main", "octo-repo-deploy.yml", nil,
			[]string{"PyPI answers `invalid-token`: malformed or invalid token", `PyPI requires aud "pypi"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := inspect.Run(context.Background(), inspect.Options{
				Input: signed(t, tc.claims, tc.changes), Source: verify.Source{Offline: true}, At: fixtures.StaticNow(), Leeway: verify.DefaultLeeway,
				Policies:  policyset.Loader{Providers: provs}.Load([]string{filepath.Join("../../../fixtures/policies/pypi", tc.doc)}, nil, nil),
				Providers: provs,
			})
			var text bytes.Buffer
			rend := lipgloss.NewRenderer(&text)
			rend.SetColorProfile(termenv.Ascii)
			if err := report.Text(&text, r, rend); err != nil {
				t.Fatal(err)
			}
			var md, js bytes.Buffer
			if err := report.Markdown(&md, report.MarkdownSection{Heading: "token", Report: r}); err != nil {
				t.Fatal(err)
			}
			if err := report.JSON(&js, r); err != nil || !json.Valid(js.Bytes()) {
				t.Fatalf("JSON report: %v", err)
			}
			if !strings.Contains(md.String(), "PyPI answers") || !strings.Contains(js.String(), "PyPI answers") {
				t.Errorf("the Markdown or JSON report does not quote PyPI's answer")
			}
			out := text.String()
			if !strings.Contains(out, "deny") {
				t.Errorf("no deny in the report")
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("report does not say %q:\n%s", w, out[strings.Index(out, "Polic"):])
				}
			}
		})
	}
}
