package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/report/view"
)

// TestInsteadFixWithoutClaim: a provider's fix to the document as a whole
// names no claim; the opened policy heads it with its note instead of an
// empty label, and does not print the note twice.
func TestInsteadFixWithoutClaim(t *testing.T) {
	m := plainDemo(t, 100, 30)
	p := view.Policy{ProviderName: "Google Cloud", Instead: []view.Snippet{
		{Claim: "environment", Note: "guard the mapping", Text: "has-guarded-entry"},
		{Note: "the provider is DELETED: undelete it", Text: "gcloud-undelete-command"},
	}}
	var b strings.Builder
	m.policyDetail(&b, p)
	out := ansi.Strip(b.String())
	if !strings.Contains(out, "the provider is DELETED: undelete it\n    gcloud-undelete-command\n") {
		t.Errorf("the claim-less fix is not headed by its note:\n%s", out)
	}
	if !strings.Contains(out, view.InsteadCaution) {
		t.Errorf("the block lacks its caution:\n%s", out)
	}
	if n := strings.Count(out, "the provider is DELETED"); n != 1 {
		t.Errorf("the fix's note is shown %d times:\n%s", n, out)
	}
	if !strings.Contains(out, "environment\n    has-guarded-entry\n    guard the mapping\n") {
		t.Errorf("a fix naming a claim lost its layout:\n%s", out)
	}
}
