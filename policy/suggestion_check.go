package policy

import (
	"errors"
	"fmt"
)

// ErrSuggestionRefused is wrapped when a suggested document does not parse
// or does not allow the token it was made for.
var ErrSuggestionRefused = errors.New("the suggestion does not allow this token")

// ErrSuggestionAudOnly is wrapped when a suggestion lets the token in on
// everything but aud: the policy is right for another token of the same
// job, one requested for the provider's audience.
var ErrSuggestionAudOnly = errors.New("the suggestion fails this token on aud alone")

// CheckSuggestion is the one rule for printing a suggestion: parsed with
// p, one of its policies must let tok in (Entra suggests a credential per
// sub form, and a token has one form). A suggestion that fails only on aud
// is ErrSuggestionAudOnly, which a caller may print with a note; anything
// else is ErrSuggestionRefused. Policies are evaluated through
// SafeEvaluate, so a provider's bug is an error, not a crash.
func CheckSuggestion(p Provider, doc string, tok Token) error {
	pols, err := p.Parse("suggestion", []byte(doc))
	if err != nil {
		return fmt.Errorf("%w: the suggestion does not parse: %v", ErrSuggestionRefused, err)
	}
	if len(pols) == 0 {
		return fmt.Errorf("%w: no policy in the suggestion", ErrSuggestionRefused)
	}
	results := make([]Result, len(pols))
	for i, pol := range pols {
		if results[i] = SafeEvaluate(pol, tok); results[i].Verdict == Allow {
			return nil
		}
	}
	for _, r := range results {
		if failsOnAudOnly(r) {
			return fmt.Errorf("%w: %s", ErrSuggestionAudOnly, r.Summary)
		}
	}
	return fmt.Errorf("%w: %s", ErrSuggestionRefused, refusal(results[0]))
}

// refusal is why a result did not allow: an error's reason, else the
// summary.
func refusal(r Result) string {
	if r.Verdict == Error && r.Error != "" {
		return r.Error
	}
	return r.Summary
}

// failsOnAudOnly reports a deny whose failing conditions all read aud alone.
func failsOnAudOnly(r Result) bool {
	if r.Verdict != Deny {
		return false
	}
	failed := 0
	for _, c := range r.Conditions {
		if c.Result == Pass || c.Result == NotApplied {
			continue
		}
		if len(c.Claims) != 1 || c.Claims[0] != "aud" {
			return false
		}
		failed++
	}
	return failed > 0
}
