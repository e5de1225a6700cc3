package gcp

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// Evaluate runs Google Cloud's checks in its order — the provider's
// state, oidc.issuerUri, the audience, the attribute mapping, the
// attribute condition — and then the IAM members attached to the
// provider. Every check is shown; any failure denies. Signature, exp and
// nbf are the verify stage's business.
func (p *gcpPolicy) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(p, p.lint)
	ev := p.run(tok)
	defer ev.Meter.Close()
	res.Conditions = ev.Conds
	res.Lint = append(res.Lint, ev.tokenLint()...)
	res.FillExamples(tok) // here too, not only in SafeEvaluate: alone or in a set, the same result
	res.Verdict, res.Summary = policy.Allow, ev.allowSummary()
	if ev.Failed {
		res.Verdict, res.Summary = policy.Deny, "deny: "+ev.Reason
	}
	googleRefusals.Apply(&res, p.problems, p.local, ev.Stops)
	if res.Verdict != policy.Allow {
		res.Fixes = ev.fixes()
	}
	return res
}

// run makes the checks, in Google Cloud's order; the caller closes the
// evaluation's meter.
func (p *gcpPolicy) run(tok policy.Token) *evaluation {
	ev := newEvaluation(p, tok)
	ev.checkState()
	if ev.checkKind() {
		ev.checkIssuer()
		ev.checkAudience()
		ev.mapAttributes()
		ev.checkCondition()
		ev.checkMembers()
	}
	return ev
}

// googleRefusals words who stops a provider from being evaluated.
// Problems that are all CEL functions oidcscope lacks (p.local) may well
// be valid for Google Cloud: say whose limit stops evaluation.
var googleRefusals = celclaims.Refusals{
	Provider:  celclaims.Refusal("Google Cloud would refuse this provider: "),
	Oidcscope: celclaims.Refusal("oidcscope cannot evaluate this provider: "),
	What:      "this provider",
}

// evaluation collects one Evaluate's conditions and mapped attributes.
type evaluation struct {
	celclaims.Record
	p         *gcpPolicy
	tok       policy.Token
	assertion map[string]any
	google    map[string]any // google.subject, google.groups, as mapped
	attribute map[string]any // attribute.<key>, as mapped
	subject   string         // google.subject, when mapped to a string
	hasSubj   bool
	matched   string // the IAM member that matched
	// Where the checks recorded their conditions in Conds, for the fixes:
	// each mapping's, and attributeCondition's (-1: none).
	mapAt  map[*mapping]int
	condAt int
}

func newEvaluation(p *gcpPolicy, tok policy.Token) *evaluation {
	return &evaluation{p: p, tok: tok, assertion: googleClaims.Map(tok), google: map[string]any{}, attribute: map[string]any{}, mapAt: map[*mapping]int{}, condAt: -1}
}

func (ev *evaluation) vars() map[string]any {
	return map[string]any{varAssertion: ev.assertion, varGoogle: ev.google, varAttribute: ev.attribute}
}

// value looks up what an expression reads: a claim, or a mapped attribute.
func (ev *evaluation) value(r celclaims.Ref) (any, bool) {
	var m map[string]any
	switch r.Root {
	case varAssertion:
		m = ev.assertion
	case varGoogle:
		m = ev.google
	case varAttribute:
		m = ev.attribute
	}
	v, ok := m[r.Key]
	return v, ok
}

func (ev *evaluation) allowSummary() string {
	who := ev.p.name
	s := "allow: " + who + " accepts the token"
	if ev.hasSubj {
		s += " as google.subject " + celclaims.Quote(ev.subject)
	}
	if ev.matched != "" {
		s += "; IAM member " + ev.matched + " matches"
	} else if len(ev.p.members) == 0 {
		s += " (what it may do is up to the IAM bindings of the pool's principals)"
	}
	return s
}
