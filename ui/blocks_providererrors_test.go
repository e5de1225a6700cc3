package ui

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/verify"
)

func entraSubjectError(sub string) string {
	return "AADSTS700213: No matching federated identity record found for presented assertion subject '" + sub +
		"'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion."
}

// providerErrorCases are pastes holding a provider's error message: alone,
// with the credentials it is checked against, and in a job log with the
// token that got it.
func providerErrorCases(t *testing.T) map[string]*inspect.Report {
	t.Helper()
	run := func(input string, policies ...string) *inspect.Report {
		return inspect.Run(context.Background(), inspect.Options{
			Input: []byte(input), Source: verify.Source{Offline: true}, At: fixedNow(), Leeway: verify.DefaultLeeway,
			Now:       func() time.Time { return fixedNow() },
			Policies:  policyset.Loader{}.Load(policies, nil, nil),
			Providers: policyset.All(),
		})
	}
	entra := "../fixtures/policies/entra/graph-list-environment-prod.json"
	log := "2026-01-01T00:00:01.0000000Z \x1b[36;1mRun azure/login@v2\x1b[0m\n2026-01-01T00:00:02.0000000Z token: " + string(staticToken(t, "push-main")) +
		"\n2026-01-01T00:00:03.0000000Z \x1b[31;1mError: " + entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main") + "\x1b[0m\n"
	return map[string]*inspect.Report{
		"alone":          run("##[error]" + entraSubjectError("repo:octo-org/octo-repo:environment:prod")),
		"no-token":       run("##[error]"+entraSubjectError("repo:octo-org/octo-repo:environment:prod"), entra),
		"with-token":     run(log, entra),
		"aws-with-token": run("2026-01-01T00:00:02.0000000Z token: "+string(staticToken(t, "push-main"))+"\n2026-01-01T00:00:03.0000000Z \x1b[31;1mError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\x1b[0m\n", "../fixtures/policies/aws/trust-environment-prod.json"),
	}
}

// errorNeedles are the texts of r's provider error blocks.
func errorNeedles(r *inspect.Report) []string {
	var out []string
	fit := func(f view.PolicyFit) {
		out = append(out, f.Name, f.Expression, f.Actual)
		out = append(out, f.Diagnosis...)
	}
	for _, e := range view.ReportedErrors(r) {
		en := e.Found.Entry
		out = append(out, e.Found.Quoted, en.Code, en.Provider, en.Title, en.Text, en.Meaning, en.Source)
		out = append(out, en.Claims...)
		out = append(out, en.Fields...)
		out = append(out, en.Check...)
		for _, v := range e.Found.Values {
			out = append(out, v.Label, v.Value)
		}
		for _, f := range e.Fits {
			fit(f)
		}
		for _, f := range e.Failing {
			fit(f)
		}
		out = append(out, e.Next...)
	}
	return out
}

// TestSameErrorBlocksEverywhere: a provider's error message found in the
// paste, with and without a token, shows the same blocks in the text
// report, the Markdown summary and the terminal UI; with a token, each
// policy behind the message names it in its UI pane.
func TestSameErrorBlocksEverywhere(t *testing.T) {
	for name, r := range providerErrorCases(t) {
		if len(r.ProviderErrors) == 0 {
			t.Fatalf("%s: no provider error found: the test checks nothing", name)
		}
		rs := render(t, r)
		rs.checkShown(t, name, errorNeedles(r))
		behind := 0
		for _, e := range view.ReportedErrors(r) {
			for i, p := range view.Policies(r) {
				if !slices.ContainsFunc(e.Failing, func(f view.PolicyFit) bool { return f.Name == p.Name && f.Source == p.Source }) {
					continue
				}
				behind++
				if !strings.Contains(rs.policyPanes[i], normalised(e.Found.Quoted)) {
					t.Errorf("%s: policy %s: the message behind it is missing from its UI pane", name, p.Name)
				}
			}
		}
		if r.Token != nil && behind == 0 {
			t.Errorf("%s: no policy behind the message: the test checks nothing", name)
		}
	}
}
