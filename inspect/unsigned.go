package inspect

import (
	"context"
	"errors"
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/verify"
)

// Unsigned says why a report's token carries no signature at all: its
// claims were built or changed by oidcscope, never issued. "" for a token
// that was pasted.
type Unsigned string

// The kinds of unsigned token.
const (
	// Simulated claims are the ones GitHub would issue a job that has not
	// run (package simulate).
	Simulated Unsigned = "simulated"
	// Edited claims are a real token's, changed by the user (the
	// terminal's what-if).
	Edited Unsigned = "edited"
)

// Marker is what a report leads with: "simulated, unsigned"; "" for a
// pasted token.
func (u Unsigned) Marker() string {
	if u == "" {
		return ""
	}
	return string(u) + ", unsigned"
}

// ErrNotClaims is the failure of an unsigned inspection whose input is not
// one JSON object.
var ErrNotClaims = errors.New("the claims are not a JSON object")

// InspectClaims runs the pipeline on claims alone: claims is the payload
// as one JSON object (members kept in its order, such as
// json.Marshal of a decode.Value), label says where it came from. The
// report is marked unsigned: nothing is fetched (no network, no key
// files), the signature is unverified with the reason "not signed: LABEL"
// (never valid, never invalid), and the time, issuer and audience checks,
// every policy, diagnosis and suggestion run as for a pasted token. The
// session's notes (about its keys or demo) are left out: they describe the
// tokens it verifies, not these claims. An empty label means Edited.
func (s Session) InspectClaims(ctx context.Context, claims []byte, label Unsigned) *Report {
	if label == "" {
		label = Edited
	}
	o := s.opts
	o.Input, o.Unsigned, o.Notes = claims, label, nil
	return Run(ctx, o)
}

// runUnsigned is Run for Options.Unsigned: the input is the claims, and
// no key is looked for.
func runUnsigned(opts Options) *Report {
	r := startReport(opts, func() (*decode.Token, error) { return unsignedToken(opts.Input, maxSize(opts)) })
	r.Unsigned = opts.Unsigned
	if r.Token != nil {
		analyze(r, opts, Keys{})
	}
	return r
}

// unsignedToken holds claims as a token with no header and no signature.
// Its kind is decode.KindSegment (a lone JSON part), which verification
// already treats as carrying no signature; there is no token text
// (Input.Text is empty) because none was ever issued.
func unsignedToken(claims []byte, limit int) (*decode.Token, error) {
	if len(claims) > limit {
		return nil, fmt.Errorf("%w: %d bytes, more than the limit of %d", ErrNotClaims, len(claims), limit)
	}
	v, errs := decode.ParseJSON("payload", claims)
	if v.Kind != decode.Object {
		if len(errs) > 0 {
			return nil, fmt.Errorf("%w: %w", ErrNotClaims, errs[0])
		}
		return nil, fmt.Errorf("%w: it is a JSON %s", ErrNotClaims, v.Kind)
	}
	return &decode.Token{Kind: decode.KindSegment, Payload: v, PayloadBytes: claims, Errors: errs}, nil
}

// unsignedResult is what verification says of claims nobody signed: the
// signature and the algorithm are skipped with the reason, the other
// checks stand.
func unsignedResult(res verify.Result, label Unsigned) verify.Result {
	reason := "not signed: " + string(label)
	res.Signature = verify.Signature{Status: verify.StatusUnverified, KeySource: verify.SourceNone, Reason: reason}
	for i, c := range res.Checks {
		if c.Name == "signature" || c.Name == "alg" {
			res.Checks[i] = verify.Check{Name: c.Name, Status: verify.Skip, Detail: reason}
		}
	}
	return res
}
