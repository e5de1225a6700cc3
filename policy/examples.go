package policy

import (
	"slices"
	"strings"
)

// A lint finding is computed when its policy is parsed, with no token, so
// a value it offers as an example is a placeholder written between the
// quotes of the example's language: '<REPOSITORY_ID>' in CEL,
// "<REPOSITORY_ID>" in JSON. Result.FillExamples, given the token, puts
// the token's own value in its place, quoted the same way; a finding shown
// without a token keeps its placeholders. Examples so name the IDs of the
// token being inspected, never the demo's. SafeEvaluate fills every
// provider's results; a provider's Evaluate may fill its own too, so that
// its result alone is the one a set gives (filling twice changes nothing).

// Placeholders a lint message may hold, between single or double quotes.
const (
	ExampleRepositoryOwnerID = "<REPOSITORY_OWNER_ID>"
	ExampleRepositoryID      = "<REPOSITORY_ID>"
)

// exampleClaim is a placeholder and the claim that fills it. Only these
// are filled: other placeholders (AWS's <ACCOUNT_ID>) are no claim, and a
// token holding a claim of a like name must not fill them.
type exampleClaim struct{ placeholder, claim string }

func exampleClaims() [2]exampleClaim {
	return [...]exampleClaim{
		{ExampleRepositoryOwnerID, "repository_owner_id"},
		{ExampleRepositoryID, "repository_id"},
	}
}

// exampleMemo keys the token's example replacer in Token.Memo: a set of
// thousands of policies fills their lint with one replacer.
type exampleMemo struct{}

// exampleReplacer replaces each quoted placeholder whose claim the token
// holds as one non-empty string (GitHub sends IDs as strings; a number or
// a duplicated claim is no value to paste) by that value quoted alike. It
// is nil when there is nothing to fill. A value holding a placeholder's
// text stays unfilled, so that a filled message holds no placeholder the
// value brought: filling it again changes nothing.
func exampleReplacer(tok Token) *strings.Replacer {
	return tok.Memo(exampleMemo{}, func() any {
		var pairs []string
		for _, e := range exampleClaims() {
			v, ok := tok.String(e.claim)
			if !ok || v == "" || tok.Duplicated(e.claim) || holdsPlaceholder(v) {
				continue
			}
			pairs = append(pairs,
				"'"+e.placeholder+"'", QuoteCEL(v),
				`"`+e.placeholder+`"`, QuoteJSON(v, false))
		}
		if len(pairs) == 0 {
			return (*strings.Replacer)(nil)
		}
		return strings.NewReplacer(pairs...)
	}).(*strings.Replacer)
}

// holdsPlaceholder reports whether s holds a placeholder's text. It
// allocates nothing: most findings have no example, and a set of
// thousands of roles asks it of every one.
func holdsPlaceholder(s string) bool {
	for _, e := range exampleClaims() {
		if strings.Contains(s, e.placeholder) {
			return true
		}
	}
	return false
}

// FillExamples puts the token's values in place of the placeholders in r's
// lint messages. The Lint slice may be the policy's own, shared by every
// evaluation, so it is copied before the first change.
func (r *Result) FillExamples(tok Token) {
	var rep *strings.Replacer
	looked, copied := false, false
	for i, f := range r.Lint {
		if !holdsPlaceholder(f.Message) {
			continue
		}
		if !looked {
			rep, looked = exampleReplacer(tok), true
		}
		if rep == nil {
			return
		}
		msg := rep.Replace(f.Message)
		if msg == f.Message {
			continue
		}
		if !copied {
			r.Lint, copied = slices.Clone(r.Lint), true
		}
		r.Lint[i].Message = msg
	}
}
