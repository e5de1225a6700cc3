package remote

import (
	"slices"

	"github.com/oidcscope/oidcscope/policy"
)

// remotePolicy is a policy the helper parsed.
type remotePolicy struct {
	info policyInfo
	conn *Conn
	// wire is what the helper was given for source (source.go).
	wire, source string
}

func (p *remotePolicy) Provider() string { return p.info.Provider }
func (p *remotePolicy) Source() string   { return p.info.Source }
func (p *remotePolicy) Name() string     { return p.info.Name }

// Evaluate has the helper evaluate the policy (through policy.SafeEvaluate
// there, as the set does here). A helper that cannot answer makes the
// verdict an error that says so, never a guess.
func (p *remotePolicy) Evaluate(tok policy.Token) policy.Result {
	resp, err := p.conn.withToken(request{Op: opEvaluate, Policy: p.info.Handle}, tokenID(p.conn, tok), tok.Payload)
	if err == nil && resp.Error == "" && resp.Result != nil {
		return restoreSource(*resp.Result, p.wire, p.source)
	}
	msg := resp.Error
	if err != nil {
		msg = err.Error()
	} else if msg == "" {
		msg = "the oidcscope-cel helper gave no result"
	}
	return policy.Result{Source: p.Source(), Provider: p.Provider(), Name: p.Name(), Verdict: policy.Error,
		Error: msg, Summary: "error: not evaluated", Conditions: []policy.Condition{}, Lint: []policy.Finding{}}
}

// hintingPolicy is a remote policy whose provider names the audiences it
// accepts (policy.AudienceHinter), as the helper reported them at parse.
type hintingPolicy struct{ remotePolicy }

func (p *hintingPolicy) Audiences() []string { return slices.Clone(p.info.Audiences) }
