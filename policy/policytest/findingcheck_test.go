package policytest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestCheckFinding(t *testing.T) {
	lint := []policy.Finding{
		{Rule: "r-warn", Severity: policy.SevWarning, Message: "quote the value"},
		{Rule: "r-empty", Severity: policy.SevInfo},
	}
	tests := []struct {
		name, rule, severity string
		mentions             []string
		fails                string // "" = the check passes; else part of its failure
	}{
		{"fires as expected", "r-warn", policy.SevWarning, []string{"quote"}, ""},
		{"silent as expected", "r-none", "", nil, ""},
		{"fires where silence is expected", "r-warn", "", nil, "r-warn fired"},
		{"silent where a finding is expected", "r-none", policy.SevInfo, nil, "did not fire"},
		{"wrong severity", "r-warn", policy.SevError, nil, `severity "warning" (want "error")`},
		{"empty message", "r-empty", policy.SevInfo, nil, `message ""`},
		{"message lacks a mention", "r-warn", policy.SevWarning, []string{"quote", "unquoted"}, `lacks "unquoted"`},
	}
	for _, tc := range tests {
		got := failure(func(tb testing.TB) { CheckFinding(tb, lint, tc.rule, tc.severity, tc.mentions...) })
		if (got == "") != (tc.fails == "") || !strings.Contains(got, tc.fails) {
			t.Errorf("%s: failure %q, want one saying %q", tc.name, got, tc.fails)
		}
	}
}
