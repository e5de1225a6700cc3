package policy_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

func joined(lines []string) string { return strings.Join(lines, "\n") }

func TestMismatch(t *testing.T) {
	tests := []struct {
		name, provider, claim string
		expected              []string
		actual                string
		caseSensitive         bool
		want                  []string // substrings that must appear
		not                   []string // substrings that must not appear
	}{
		{"environment form vs ref form", policy.AWS, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org/octo-repo:environment:prod", true,
			[]string{"in environment form but the policy expects ref form", "always gets environment:<name>", "first difference at character 25"}, []string{"case"}},
		{"environment form vs ref form: the sub to allow instead and how to pin the branch", policy.Entra, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org/octo-repo:environment:prod", true,
			[]string{`allow sub "repo:octo-org/octo-repo:environment:prod" instead`, "deployment branch", "job_workflow_ref claim in a flexible credential"}, []string{"ref or job_workflow_ref"}},
		{"environment form vs ref form where the provider reads ref", policy.AWS, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org/octo-repo:environment:prod", true,
			[]string{`allow sub "repo:octo-org/octo-repo:environment:prod" instead`, "deployment branch", "ref or job_workflow_ref claim"}, nil},
		{"environment form vs pull_request form has no ref advice", policy.AWS, "sub", []string{"repo:o/r:pull_request"}, "repo:o/r:environment:prod", true,
			[]string{"in environment form but the policy expects pull_request form"}, []string{"deployment branch"}},
		{"ref form vs environment form", policy.Entra, "sub", []string{"repo:octo-org/octo-repo:environment:prod"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"in ref form but the policy expects environment form"}, nil},
		{"pull request", policy.AWS, "sub", []string{"repo:o/r:ref:refs/heads/main"}, "repo:o/r:pull_request", true,
			[]string{"pull_request form", "pull request events get :pull_request"}, nil},
		{"legacy vs immutable", policy.AWS, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", true,
			[]string{"immutable form", "trust both"}, []string{"ref form but"}},
		{"immutable expected, legacy token", policy.Entra, "sub", []string{"repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"policy expects the immutable form"}, nil},
		{"case only", policy.Entra, "sub", []string{"repo:octo-org/octo-repo:environment:Production"}, "repo:octo-org/octo-repo:environment:production", true,
			[]string{"differs only in case: Entra compares sub case-sensitively"}, nil},
		{"case-insensitive operator says nothing about case", policy.AWS, "sub", []string{"REPO:X"}, "repo:y", false,
			nil, []string{"only in case"}},
		{"wrong aud for AWS", policy.AWS, "aud", []string{"sts.amazonaws.com"}, "https://github.com/octo-org", true,
			[]string{`AWS expects aud "sts.amazonaws.com"`}, nil},
		{"wrong aud for Entra", policy.Entra, "aud", []string{"api://AzureADTokenExchange"}, "sts.amazonaws.com", true,
			[]string{"api://AzureADTokenExchange"}, nil},
		{"closest of several expected values is aligned", policy.AWS, "sub", []string{"zzz", "repo:octo-org/octo-repo:ref:refs/heads/mian"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"expected: repo:octo-org/octo-repo:ref:refs/heads/mian", "character 41"}, nil},
		// A first difference outside ASCII is named, with what it looks
		// like for the common homoglyphs (confusable_test.go).
		{"Cyrillic o in the token (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:octo-org/\u043ecto-repo:ref:refs/heads/main", true,
			[]string{"first difference at character 15", "the token has U+043E CYRILLIC SMALL LETTER O, looks like 'o'"}, nil},
		{"Cyrillic a in the policy (confusable)", policy.AWS, "sub", []string{"repo:\u0430cme/app:ref:refs/heads/main"}, "repo:acme/app:ref:refs/heads/main", true,
			[]string{"the policy has U+0430 CYRILLIC SMALL LETTER A, looks like 'a'"}, nil},
		{"Greek omicron (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:\u03bfcto-org/octo-repo:ref:refs/heads/main", true,
			[]string{"U+03BF GREEK SMALL LETTER OMICRON, looks like 'o'"}, nil},
		{"fullwidth solidus (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:octo-org\uff0focto-repo:ref:refs/heads/main", true,
			[]string{"U+FF0F FULLWIDTH SOLIDUS, looks like '/'"}, nil},
		{"en dash (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:octo\u2013org/octo-repo:ref:refs/heads/main", true,
			[]string{"U+2013 EN DASH, looks like '-'"}, nil},
		{"right single quotation mark (confusable)", policy.AWS, "sub", []string{"repo:o/r:environment:it's"}, "repo:o/r:environment:it\u2019s", true,
			[]string{"U+2019 RIGHT SINGLE QUOTATION MARK, looks like '''"}, nil},
		{"named but no lookalike (confusable)", policy.AWS, "sub", []string{"repo:o/r:environment:cafe"}, "repo:o/r:environment:caf\u00e9", true,
			[]string{"the token has U+00E9 LATIN SMALL LETTER E WITH ACUTE\n"}, []string{"looks like"}},
		{"invisible character (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:octo-org/\u200bocto-repo:ref:refs/heads/main", true,
			[]string{"the token has U+200B ZERO WIDTH SPACE"}, nil},
		{"not UTF-8 (confusable)", policy.AWS, "sub", []string{confusableWant}, "repo:octo-org/\xffcto-repo:ref:refs/heads/main", true,
			[]string{"the token has the byte 0xff, not UTF-8"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// The newline lets a case say where a line ends.
			got := joined(policy.Mismatch(tt.provider, tt.claim, tt.expected, tt.actual, tt.caseSensitive)) + "\n"
			policytest.CheckText(t, "diagnosis", got, tt.want, tt.not)
		})
	}
}

func TestPatternMismatch(t *testing.T) {
	prefix := func(p string) string {
		if i := strings.IndexAny(p, "*?"); i >= 0 {
			return p[:i]
		}
		return p
	}
	got := joined(policy.PatternMismatch(policy.AWS, "sub", []string{"repo:Octo-Org/*"}, "repo:octo-org/octo-repo:ref:refs/heads/main", prefix))
	if !strings.Contains(got, "only in case before its first wildcard") {
		t.Errorf("diagnosis = %s", got)
	}
	got = joined(policy.PatternMismatch(policy.AWS, "sub", []string{"repo:octo-org/octo-repo:ref:*"}, "repo:octo-org/octo-repo:environment:prod", prefix))
	if !strings.Contains(got, "environment form but the policy expects ref form") || !strings.Contains(got, `allow sub "repo:octo-org/octo-repo:environment:prod" instead`) {
		t.Errorf("diagnosis = %s", got)
	}
}

func TestWildcardInEquality(t *testing.T) {
	if policy.WildcardInEquality("StringEquals", []string{"repo:o/r:*"}) == "" {
		t.Error("a * under StringEquals must be flagged")
	}
	if policy.WildcardInEquality("StringEquals", []string{"repo:o/r:ref:refs/heads/main"}) != "" {
		t.Error("no wildcard, no finding")
	}
}
