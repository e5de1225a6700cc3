package ui

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// refetched is the status line once r's fetch has ended, in place of
// "fetching keys again": the signature's verdict with the keys found, or
// why none were. While editing, r is the token's own report: the edited
// claims shown are signed by no one, so the line names whose signature it
// is. Raw text: the footer escapes the flash.
func refetched(r *inspect.Report, editing bool) (string, bool) {
	sig := r.Verify.Signature
	shown := view.SignatureOf(r)
	mark := shown.Mark.Text()
	if shown.HasKeys {
		if editing {
			return "keys fetched again: the token's own signature " + mark + " (the edited claims are not signed)", false
		}
		return "keys fetched again: signature " + mark, false
	}
	if sig.Reason != "" {
		return "could not fetch the keys: " + sig.Reason, true
	}
	return "could not fetch the keys: signature " + mark, true
}
