package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/report/view"
)

// TestInsteadFixesRendered: a provider's fix to the document itself is
// listed under "instead" in the text report and the Markdown summary; one
// that names no claim is headed by its note alone, not by an empty label.
func TestInsteadFixesRendered(t *testing.T) {
	r := pushMainDenied(t)
	for i := range r.Policies {
		if r.Policies[i].Verdict == policy.Deny {
			r.Policies[i].Fixes = []policy.Snippet{
				{Provider: r.Policies[i].Provider, Claim: "environment", Text: "remove-environment-key", Note: "the token has no environment claim"},
				{Provider: r.Policies[i].Provider, Text: "gcloud-undelete-command", Note: "the provider is DELETED: undelete it"},
			}
		}
	}
	var text, md bytes.Buffer
	if err := report.Text(&text, r, nil); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&md, report.MarkdownSection{Heading: "t", Report: r}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][]string{
		text.String(): {"  " + view.InsteadCaution + "\n", "    environment: the token has no environment claim\n      remove-environment-key\n", "    the provider is DELETED: undelete it\n      gcloud-undelete-command\n"},
		md.String():   {"a deny may be the policy doing its job", "- `environment`: the token has no environment claim\n", "- the provider is DELETED\\: undelete it\n"},
	} {
		for _, w := range want {
			if !strings.Contains(name, w) {
				t.Errorf("want %q in\n%s", w, name)
			}
		}
		for _, bad := range []string{"    : the provider", "- ``", "- : the provider"} {
			if strings.Contains(name, bad) {
				t.Errorf("a claim-less fix rendered with an empty label %q in\n%s", bad, name)
			}
		}
	}
}
