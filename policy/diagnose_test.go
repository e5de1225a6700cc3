package policy

import (
	"strings"
	"testing"
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
		{"environment form vs ref form", AWS, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org/octo-repo:environment:prod", true,
			[]string{"in environment form but the policy expects ref form", "always gets environment:<name>", "first difference at character 25"}, []string{"case"}},
		{"ref form vs environment form", Entra, "sub", []string{"repo:octo-org/octo-repo:environment:prod"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"in ref form but the policy expects environment form"}, nil},
		{"pull request", AWS, "sub", []string{"repo:o/r:ref:refs/heads/main"}, "repo:o/r:pull_request", true,
			[]string{"pull_request form", "pull request events get :pull_request"}, nil},
		{"legacy vs immutable", AWS, "sub", []string{"repo:octo-org/octo-repo:ref:refs/heads/main"}, "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", true,
			[]string{"immutable form", "trust both"}, []string{"ref form but"}},
		{"immutable expected, legacy token", Entra, "sub", []string{"repo:octo-org@65/octo-repo@74:ref:refs/heads/main"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"policy expects the immutable form"}, nil},
		{"case only", Entra, "sub", []string{"repo:octo-org/octo-repo:environment:Production"}, "repo:octo-org/octo-repo:environment:production", true,
			[]string{"differs only in case: Entra compares sub case-sensitively"}, nil},
		{"case-insensitive operator says nothing about case", AWS, "sub", []string{"REPO:X"}, "repo:y", false,
			nil, []string{"only in case"}},
		{"wrong aud for AWS", AWS, "aud", []string{"sts.amazonaws.com"}, "https://github.com/octo-org", true,
			[]string{`AWS expects aud "sts.amazonaws.com"`}, nil},
		{"wrong aud for Entra", Entra, "aud", []string{"api://AzureADTokenExchange"}, "sts.amazonaws.com", true,
			[]string{"api://AzureADTokenExchange"}, nil},
		{"closest of several expected values is aligned", AWS, "sub", []string{"zzz", "repo:octo-org/octo-repo:ref:refs/heads/mian"}, "repo:octo-org/octo-repo:ref:refs/heads/main", true,
			[]string{"expected: repo:octo-org/octo-repo:ref:refs/heads/mian", "character 41"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joined(Mismatch(tt.provider, tt.claim, tt.expected, tt.actual, tt.caseSensitive))
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("diagnosis lacks %q:\n%s", w, got)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("diagnosis should not say %q:\n%s", n, got)
				}
			}
		})
	}
}

func TestAlignCaretUnderFirstDifference(t *testing.T) {
	got := Align("repo:é/a", "repo:é/b")
	if len(got) != 4 || !strings.HasSuffix(got[3], strings.Repeat(" ", 7)+"^") || got[0] != "first difference at character 8:" {
		t.Errorf("Align = %q", got)
	}
	if Align("same", "same") != nil {
		t.Error("identical strings have no difference")
	}
}

func TestPatternMismatch(t *testing.T) {
	prefix := func(p string) string {
		if i := strings.IndexAny(p, "*?"); i >= 0 {
			return p[:i]
		}
		return p
	}
	got := joined(PatternMismatch(AWS, "sub", []string{"repo:Octo-Org/*"}, "repo:octo-org/octo-repo:ref:refs/heads/main", prefix))
	if !strings.Contains(got, "only in case before its first wildcard") {
		t.Errorf("diagnosis = %s", got)
	}
	got = joined(PatternMismatch(AWS, "sub", []string{"repo:octo-org/octo-repo:ref:*"}, "repo:octo-org/octo-repo:environment:prod", prefix))
	if !strings.Contains(got, "environment form but the policy expects ref form") {
		t.Errorf("diagnosis = %s", got)
	}
}

func TestWildcardInEquality(t *testing.T) {
	if WildcardInEquality("StringEquals", []string{"repo:o/r:*"}) == "" {
		t.Error("a * under StringEquals must be flagged")
	}
	if WildcardInEquality("StringEquals", []string{"repo:o/r:ref:refs/heads/main"}) != "" {
		t.Error("no wildcard, no finding")
	}
}

func TestTokenViews(t *testing.T) {
	v, _ := decodeJSON(`{"aud":["a","b"],"n":7,"s":"x","bad":[1],"d":"1","d":"2"}`)
	tok := NewToken(v)
	if got, ok := tok.Strings("aud"); !ok || len(got) != 2 {
		t.Errorf("Strings(aud) = %v, %v", got, ok)
	}
	if _, ok := tok.Strings("bad"); ok {
		t.Error("an array of numbers is not a list of strings")
	}
	if got, _ := tok.Text("n"); got != "7" {
		t.Errorf("Text(n) = %q", got)
	}
	if !tok.Duplicated("d") || tok.Duplicated("s") {
		t.Error("Duplicated")
	}
}

func TestCaretLine(t *testing.T) {
	for _, col := range []int{0, 1, 50, 115, 116, 117, 500} {
		want := strings.Repeat(" ", 12+col) + "^"
		if got := caretLine(col); got != want {
			t.Errorf("caretLine(%d) = %q (%d bytes), want %d bytes", col, got, len(got), len(want))
		}
	}
}
