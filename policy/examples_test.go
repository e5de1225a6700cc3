package policy

import (
	"slices"
	"testing"
)

// lintPolicy is a policy whose every evaluation returns the same lint
// slice, as a provider that hands its parsed findings on unchanged would.
type lintPolicy struct{ lint []Finding }

func (lintPolicy) Provider() string { return "test" }
func (lintPolicy) Source() string   { return "test.json" }
func (lintPolicy) Name() string     { return "test" }
func (p lintPolicy) Evaluate(Token) Result {
	return Result{Verdict: Deny, Conditions: []Condition{}, Lint: p.lint}
}

// TestFillExamples: SafeEvaluate puts the token's IDs in place of the
// quoted placeholders of every provider's lint, quoted as the example's
// language quotes strings, and leaves alone what the token cannot fill.
func TestFillExamples(t *testing.T) {
	const both = `cel '<REPOSITORY_OWNER_ID>' '<REPOSITORY_ID>', json "<REPOSITORY_OWNER_ID>" "<REPOSITORY_ID>"`
	for _, c := range []struct {
		name, claims, msg, want string
	}{
		{"IDs", `{"repository_owner_id":"76491096","repository_id":"922761846"}`, both,
			`cel '76491096' '922761846', json "76491096" "922761846"`},
		{"hostile value", `{"repository_owner_id":"a'b\"c\\\u001b\u202e","repository_id":"9"}`, both,
			`cel 'a\'b"c\\\x1b\u202e' '9', json "a'b\"c\\\u001b\u202e" "9"`},
		{"absent, number, empty", `{"repository_owner_id":65,"repository_id":""}`, both, both},
		{"one absent", `{"repository_id":"9"}`, both,
			`cel '<REPOSITORY_OWNER_ID>' '9', json "<REPOSITORY_OWNER_ID>" "9"`},
		{"duplicated claim", `{"repository_id":"9","repository_id":"10"}`, `'<REPOSITORY_ID>'`, `'<REPOSITORY_ID>'`},
		{"unquoted placeholder", `{"repository_id":"9"}`, `<REPOSITORY_ID> '<REPOSITORY_ID>`, `<REPOSITORY_ID> '<REPOSITORY_ID>`},
		{"not a token placeholder", `{"account_id":"1","ACCOUNT_ID":"1"}`, `"arn:aws:iam::<ACCOUNT_ID>:oidc-provider/x" '<ACCOUNT_ID>'`, `"arn:aws:iam::<ACCOUNT_ID>:oidc-provider/x" '<ACCOUNT_ID>'`},
		{"value holding a placeholder", `{"repository_owner_id":"x'<REPOSITORY_ID>","repository_id":"9"}`, `'<REPOSITORY_OWNER_ID>' '<REPOSITORY_ID>'`, `'<REPOSITORY_OWNER_ID>' '9'`},
	} {
		t.Run(c.name, func(t *testing.T) {
			payload, errs := decodeJSON(c.claims)
			if len(errs) > 0 && c.name != "duplicated claim" { // a duplicate key is an error the token keeps
				t.Fatal(errs[0])
			}
			pol := lintPolicy{lint: []Finding{{Rule: "r", Severity: SevInfo, Message: c.msg}, {Rule: "s", Severity: SevInfo, Message: "no example"}}}
			own := slices.Clone(pol.lint)
			res := SafeEvaluate(pol, NewToken(payload))
			if got := res.Lint[0].Message; got != c.want {
				t.Errorf("filled\n %s\nwant\n %s", got, c.want)
			}
			if res.Lint[1] != own[1] || !slices.Equal(pol.lint, own) {
				t.Errorf("lint changed beyond the example: %+v; the policy's own: %+v", res.Lint, pol.lint)
			}
			// A provider may fill its own result before SafeEvaluate does.
			again := res
			if again.FillExamples(NewToken(payload)); !slices.Equal(again.Lint, res.Lint) {
				t.Errorf("filling twice: %+v, once: %+v", again.Lint, res.Lint)
			}
		})
	}
}
