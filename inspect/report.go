// Package inspect is the pipeline: pasted text and options in, one Report
// out. The CLI and the TUI both render a Report; neither decodes or verifies.
// Loading the keys (FetchKeys) is the one step that may use the network;
// the rest is analysis, so the TUI shows the offline report at once and,
// when the keys arrive, only verifies it again (Reverify). The policies and
// the providers come from the caller (Policies, Providers), so inspect, and
// the renderers importing it for the Report, import no provider.
//
// Claims nobody signed — simulated by package simulate, or a real token's
// edited in the terminal's what-if — go through the same pipeline with
// Options.Unsigned (or Session.InspectClaims, which re-runs a session on
// edited claims): the input is the claims as one JSON object, no key is
// fetched, the signature is unverified with the reason "not signed:
// simulated" (or "edited"), and Report.Unsigned marks the report so every
// renderer leads with "simulated, unsigned".
package inspect

import (
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/verify"
)

// Schema names the JSON contract version.
const Schema = "oidcscope/v1"

// Stages that can report errors.
const (
	StageExtract = "extract"
	StageDecode  = "decode"
	StageVerify  = "verify"
	StageExplain = "explain"
)

// Report is everything oidcscope learned about one token.
type Report struct {
	Token     *decode.Token // nil when no token was found
	Claims    []Claim       // payload members in token order, duplicates included
	Verify    verify.Result
	Errors    []StageError
	At        time.Time // instant the time claims were evaluated at
	AtFixed   bool      // At came from --at rather than the clock
	Notes     []string  // remarks for the reader (demo settings, discovery)
	KeysGiven bool      // an explicit key source was used

	Profile claims.ProfileRef // which issuer profile explains the claims
	Subject *claims.Subject   // anatomy of sub; nil without a string sub
	Links   []claims.Link     // pages derived from the claims

	Policies    []policy.Result // every loaded policy evaluated, in load order
	PoliciesAny bool            // --any: one allowing policy is enough for exit 0

	// ProviderErrors are the providers' error messages found in the
	// input, in the order they appear; the report leads with them.
	ProviderErrors []ProviderError

	// Unsigned is set when the claims were built or changed by oidcscope
	// (Options.Unsigned): renderers lead with Unsigned.Marker().
	Unsigned Unsigned
}

// Claim is one payload member with what a reader needs beside its value.
type Claim struct {
	Name      string
	Value     decode.Value
	Duplicate bool       // an earlier claim has the same name
	Time      *ClaimTime // set for exp, nbf, iat, auth_time
	Info      claims.ClaimInfo
	// Conditions are the loaded policies' conditions that read this claim;
	// WouldSatisfy, when no policy is loaded, the conditions it would pass.
	Conditions   []ClaimCondition
	WouldSatisfy []policy.Snippet
}

// ClaimCondition is one policy condition seen from the claim it reads.
type ClaimCondition struct {
	Provider   string         `json:"provider"`
	Policy     string         `json:"policy"`
	Source     string         `json:"source"`
	Expression string         `json:"expression"`
	Result     policy.Outcome `json:"result"`
	Diagnosis  []string       `json:"diagnosis,omitempty"`
}

// ClaimTime gives a NumericDate claim in absolute and relative form.
type ClaimTime struct {
	UTC      time.Time
	Relative string // "in 4m12s", "3h ago"
	Err      error  // the value is not a usable NumericDate
}

// StageError is a problem found by one stage of the pipeline.
type StageError struct {
	Stage string
	Err   error
}

// Kind returns the input kind for the JSON contract, or "" without a token.
func (r *Report) Kind() decode.TokenKind {
	if r.Token == nil {
		return ""
	}
	return r.Token.Kind
}

// ExitCode follows the documented contract: 0 when the token decoded and
// every requested check passed, 1 when a check failed, the token did not
// decode cleanly or the input holds a provider's error message, 2 when
// there is no token (and no such message) or a key source is unusable.
func (r *Report) ExitCode() int {
	if r.Token == nil {
		if len(r.ProviderErrors) > 0 {
			return 1 // no token, but a provider said what failed
		}
		return 2
	}
	for _, e := range r.Errors {
		if e.Stage == StageExtract || e.Stage == StageVerify || e.Stage == StageExplain {
			return 2
		}
	}
	if len(r.Errors) > 0 || r.Verify.Failed() || r.policiesFail() {
		return 1
	}
	if r.KeysGiven && r.Verify.Signature.Status != verify.StatusValid {
		return 1
	}
	return 0
}

// policiesFail: with --any, no policy allows; otherwise some policy does
// not allow (denies or cannot be evaluated).
func (r *Report) policiesFail() bool {
	if len(r.Policies) == 0 {
		return false
	}
	allowed := 0
	for _, p := range r.Policies {
		if p.Verdict == policy.Allow {
			allowed++
		}
	}
	if r.PoliciesAny {
		return allowed == 0
	}
	return allowed < len(r.Policies)
}
