package publisher_test

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
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// signed is a fixture claim set with changes, signed with the demo key.
func signed(t *testing.T, name string, changes map[string]any) []byte {
	t.Helper()
	payload, err := policytest.ClaimsWith(t, name, changes).Payload.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return policytest.SignedDemo(t, string(payload), "")
}

// TestInspectExplainsRefusals is the acceptance check, through
// the whole pipeline and the text report (the publisher providers given
// to the loader and the pipeline as the provider table will list them):
// for PyPI a mismatched workflow name, an environment, a reusable
// workflow, a pull_request_target run and a wrong audience, and npm's and
// NuGet's answers, each with the registry's own error text.
func TestInspectExplainsRefusals(t *testing.T) {
	provs := append(policyset.All(), providers()...)
	for _, tc := range []struct {
		name, claims, doc string
		changes           map[string]any
		answer            string // in every report: the text, Markdown and JSON
		want              []string
	}{
		{"workflow name", "push-main", "pypi/workflow-case.yml", map[string]any{"aud": "pypi"}, "PyPI answers",
			[]string{"(Publisher with matching claims was not found)", "differs only in case: PyPI compares the workflow file name case-sensitively", "expected: Deploy.yml"}},
		{"environment", "environment-prod", "pypi/octo-repo-prod.yml", map[string]any{"aud": "pypi", "environment": "staging"}, "PyPI answers",
			[]string{"environment: PROD (ignoring case)", "(Publisher with matching claims was not found)"}},
		{"reusable workflow", "reusable-workflow", "pypi/reusable-caller.yml", map[string]any{"aud": "pypi"}, "PyPI answers",
			[]string{"The job_workflow_ref claim does not match, expecting one of", "reusable workflow from another repository (octo-org/octo-automation)"}},
		{"pull_request_target", "push-main", "pypi/octo-repo-deploy.yml", map[string]any{"aud": "pypi", "event_name": "pull_request_target"}, "PyPI answers",
			[]string{"Publishing from a workflow invoked via 'pull_request_target' is not supported."}},
		{"audience", "push-main", "pypi/octo-repo-deploy.yml", nil, "PyPI answers",
			[]string{"PyPI answers `invalid-token`: malformed or invalid token", `PyPI requires aud "pypi"`}},
		{"npm self-hosted runner", "self-hosted", "npm/nightly-self-hosted.yml", map[string]any{"aud": "npm:registry.example"}, "npm answers 404",
			[]string{"the mismatch is the runner: npm's documentation says self-hosted runners are not supported", "not checked offline: the other claims npm may compare (not confirmed)"}},
		{"NuGet hidden owner ID", "push-main", "nuget/other-owner-id.yml", nil, "No matching trust policy owned by user 'octo-maintainer' was found.",
			[]string{"the reason it logs: The JSON Web Token claim 'repository_owner_id' has value '65' which does not match the policy."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := inspect.Run(context.Background(), inspect.Options{
				Input: signed(t, tc.claims, tc.changes), Source: verify.Source{Offline: true}, At: fixtures.StaticNow(), Leeway: verify.DefaultLeeway,
				Policies:  policyset.Loader{Providers: provs}.Load([]string{filepath.Join("../../fixtures/policies", tc.doc)}, nil, nil),
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
			out := text.String()
			for what, s := range map[string]string{"text": out, "Markdown": md.String(), "JSON": js.String()} {
				if !strings.Contains(s, tc.answer) {
					t.Errorf("the %s report does not quote %q", what, tc.answer)
				}
			}
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
