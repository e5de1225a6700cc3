package reach

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// parsePolicy reads the one policy of an in-memory document as the
// provider that detects it, as policyset reads it from a file.
func parsePolicy(t *testing.T, name, doc string) policy.Policy {
	t.Helper()
	for _, prov := range policyset.All() {
		if !prov.Detect([]byte(doc)) {
			continue
		}
		pols, err := prov.Parse(name, []byte(doc))
		if err != nil || len(pols) != 1 {
			t.Fatalf("%s: %d policies, %v", name, len(pols), err)
		}
		return pols[0]
	}
	t.Fatalf("%s: no provider detects it", name)
	return nil
}

// An octo-sts pattern (Go RE2, anchored) that lists environments as an
// alternation of literals names each of them: the table tries each
// environment, and its prefix probe, never one named after the pattern's
// syntax (prod|staging). Whether a probe (prod-other) gets in depends on
// how the octo-sts version anchors a bare alternation (reference §6), so
// probes are left out of the comparison.
func TestReachEnvironmentsOfAnAlternation(t *testing.T) {
	const head = "issuer: https://token.actions.githubusercontent.com\naudience: https://github.com/octo-org\npermissions: {contents: read}\n"
	tests := []struct {
		name, doc string
		allowed   []string // the environments let in, probes aside
	}{
		{"capturing group in the subject", `subject_pattern: "repo:octo-org/octo-repo:environment:(prod|staging)"`, []string{"prod", "staging"}},
		{"non-capturing group in the subject", `subject_pattern: "repo:octo-org/octo-repo:environment:(?:prod|staging-eu)"`, []string{"prod", "staging-eu"}},
		{"prefix and group", `subject_pattern: "repo:octo-org/octo-repo:environment:deploy-(eu|us)"`, []string{"deploy-eu", "deploy-us"}},
		{"subjects as alternatives", `subject_pattern: "repo:octo-org/octo-repo:environment:prod|repo:octo-org/octo-repo:environment:staging"`, []string{"prod", "staging"}},
		{"claim pattern", "subject_pattern: \"repo:octo-org/octo-repo:.*\"\nclaim_pattern: {environment: \"prod|staging\"}", []string{"prod", "staging"}},
		{"claim pattern, grouped and anchored", "subject_pattern: \"repo:octo-org/octo-repo:.*\"\nclaim_pattern: {environment: \"(?:prod|staging)\"}", []string{"prod", "staging"}},
		{"nested groups in the subject", `subject_pattern: "repo:octo-org/octo-repo:environment:((?:prod|staging))"`, []string{"prod", "staging"}},
		{"a group in a branch", `subject_pattern: "repo:octo-org/octo-repo:environment:(prod|stag(ing|e))"`, []string{"prod", "stage", "staging"}},
		{"case-insensitive: the names as written", "subject_pattern: \"repo:octo-org/octo-repo:.*\"\nclaim_pattern: {environment: \"(?i)(prod|staging)\"}", []string{"prod", "staging"}},
		{"case-insensitive group in the subject", `subject_pattern: "repo:octo-org/octo-repo:environment:(?i:prod|staging)"`, []string{"prod", "staging"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parsePolicy(t, "alt.sts.yaml", head+tt.doc+"\n")
			table, err := Of(p, base())
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range table.envs() {
				if strings.ContainsAny(e, "|()?:") {
					t.Errorf("a row for an environment named %q", e)
				}
			}
			for _, e := range tt.allowed {
				if !slices.Contains(table.envs(), e+PrefixProbe) {
					t.Errorf("no row for %s%s (tried %q)", e, PrefixProbe, table.envs())
				}
			}
			var got []string
			for _, r := range table.Allowed() {
				if r.Environment != "" && !strings.HasSuffix(r.Environment, PrefixProbe) && !slices.Contains(got, r.Environment) {
					got = append(got, r.Environment)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.allowed) {
				t.Errorf("lets in environments %q, want %q (tried %q)", got, tt.allowed, table.envs())
			}
		})
	}
}

// A pattern that is no simple alternation of literals keeps the names
// mined as before; a glob (AWS StringLike) has no alternation, and its
// '|' is a character like any other.
func TestReachEnvironmentsFallBack(t *testing.T) {
	tests := []struct {
		name, doc string
		tried     string // an environment the table must try
	}{
		{"octo-sts, a wildcard in a branch", "issuer: https://token.actions.githubusercontent.com\naudience: https://github.com/octo-org\nsubject_pattern: \"repo:octo-org/octo-repo:environment:prod\"\nclaim_pattern: {environment: \"prod-[a-z]+|staging\"}\npermissions: {contents: read}\n", "prod"},
		{"AWS StringLike", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"},"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:environment:prod|staging"}}}]}`, "prod|staging"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, err := Of(parsePolicy(t, "p", tt.doc), base())
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(table.envs(), tt.tried) {
				t.Errorf("environments tried %q lack %q", table.envs(), tt.tried)
			}
		})
	}
}

// The octo-sts alternation pitfall sample: its first branch ends the
// environment at the alternation, whose other branch is another subject.
func TestReachAlternationPitfallSample(t *testing.T) {
	p := samplePolicies(t)["policies/octo-sts/alternation-pitfall.sts.yaml"][0]
	table, err := Of(p, base())
	if err != nil {
		t.Fatal(err)
	}
	envs := table.envs()
	if !slices.Contains(envs, "prod") || !slices.Contains(envs, "prod"+PrefixProbe) || slices.ContainsFunc(envs, func(e string) bool { return strings.Contains(e, "|") }) {
		t.Errorf("environments tried %q: want prod and prod%s, none with a |", envs, PrefixProbe)
	}
}
