package entra

import (
	"errors"
	"strings"
	"testing"
)

func TestParseExpressionValid(t *testing.T) {
	tests := []struct {
		expr  string
		terms []term
	}{
		{"claims['sub'] eq 'repo:octo-org/octo-repo:ref:refs/heads/main'",
			[]term{{Claim: "sub", Op: "eq", Comparand: "repo:octo-org/octo-repo:ref:refs/heads/main", Offset: 0}}},
		{"claims['sub'] matches 'repo:octo-org/octo-repo:ref:refs/heads/*' and claims['repository_id'] eq '74' and claims['job_workflow_ref'] matches 'octo-org/octo-automation/.github/workflows/*@refs/heads/main'",
			[]term{
				{Claim: "sub", Op: "matches", Comparand: "repo:octo-org/octo-repo:ref:refs/heads/*", Offset: 0},
				{Claim: "repository_id", Op: "eq", Comparand: "74", Offset: 69},
				{Claim: "job_workflow_ref", Op: "matches", Comparand: "octo-org/octo-automation/.github/workflows/*@refs/heads/main", Offset: 105},
			}},
		{"claims['sub'] eq ''", []term{{Claim: "sub", Op: "eq", Comparand: "", Offset: 0}}},
		{"claims['sub'] eq 'a and b'", []term{{Claim: "sub", Op: "eq", Comparand: "a and b", Offset: 0}}},
		// Unknown claims and operators parse; whether Entra accepts them is
		// the claim table's business (checkTerm), not the grammar's.
		{"claims['actor'] ne 'x'", []term{{Claim: "actor", Op: "ne", Comparand: "x", Offset: 0}}},
	}
	for _, tc := range tests {
		got, err := parseExpression(tc.expr)
		if err != nil {
			t.Errorf("parseExpression(%q): unexpected error %v", tc.expr, err)
			continue
		}
		if len(got.Terms) != len(tc.terms) {
			t.Errorf("parseExpression(%q): %d terms, want %d", tc.expr, len(got.Terms), len(tc.terms))
			continue
		}
		for i, want := range tc.terms {
			g := got.Terms[i]
			if g.Claim != want.Claim || g.Op != want.Op || g.Comparand != want.Comparand || g.Offset != want.Offset {
				t.Errorf("parseExpression(%q) term %d = %+v, want %+v", tc.expr, i, g, want)
			}
			if tc.expr[g.Offset:g.Offset+len(g.Text)] != g.Text {
				t.Errorf("term %d text %q is not the expression at offset %d", i, g.Text, g.Offset)
			}
		}
	}
}

func TestParseExpressionErrors(t *testing.T) {
	tests := []struct {
		expr   string
		offset int
		msg    string
	}{
		{"", 0, "empty expression"},
		{"   ", 0, "empty expression"},
		{" claims['sub'] eq 'x'", 0, "leading whitespace"},
		{"claims['sub'] eq 'x' or claims['sub'] eq 'y'", 21, "`or` is not in the documented grammar"},
		{"not claims['sub'] eq 'x'", 0, "`not` is not in the documented grammar"},
		{"claims['sub'] eq 'x' and not claims['sub'] eq 'y'", 25, "`not` is not in the documented grammar"},
		{"(claims['sub'] eq 'x')", 0, "parentheses"},
		{"claims['sub']  eq 'x'", 14, "single space"},
		{"claims['sub'] eq  'x'", 17, "single space"},
		{"claims['sub'] eq 'x'  and claims['repository_id'] eq '74'", 21, "single spaces"},
		{"claims['sub'] eq 'x' and  claims['repository_id'] eq '74'", 25, "single spaces"},
		{"claims['sub'] eq 'x' AND claims['repository_id'] eq '74'", 21, "lower case"},
		{"claims['sub'] eq 'x' && claims['repository_id'] eq '74'", 21, "`&&`"},
		{`claims["sub"] eq 'x'`, 7, "single quotes"},
		{"claims.sub eq 'x'", 0, "claims['<claim>']"},
		{"sub eq 'x'", 0, "expected claims['<claim>']"},
		{"claims['sub eq 'x'", 16, "expected ]"},
		{"claims['sub", 8, "unterminated claim name"},
		{"claims[''] eq 'x'", 8, "empty claim name"},
		{"claims['sub']eq 'x'", 13, "single space after claims['sub']"},
		{"claims['sub'] == 'x'", 14, "expected an operator"},
		{"claims['sub'] eq", 16, "ends early"},
		{`claims['sub'] eq "x"`, 17, "single quotes, not double"},
		{"claims['sub'] eq x", 17, "expected a value in single quotes"},
		{"claims['sub'] eq 'x", 17, "unterminated value"},
		{"claims['sub'] eq 'it's'", 21, "expected ` and ` or the end"},
		{"claims['sub'] eq 'x' and", 24, "ends after `and`"},
		{"claims['sub'] eq 'x' andclaims['sub'] eq 'y'", 24, "single space after `and`"},
		{"claims['sub'] eq 'x'and claims['sub'] eq 'y'", 20, "expected ` and ` or the end"},
		{"claims['sub'] eq 'x' and ", 25, "expected a term after `and`"},
		{"claims['sub'] eq 'x' ", 20, "trailing whitespace"},
	}
	for _, tc := range tests {
		_, err := parseExpression(tc.expr)
		if err == nil {
			t.Errorf("parseExpression(%q): no error, want one at byte %d (%s)", tc.expr, tc.offset, tc.msg)
			continue
		}
		var ee *ExprError
		if !errors.As(err, &ee) || !errors.Is(err, ErrExpression) {
			t.Errorf("parseExpression(%q): error %v is not an *ExprError wrapping ErrExpression", tc.expr, err)
			continue
		}
		if ee.Offset != tc.offset || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("parseExpression(%q): %v (offset %d); want offset %d and message containing %q", tc.expr, err, ee.Offset, tc.offset, tc.msg)
		}
		if !strings.Contains(err.Error(), "at byte ") {
			t.Errorf("parseExpression(%q): error %q does not name the byte offset", tc.expr, err)
		}
	}
}

func TestCheckTerm(t *testing.T) {
	tests := []struct {
		issuer, expr string
		wantErr      string // "" = accepted
	}{
		{gh, "claims['sub'] eq 'x'", ""},
		{gh, "claims['sub'] matches 'x*'", ""},
		{gh, "claims['job_workflow_ref'] matches 'o/r/.github/workflows/*@refs/heads/main'", ""},
		{gh, "claims['job_workflow_ref'] eq 'o/r/.github/workflows/a.yml@refs/heads/main'", ""},
		{gh, "claims['repository_id'] eq '74'", ""},
		{gh, "claims['repository_owner_id'] eq '65'", ""},
		{gh, "claims['repository_id'] matches '7*'", "not an operator Entra accepts for claims['repository_id']"},
		{gh, "claims['repository_owner_id'] matches '6?'", "not an operator Entra accepts"},
		{gh, "claims['actor'] eq 'octocat'", "not a claim Entra accepts for this issuer"},
		{gh, "claims['environment'] eq 'prod'", "not a claim Entra accepts for this issuer"},
		{gh, "claims['sub'] ne 'x'", "not an operator Entra accepts for this issuer"},
		{gh, "claims['sub'] EQ 'x'", "not an operator Entra accepts"},
		{gh + "/avocado-corp", "claims['actor'] eq 'x'", "not a claim Entra accepts"},
		{"https://gitlab.example.com", "claims['project_path'] eq 'g/p'", ""},
		{"https://gitlab.example.com", "claims['project_path'] like 'g/p'", "not an operator Entra accepts"},
	}
	for _, tc := range tests {
		expr, err := parseExpression(tc.expr)
		if err != nil {
			t.Fatalf("parseExpression(%q): %v", tc.expr, err)
		}
		got := checkTerm(tc.issuer, expr.Terms[0])
		switch {
		case tc.wantErr == "" && got != "":
			t.Errorf("checkTerm(%s, %q) = %q, want accepted", tc.issuer, tc.expr, got)
		case tc.wantErr != "" && !strings.Contains(got, tc.wantErr):
			t.Errorf("checkTerm(%s, %q) = %q, want it to contain %q", tc.issuer, tc.expr, got, tc.wantErr)
		}
	}
}

// FuzzParseExpression: the parser never panics, and what it accepts is a
// sequence of terms whose texts, joined by " and ", give the input back.
func FuzzParseExpression(f *testing.F) {
	for _, s := range []string{
		"claims['sub'] matches 'repo:o/r:*' and claims['repository_id'] eq '74'",
		"claims['sub'] eq 'x' or claims['sub'] eq 'y'", "claims['", "claims['sub'] eq '", "", "not x",
		"claims['a'] b 'c' and claims['d'] e 'f'", "claims['sub'] eq 'x' and ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		expr, err := parseExpression(s)
		if err != nil {
			var ee *ExprError
			if !errors.As(err, &ee) || ee.Offset < 0 || ee.Offset > len(s) {
				t.Fatalf("parseExpression(%q): error %v has no offset inside the expression", s, err)
			}
			return
		}
		texts := make([]string, len(expr.Terms))
		for i, tm := range expr.Terms {
			texts[i] = tm.Text
			if tm.Claim == "" || tm.Op == "" {
				t.Fatalf("parseExpression(%q): term %d has an empty claim or operator", s, i)
			}
		}
		if strings.Join(texts, " and ") != s {
			t.Fatalf("parseExpression(%q): terms %q do not rebuild the expression", s, texts)
		}
	})
}
