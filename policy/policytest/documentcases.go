package policytest

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// The providers' Detect and Parse tests state their documents; these
// helpers hold the loops every such test repeated.

// CheckDetect fails the test for every document of docs (keyed by what
// it is) that p's Detect does not answer with want.
func CheckDetect(t testing.TB, p policy.Provider, want bool, docs map[string]string) {
	t.Helper()
	for name, doc := range docs {
		if got := p.Detect([]byte(doc)); got != want {
			t.Errorf("Detect(%s) = %v, want %v: %.200q", name, got, want, doc)
		}
	}
}

// ParseRefusal is a document Parse must refuse: the sentinel its error
// wraps, and what the message says.
type ParseRefusal struct {
	Name, Doc string
	Is        error
	Says      []string
}

// CheckParseRefusals parses each case's document as source with p and
// fails the test unless Parse returns no policy and an error that wraps
// the case's sentinel, begins with prefix (the providers that name the
// source in their errors pass "source: ") and contains everything the
// case says.
func CheckParseRefusals(t testing.TB, p policy.Provider, source, prefix string, cases []ParseRefusal) {
	t.Helper()
	for _, c := range cases {
		pols, err := p.Parse(source, []byte(c.Doc))
		if err == nil || len(pols) != 0 {
			t.Errorf("%s: Parse = %d policies, error %v; want only an error", c.Name, len(pols), err)
			continue
		}
		if !errors.Is(err, c.Is) || !strings.HasPrefix(err.Error(), prefix) {
			t.Errorf("%s: error %q; want one wrapping %v, beginning %q", c.Name, err, c.Is, prefix)
		}
		for _, s := range c.Says {
			if !strings.Contains(err.Error(), s) {
				t.Errorf("%s: error %q does not say %q", c.Name, err, s)
			}
		}
	}
}
