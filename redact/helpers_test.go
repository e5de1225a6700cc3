package redact_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// fixtureToken is the named fixture claim set signed with the demo key at
// the static instant.
func fixtureToken(t *testing.T, name string) string {
	t.Helper()
	tok, err := fixtures.Sign(name, fixtures.StaticIAT())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// inspectVerified inspects input verified with the demo key set, at the
// static instant, against the policy files named.
func inspectVerified(t *testing.T, input string, policies ...string) *inspect.Report {
	t.Helper()
	keys, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "demo-jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	return inspect.Run(context.Background(), inspect.Options{
		Input: []byte(input), Keys: keys, At: fixtures.StaticNow(), Leeway: time.Minute,
		Providers: policyset.All(),
		Policies:  policyset.Loader{}.Load(policies, nil, nil),
	})
}

// views renders r the three ways a redaction must hold in: the text report
// (no colour), JSON, and a Markdown section under heading.
func views(t *testing.T, r *inspect.Report, heading string) (text, js, md string) {
	t.Helper()
	var txt, j, m bytes.Buffer
	rend := lipgloss.NewRenderer(&txt)
	rend.SetColorProfile(termenv.Ascii)
	if err := report.Text(&txt, r, rend); err != nil {
		t.Fatal(err)
	}
	if err := report.JSON(&j, r); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&m, report.MarkdownSection{Heading: heading, Report: r}); err != nil {
		t.Fatal(err)
	}
	return txt.String(), j.String(), m.String()
}
