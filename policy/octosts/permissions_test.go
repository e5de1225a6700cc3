package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const permBase = "issuer: " + gh + "\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\npermissions:\n"

// TestUnknownPermissionRefusesFile: octo-sts decodes permissions strictly
// into go-github's InstallationPermissions, so an unknown one makes it
// refuse the whole file ("unable to parse trust policy"); oidcscope only
// warned and went on to allow or deny.
func TestUnknownPermissionRefusesFile(t *testing.T) {
	policytest.CheckParseRefusals(t, provider(), "x.sts.yaml", "", []policytest.ParseRefusal{
		{Name: "bogus", Doc: permBase + "  contents: read\n  bogus: read\n", Is: ErrUnreadable, Says: []string{"line 5", `"bogus"`, "unable to parse trust policy", "go-github v88"}},
		{Name: "hyphen for underscore", Doc: permBase + "  pull-requests: write\n", Is: ErrUnreadable, Says: []string{"line 4", `"pull-requests"`, `did you mean "pull_requests"`}},
		{Name: "singular", Doc: permBase + "  pull_request: write\n", Is: ErrUnreadable, Says: []string{`did you mean "pull_requests"`}},
		{Name: "newer than go-github v88", Doc: permBase + "  artifact_metadata: write\n", Is: ErrUnreadable, Says: []string{`"artifact_metadata"`, "newer go-github"}},
	})
}

// TestPermissionKeysMatchCaseInsensitively: encoding/json, which
// octo-sts's strict decoding ends in, matches field names ignoring case
// (bytes.EqualFold, so even the long s "ſ" folds to "s"): CONTENTS: write
// is accepted, and the lint that called it unknown was wrong.
func TestPermissionKeysMatchCaseInsensitively(t *testing.T) {
	for _, perms := range []string{"  CONTENTS: write\n", "  Pull_Requests: read\n", "  ſecrets: read\n", "  contents: write\n"} {
		pols, err := provider().Parse("x.sts.yaml", []byte(permBase+perms))
		if err != nil {
			t.Errorf("%q: %v (octo-sts accepts it)", perms, err)
			continue
		}
		r := pols[0].Evaluate(policytest.FixtureToken(t, "push-main"))
		if r.Verdict != policy.Deny && r.Verdict != policy.Allow {
			t.Errorf("%q: verdict %s", perms, r.Verdict)
		}
		for _, f := range r.Lint {
			if strings.HasPrefix(f.Rule, "octosts-") && strings.Contains(f.Rule, "permission") {
				t.Errorf("%q: lint %s: %s", perms, f.Rule, f.Message)
			}
		}
	}
}

// TestPermissionValues: octo-sts passes a permission's value to GitHub
// unchecked; GitHub documents read, write and admin in lower case. Other
// values, and YAML 1.1 booleans and numbers that octo-sts's parser turns
// into strings, are warned about; a key given twice in different case is
// resolved as octo-sts resolves it.
func TestPermissionValues(t *testing.T) {
	tests := []struct {
		name, perms string
		mention     string // "" = no finding
	}{
		{"read", "  contents: read\n", ""},
		{"write", "  contents: write\n", ""},
		{"admin", "  organization_projects: admin\n", ""},
		{"null", "  contents: ~\n", ""},
		{"upper case", "  contents: WRITE\n", "undocumented"},
		{"YAML boolean", "  contents: yes\n", `"true"`},
		{"YAML number", "  contents: 1\n", `"1"`},
		{"other word", "  contents: none\n", `"none"`},
		{"same key in two cases", "  contents: read\n  CONTENTS: write\n", `keeps "read"`},
	}
	tok := policytest.FixtureToken(t, "push-main")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := parseOne(t, provider(), permBase+tt.perms).Evaluate(tok)
			var msgs []string
			for _, f := range r.Lint {
				if f.Rule == RulePermissionValue {
					msgs = append(msgs, f.Message)
					if f.Severity != policy.SevWarning {
						t.Errorf("severity %s", f.Severity)
					}
				}
			}
			switch {
			case tt.mention == "" && len(msgs) > 0:
				t.Errorf("finding on a good value: %v", msgs)
			case tt.mention != "" && !strings.Contains(strings.Join(msgs, "\n"), tt.mention):
				t.Errorf("findings %v lack %q", msgs, tt.mention)
			}
		})
	}
}
