package remote

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
)

// TestUnknownRequestQuotedOnce: the provider and the request a helper
// does not know come from the other end of the pipe; its error quotes
// them raw, so the view escapes them once.
func TestUnknownRequestQuotedOnce(t *testing.T) {
	s := &server{providers: map[string]policy.Provider{"stub": stubProvider{}}, version: "v"}
	escapetest.Each(t, func(t *testing.T, v string) {
		escapetest.WantQuotedOnce(t, "unknown provider", s.answer(request{Op: opDetect, Provider: v}).Error, v)
		escapetest.WantQuotedOnce(t, "unknown request", s.answer(request{Op: v, Provider: "stub"}).Error, v)
	})
}
