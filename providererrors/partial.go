package providererrors

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Partial is one loaded policy evaluated on the values an error message
// carries, as if they were a token: Entra's message quotes the subject it
// was given, so each federated credential can be checked against it
// without the token.
type Partial struct {
	Result policy.Result
	// Decided are the conditions the message's values settle; Unknown the
	// ones on claims the message does not carry (their outcome in Result
	// says nothing).
	Decided, Unknown []policy.Condition
}

// Verdicts of a policy against the values a message carries.
const (
	Fits      = "fits"      // every condition the values decide passes
	Differs   = "differs"   // one fails: the first is the difference
	Undecided = "undecided" // the message quotes none of the claims it reads
	Error     = "error"     // the policy cannot be evaluated
)

// Verdict is p's verdict. A condition the policy itself leaves unchecked
// (n/a: "not checked offline") is no difference: the values fit as far as
// anything can tell.
func (p Partial) Verdict() string {
	if p.Result.Verdict == policy.Error {
		return Error
	}
	passed := 0
	for _, c := range p.Decided {
		switch c.Result {
		case policy.Pass:
			passed++
		case policy.NotApplied:
		default:
			return Differs
		}
	}
	if passed == 0 {
		return Undecided
	}
	return Fits
}

// Fits reports whether the policy would match as far as the message can
// tell (Verdict is Fits).
func (p Partial) Fits() bool { return p.Verdict() == Fits }

// Token is the message's claim values as a token; ok is false when it
// carries none.
func (m Match) Token() (policy.Token, bool) {
	if len(m.Claims) == 0 {
		return policy.Token{}, false
	}
	data, err := json.Marshal(m.Claims)
	if err != nil {
		return policy.Token{}, false
	}
	v, errs := decode.ParseJSON("error message", data)
	if len(errs) > 0 {
		return policy.Token{}, false
	}
	return policy.NewToken(v), true
}

// EvaluatePartial runs the policies of the message's provider on the
// values it carries. Policies of other providers are left out: an Entra
// message says nothing about an AWS role.
func EvaluatePartial(m Match, pols []policy.Policy) ([]Partial, error) {
	tok, ok := m.Token()
	if !ok {
		return nil, fmt.Errorf("the %s message carries no claim values", m.Entry.ID)
	}
	var out []Partial
	for _, p := range pols {
		if p.Provider() != m.Entry.Provider {
			continue
		}
		res := policy.SafeEvaluate(p, tok)
		pr := Partial{Result: res}
		for _, c := range res.Conditions {
			if carriesAll(m, c.Claims) {
				pr.Decided = append(pr.Decided, c)
			} else {
				pr.Unknown = append(pr.Unknown, c)
			}
		}
		out = append(out, pr)
	}
	return out, nil
}

// carriesAll: the message carries every claim the condition reads (a
// condition that names none is decided by the policy alone).
func carriesAll(m Match, claims []string) bool {
	return !slices.ContainsFunc(claims, func(c string) bool { _, ok := m.Claims[c]; return !ok })
}
