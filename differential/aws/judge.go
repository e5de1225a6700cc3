package aws

import (
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	awspolicy "github.com/oidcscope/oidcscope/policy/aws"
)

// Outcome is both answers for one case.
type Outcome struct {
	Ours   policy.Result
	Sim    Answer
	ParseE error // oidcscope could not parse the document at all
}

// OurVerdict is allow, deny or error.
func (o Outcome) OurVerdict() policy.Verdict {
	if o.ParseE != nil {
		return policy.Error
	}
	return o.Ours.Verdict
}

// SimVerdict is the simulator's decision as allow or deny, or error for a
// document IAM would not store (validateTrustPolicy found syntax errors).
func (o Outcome) SimVerdict() policy.Verdict {
	switch {
	case len(o.Sim.Invalid) > 0:
		return policy.Error
	case o.Sim.Decision == "Allowed":
		return policy.Allow
	}
	return policy.Deny
}

// Agree: the same verdict. An oidcscope error on a document the simulator
// decides is a disagreement; so is an answer on a document IAM would
// refuse.
func (o Outcome) Agree() bool { return o.OurVerdict() == o.SimVerdict() }

// Pair names the two answers, e.g. "oidcscope allow, simulator ExplicitlyDenied".
func (o Outcome) Pair() string {
	sim := o.Sim.Decision
	if len(o.Sim.Invalid) > 0 {
		sim = fmt.Sprintf("refuses the document: %q", o.Sim.Invalid)
	}
	return fmt.Sprintf("oidcscope %s, simulator %s", o.OurVerdict(), sim)
}

// Why is oidcscope's one-line reason.
func (o Outcome) Why() string {
	if o.ParseE != nil {
		return o.ParseE.Error()
	}
	return o.Ours.Summary
}

// evaluateOurs runs oidcscope on a case the way the CLI does: parse the
// document, decode the payload, evaluate.
func evaluateOurs(c Case) (policy.Result, error) {
	doc, err := marshal(c.Doc)
	if err != nil {
		return policy.Result{}, fmt.Errorf("encoding the policy: %w", err)
	}
	pols, err := awspolicy.New().Parse("case "+c.ID, doc)
	if err != nil {
		return policy.Result{}, err
	}
	if len(pols) != 1 {
		return policy.Result{}, fmt.Errorf("expected one policy from a trust policy document, got %d", len(pols))
	}
	payload, err := marshal(c.Claims)
	if err != nil {
		return policy.Result{}, fmt.Errorf("encoding the claims: %w", err)
	}
	v, errs := decode.ParseJSON("payload", payload)
	if len(errs) > 0 {
		return policy.Result{}, fmt.Errorf("decoding the generated payload: %w", errs[0])
	}
	return pols[0].Evaluate(policy.NewToken(v)), nil
}

// Judge answers cases on both sides.
type Judge struct {
	Sim *Simulator
}

// All judges many cases with one batch to the simulator.
func (j Judge) All(cases []Case) ([]Outcome, error) {
	answers, err := j.Sim.Eval(cases, false)
	if err != nil {
		return nil, err
	}
	out := make([]Outcome, len(cases))
	for i, c := range cases {
		out[i].Sim = answers[i]
		out[i].Ours, out[i].ParseE = evaluateOurs(c)
	}
	return out, nil
}

// One judges one case; explain asks the simulator for its request and
// per-statement matches.
func (j Judge) One(c Case, explain bool) (Outcome, error) {
	a, err := j.Sim.EvalOne(c, explain)
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Sim: a}
	o.Ours, o.ParseE = evaluateOurs(c)
	return o, nil
}
