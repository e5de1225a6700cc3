package policy

import (
	"errors"
	"strings"
	"testing"
)

// stubPolicy answers with a fixed result, or panics, as a buggy provider
// would.
type stubPolicy struct {
	res   Result
	panic bool
}

func (s stubPolicy) Provider() string { return "stub" }
func (s stubPolicy) Source() string   { return "suggestion" }
func (s stubPolicy) Name() string     { return s.res.Name }
func (s stubPolicy) Evaluate(Token) Result {
	if s.panic {
		panic("index out of range")
	}
	return s.res
}

// stubProvider parses any document into its fixed policies.
type stubProvider struct {
	pols []Policy
	err  error
}

func (p stubProvider) ID() string                             { return "stub" }
func (p stubProvider) Detect([]byte) bool                     { return true }
func (p stubProvider) Parse(string, []byte) ([]Policy, error) { return p.pols, p.err }
func (p stubProvider) Suggest(Token, Scope) (Suggestion, error) {
	return Suggestion{}, errors.New("not used")
}
func (p stubProvider) Snippets(Token) []Snippet { return nil }

// TestCheckSuggestionIsTheOneRule (issue 15): a suggestion passes when one
// of its policies lets the token in (Entra suggests a credential per sub
// form, and a token has one form); it is "aud only" when none does but one
// is denied on aud alone (the token was requested for another audience);
// a panic in a provider is an error, not a crash.
func TestCheckSuggestionIsTheOneRule(t *testing.T) {
	allow := stubPolicy{res: Result{Name: "ok", Verdict: Allow}}
	denySub := stubPolicy{res: Result{Name: "sub", Verdict: Deny, Summary: "denied: sub",
		Conditions: []Condition{{Claims: []string{"sub"}, Result: Fail}}}}
	denyAud := stubPolicy{res: Result{Name: "aud", Verdict: Deny, Summary: "denied: aud",
		Conditions: []Condition{{Claims: []string{"sub"}, Result: Pass}, {Claims: []string{"aud"}, Result: Fail}}}}
	boom := stubPolicy{panic: true}
	for _, tt := range []struct {
		name    string
		p       stubProvider
		wantErr error // nil: passes
		says    string
	}{
		{"one of two credentials allows", stubProvider{pols: []Policy{denySub, allow}}, nil, ""},
		{"denied on aud alone", stubProvider{pols: []Policy{denySub, denyAud}}, ErrSuggestionAudOnly, "denied: aud"},
		{"denied on sub", stubProvider{pols: []Policy{denySub}}, ErrSuggestionRefused, "denied: sub"},
		{"no policy", stubProvider{}, ErrSuggestionRefused, "no policy"},
		{"does not parse", stubProvider{err: errors.New("bad yaml")}, ErrSuggestionRefused, "bad yaml"},
		{"a provider panics", stubProvider{pols: []Policy{boom}}, ErrSuggestionRefused, "a bug"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckSuggestion(tt.p, "doc", Token{})
			if tt.wantErr == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("error %v, want %v saying %q", err, tt.wantErr, tt.says)
			}
		})
	}
}
