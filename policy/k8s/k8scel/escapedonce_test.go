package k8scel

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestParseErrorsQuoteOnce: ip() and cidr() quote the string they refuse
// in kube-apiserver's words, raw (escape.Quoted): the diagnosis that
// carries the runtime error is escaped once by the view.
func TestParseErrorsQuoteOnce(t *testing.T) {
	errText := func(err error) string {
		if err == nil {
			return "<nil>"
		}
		return err.Error()
	}
	escapetest.Each(t, func(t *testing.T, v string) {
		_, err := parseIP(v)
		escapetest.WantQuotedOnce(t, "IP parse error", errText(err), v)
		_, err = parseIP("fe80::1%" + v)
		escapetest.WantQuotedOnce(t, "IP with a zone", errText(err), "fe80::1%"+v)
	})
	// A mapped address holds nothing hostile; its wording stays.
	if _, err := parseCIDR("::ffff:1.2.3.0/120"); errText(err) != `IPv4-mapped IPv6 address "::ffff:1.2.3.0/120" is not allowed` {
		t.Errorf("cidr of a mapped address: %v", err)
	}
	if _, err := parseIP("::ffff:1.2.3.4"); errText(err) != `IPv4-mapped IPv6 address "::ffff:1.2.3.4" is not allowed` {
		t.Errorf("ip of a mapped address: %v", err)
	}
}
