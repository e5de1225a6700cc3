package aws

import (
	"slices"
	"testing"
)

func TestPolicyVars(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  []policyVar
	}{
		{"plain", nil},
		{"Ship it${?}${*}${$}", nil},
		{"repo:${token.actions.githubusercontent.com:repository}:*", []policyVar{{key: "token.actions.githubusercontent.com:repository"}}},
		{"${aws:username, 'x'}", []policyVar{{key: "aws:username", hasDefault: true}}},
		{"${aws:username, ''}", []policyVar{{key: "aws:username", hasDefault: true, emptyDefault: true}}},
		{"${aws:username,'x'}", []policyVar{{key: "aws:username,'x'"}}}, // IAM's form has ", "
		{"${a}${b, 'c'}", []policyVar{{key: "a"}, {key: "b", hasDefault: true}}},
		{"${unclosed", nil},
	} {
		if got := policyVars(tc.value); !slices.Equal(got, tc.want) {
			t.Errorf("policyVars(%q) = %+v, want %+v", tc.value, got, tc.want)
		}
	}
}

// A class explains a disagreement only when taking its feature out makes
// the two sides agree; a case without the feature is never claimed; two
// features that each explain nothing alone may together.
func TestClassifyNeedsTheFeatureToMatter(t *testing.T) {
	rootDeny := Statement{Effect: "Deny", Principal: Principal{Entries: []PrincipalEntry{{"AWS", One("arn:aws:iam::" + account + ":root")}}}, Action: One("*")}
	fedStar := Statement{Effect: "Allow", Principal: Principal{Entries: []PrincipalEntry{{"Federated", One("*")}}}, Action: One(webIdentityAction)}
	doc := func(s ...Statement) Case {
		return Case{ID: "t/1", Claims: selfCheckClaims(), Doc: Document{Statements: s}}
	}
	for _, tc := range []struct {
		name  string
		c     Case
		agree func(Case) bool // whether the sides agree on the edited case
		want  string
	}{
		{"feature present, gone → agree", doc(trusting("Allow"), rootDeny), func(Case) bool { return true }, "sim-account-deny"},
		{"feature present, still disagree", doc(trusting("Allow"), rootDeny), func(Case) bool { return false }, ""},
		{"no feature", doc(trusting("Allow")), func(Case) bool { return true }, ""},
		{"two features, only both gone → agree", doc(fedStar, rootDeny),
			func(c Case) bool { return len(accountDenies(c)) == 0 && !hasFederatedStar(c) }, "sim-account-deny+federated-wildcard"},
		{"a third feature that does not matter is left out", withClaim(doc(fedStar, rootDeny), "workflow", "two\nlines"),
			func(c Case) bool { return len(accountDenies(c)) == 0 && !hasFederatedStar(c) }, "sim-account-deny+federated-wildcard"},
	} {
		ks, err := Classify(tc.c, Outcome{}, func(c Case) (bool, error) { return tc.agree(c), nil })
		if err != nil {
			t.Fatal(err)
		}
		if got := classKey(ks); got != tc.want {
			t.Errorf("%s: classes %q, want %q", tc.name, got, tc.want)
		}
	}
}

func withClaim(c Case, name, value string) Case {
	c.Claims = append(c.Claims.Without(name), Claim{name, One(value)})
	return c
}

// TestMultivaluedKeyIsValuelessAsVariable: a variable naming a multivalued
// key (an array aud in the simulator's request context) has no value, as
// AWS says ("You can't use a multivalued condition key as a variable"), so
// it belongs to the sim-valueless-variable-negated class (seed 11, case
// 4128 of 20,000 was left unclassified before).
func TestMultivaluedKeyIsValuelessAsVariable(t *testing.T) {
	ctx := map[string]any{
		"token.actions.githubusercontent.com:aud":   []any{"sts.amazonaws.com", "https://github.com/o"},
		"token.actions.githubusercontent.com:actor": "octocat",
		"token.actions.githubusercontent.com:ref":   "",
	}
	for v, want := range map[string]bool{
		"${token.actions.githubusercontent.com:aud}":        true,
		"${token.actions.githubusercontent.com:actor}":      false,
		"${token.actions.githubusercontent.com:ref}":        true,
		"${token.actions.githubusercontent.com:workflow}":   true,
		"${token.actions.githubusercontent.com:aud, 'x'}":   false,
		"prefix-${token.actions.githubusercontent.com:aud}": true,
	} {
		if got := valueless(v, ctx); got != want {
			t.Errorf("valueless(%q) = %v, want %v", v, got, want)
		}
	}
}

// The character classes' Without replaces every matching rune, in a copy,
// so that the case no longer Fits.
func TestCharacterClassesTakeTheirFeatureOut(t *testing.T) {
	c := withClaim(Case{ID: "t/1", Claims: selfCheckClaims()}, "workflow", "two\nlines 😀")
	workflow := func(c Case) string {
		v, _ := c.Claims.Text("workflow")
		return v
	}
	for _, tc := range []struct {
		match func(rune) bool
		with  rune
		want  string
	}{
		{isLineTerminator, ' ', "two lines 😀"},
		{isAstral, 'Ω', "two\nlines Ω"},
	} {
		if !holding(tc.match)(c, Outcome{}) {
			t.Errorf("holding: nothing found in %q", workflow(c))
		}
		n := replacing(tc.match, tc.with)(c, Outcome{})
		if got := workflow(n); got != tc.want || holding(tc.match)(n, Outcome{}) {
			t.Errorf("replacing: workflow %q, want %q", got, tc.want)
		}
	}
	if got := workflow(c); got != "two\nlines 😀" {
		t.Errorf("the original case changed: workflow %q", got)
	}
}
