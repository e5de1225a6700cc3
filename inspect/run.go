package inspect

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/setting"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/verify"
)

// Options are the inputs of one inspection.
type Options struct {
	Input     []byte
	MaxSize   int            // 0: decode.DefaultMaxSize
	Keys      *verify.KeySet // preloaded keys (the demo); overrides Source
	Source    verify.Source  // where to load keys from
	Algs      []string
	Issuer    string
	Audiences []string
	Leeway    time.Duration
	At        time.Time        // zero: Now()
	Now       func() time.Time // nil: time.Now
	Notes     []string         // remarks to carry into the report (demo settings)
	Highlight []string         // claims the user wants highlighted
	Catalog   *claims.Catalog  // nil: claims.Default()
	// Policies are evaluated against the claims; with none, each claim
	// lists what it would satisfy, from Providers' snippets.
	Policies    Policies
	PoliciesAny bool
	// Providers give the ready-to-paste conditions each claim satisfies
	// (the command layer passes policyset.All()); nil: none are listed.
	Providers []policy.Provider
	// LoadPolicies reads policy files for Session.WithPolicyFiles; nil:
	// the session cannot load any.
	LoadPolicies PolicyLoader
	// UnloadPolicies drops a document for Session.WithoutPolicies; nil:
	// the session cannot unload any.
	UnloadPolicies PolicyUnloader
	// Unsigned, when set, makes Input the claims alone (one JSON object,
	// not a token) built or changed by oidcscope: no key is fetched and
	// the report is marked with it (see Session.InspectClaims).
	Unsigned Unsigned
}

// Run decodes, loads keys and verifies. It never fails as a whole: every
// problem is recorded in the Report next to whatever did work. Loading
// the keys (FetchKeys) is its only step that may use the network; the
// rest is analysis of the token and the keys.
func Run(ctx context.Context, opts Options) *Report {
	if opts.Unsigned != "" {
		return runUnsigned(opts)
	}
	r := decodeInput(opts)
	if r.Token != nil {
		analyze(r, opts, FetchKeys(ctx, r.Token, opts))
	}
	// After the policies: an error next to a token is tied to the ones
	// that fail.
	findProviderErrors(r, opts)
	return r
}

// decodeInput starts the report: the instant, the notes and the decoded
// token with its claims, or the reason there is no token.
func decodeInput(opts Options) *Report {
	return startReport(opts, func() (*decode.Token, error) {
		return decode.DecodeWithin(opts.Input, decode.Limits{MaxSize: opts.MaxSize, Names: opts.Source.Names})
	})
}

// startReport is a new report with the token read returns, its decoding
// problems and its claims, or the reason there is none.
func startReport(opts Options, read func() (*decode.Token, error)) *Report {
	r := newReport(opts)
	tok, err := read()
	if err != nil {
		r.Errors = append(r.Errors, StageError{Stage: StageExtract, Err: err})
		return r
	}
	r.Token = tok
	for _, e := range tok.Errors {
		r.Errors = append(r.Errors, StageError{Stage: StageDecode, Err: e})
	}
	r.Claims = claimsOf(tok.Payload, r.At)
	return r
}

// newReport is an empty report at the options' instant, with their notes.
func newReport(opts Options) *Report {
	now := time.Now
	if opts.Now != nil {
		now = opts.Now
	}
	r := &Report{At: opts.At, AtFixed: !opts.At.IsZero(), Notes: slices.Clone(opts.Notes)}
	if !r.AtFixed {
		r.At = now().UTC()
	}
	return r
}

// analyze verifies r's token with keys, explains and evaluates it: no
// network, no files.
func analyze(r *Report, opts Options, keys Keys) {
	// Verification comes first: the explanation labels a self-hosted
	// issuer (and links to its host) only once its keys vouch for it.
	// (Verifying beside explaining and evaluating, on another goroutine,
	// was measured slower on two cores: each stage is too short to pay
	// for the hand-over.)
	v := verifyToken(r.Token, opts, keys, r.At)
	if err := explain(r, r.Token, opts, v.result.Signature.Status == verify.StatusValid); err != nil {
		r.Errors = append(r.Errors, StageError{Stage: StageExplain, Err: err})
	}
	evaluate(r, r.Token, opts)
	attachVerification(r, opts, v)
}

// attachVerification files what verification found in the report; it
// comes after the explanation's error, as the report has always listed
// them.
func attachVerification(r *Report, opts Options, v verification) {
	r.KeysGiven = v.keysGiven
	if v.keyErr != nil && opts.Source.Explicit() {
		r.Errors = append(r.Errors, StageError{Stage: StageVerify, Err: v.keyErr})
	}
	r.Notes = append(r.Notes, v.notes...)
	r.Verify = v.result
}

// verification is what verifyToken found: the result, and what the
// report says about the keys.
type verification struct {
	keysGiven bool
	keyErr    error    // the key source could not be used
	notes     []string // keys skipped, header warnings
	result    verify.Result
}

// verifyToken runs every check with keys. It only reads tok.
func verifyToken(tok *decode.Token, opts Options, k Keys, at time.Time) verification {
	v := verification{keysGiven: k.Given, keyErr: k.Err}
	if k.Set != nil {
		for _, s := range k.Set.Skipped {
			v.notes = append(v.notes, "key set "+k.Set.Name+": skipped "+s)
		}
	}
	v.result = verify.Verify(tok, verify.Options{
		Keys:      k.Set,
		Algs:      opts.Algs,
		Issuer:    opts.Issuer,
		Audiences: opts.Audiences,
		Leeway:    opts.Leeway,
		At:        at,
		Names:     opts.Source.Names,
	})
	if opts.Unsigned != "" {
		v.result = unsignedResult(v.result, opts.Unsigned)
	}
	v.notes = append(v.notes, v.result.Warnings...)
	if v.keyErr != nil && v.result.Signature.Status == verify.StatusUnverified {
		// Without keys the signature is unverified, not invalid; the reason
		// names what went wrong instead of "no key given".
		reason := "the key source could not be used: " + shortErr(v.keyErr)
		if !opts.Source.Explicit() {
			// Automatic discovery is a convenience; say how to go on.
			reason = "automatic key discovery failed (" + shortErr(v.keyErr) + ")" + opts.Source.Names.Pick("",
				"; pass %s FILE to verify offline, or %s to skip discovery", setting.JWKS, setting.Offline)
		}
		v.result.Signature.Reason = reason
		v.result.Checks[0].Detail = reason
	}
	return v
}

// explain attaches the catalog's reading of the claims to the report;
// verified says whether the signature held, which a self-hosted issuer's
// label and links depend on.
func explain(r *Report, tok *decode.Token, opts Options, verified bool) error {
	cat := opts.Catalog
	if cat == nil {
		var err error
		if cat, err = claims.Default(); err != nil {
			return err
		}
	}
	a := cat.Analyze(tok.Payload, claims.Options{Highlight: opts.Highlight, IssuerVerified: verified, Names: opts.Source.Names})
	r.Profile, r.Subject, r.Links = a.Profile, a.Subject, a.Links
	for i := range r.Claims {
		r.Claims[i].Info = a.Claims[i]
	}
	return nil
}

func claimsOf(payload decode.Value, at time.Time) []Claim {
	claims := make([]Claim, 0, len(payload.Members))
	for _, m := range payload.Members {
		c := Claim{Name: m.Key, Value: m.Value, Duplicate: m.Duplicate}
		if decode.IsTimeClaim(m.Key) {
			t, err := decode.NumericDate(m.Value)
			c.Time = &ClaimTime{UTC: t, Err: err}
			if err == nil {
				c.Time.Relative = decode.Relative(t, at)
			}
		}
		claims = append(claims, c)
	}
	return claims
}

// shortErr drops the "key source unusable" prefix that the reason already
// implies.
func shortErr(err error) string {
	return strings.TrimPrefix(err.Error(), verify.ErrKeySource.Error()+": ")
}
