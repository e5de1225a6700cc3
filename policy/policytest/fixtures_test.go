package policytest

import (
	"strings"
	"testing"
)

func TestFixturePolicies(t *testing.T) {
	pols := FixturePolicies(t, lines{}, "octo-sts", "octo-repo-main.sts.yaml")
	if len(pols) < 2 {
		t.Fatalf("want a policy per line of the sample, got %d", len(pols))
	}
	for src, p := range pols {
		if src != p.Source() || !strings.HasPrefix(src, "octo-repo-main.sts.yaml:") {
			t.Errorf("policy %s keyed %s: sources are the file's base name as the provider extends it", p.Source(), src)
		}
	}
	if msg := failure(func(tb testing.TB) { FixturePolicies(tb, lines{}, "octo-sts", "*.nothing") }); !strings.Contains(msg, "no fixture documents") {
		t.Errorf("a glob matching nothing should fail the test: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { FixturePolicies(tb, foreign{}, "octo-sts", "octo-repo-main.sts.yaml") }); !strings.Contains(msg, "Detect") {
		t.Errorf("a fixture the provider does not detect should fail the test: %q", msg)
	}
}
