package ui

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// refetched is the status line once r's fetch has ended, in place of
// "fetching keys again": the signature's verdict with the keys found, or
// why none were. Raw text: the footer escapes the flash.
func refetched(r *inspect.Report) (string, bool) {
	sig := r.Verify.Signature
	mark := view.SignatureOf(r).Mark.Text()
	if view.SignatureOf(r).HasKeys {
		return "keys fetched again: signature " + mark, false
	}
	if sig.Reason != "" {
		return "could not fetch the keys: " + sig.Reason, true
	}
	return "could not fetch the keys: signature " + mark, true
}
