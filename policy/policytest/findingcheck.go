package policytest

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// CheckFinding holds a result's lint findings to what a lint test expects
// of rule. With severity "" there must be no finding of rule; otherwise
// the first must have that severity and a message that is not empty and
// contains each of mentions.
func CheckFinding(t testing.TB, findings []policy.Finding, rule, severity string, mentions ...string) {
	t.Helper()
	i := slices.IndexFunc(findings, func(f policy.Finding) bool { return f.Rule == rule })
	switch {
	case severity == "" && i >= 0:
		t.Errorf("%s fired: %s", rule, findings[i].Message)
		return
	case severity == "":
		return
	case i < 0:
		t.Errorf("%s did not fire; findings %+v", rule, findings)
		return
	}
	f := findings[i]
	if f.Severity != severity || f.Message == "" {
		t.Errorf("%s: severity %q (want %q), message %q", rule, f.Severity, severity, f.Message)
	}
	for _, m := range mentions {
		if !strings.Contains(f.Message, m) {
			t.Errorf("%s: message %q lacks %q", rule, f.Message, m)
		}
	}
}
