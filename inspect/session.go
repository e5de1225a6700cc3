package inspect

import (
	"context"
	"errors"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// ErrNoPolicyLoader is the failure of WithPolicyFiles in a session whose
// options give no PolicyLoader.
var ErrNoPolicyLoader = errors.New("this session cannot load policy files")

// ErrNoPolicyUnloader is the failure of WithoutPolicies in a session
// whose options give no PolicyUnloader.
var ErrNoPolicyUnloader = errors.New("this session cannot unload policy documents")

// Session is what stays fixed while a user inspects token after token in
// the terminal UI: the options (keys, expected issuer and audiences) and
// the loaded policies. It is a value: changing it makes a new Session, so a
// copy handed to background work is never written to.
type Session struct {
	opts Options
}

// NewSession starts a session; opts.Input is ignored.
func NewSession(opts Options) Session {
	opts.Input = nil
	return Session{opts: opts}
}

// Inspect runs the whole pipeline on input, network included when the
// options allow it.
func (s Session) Inspect(ctx context.Context, input []byte) *Report {
	o := s.opts
	o.Input = input
	return Run(ctx, o)
}

// InspectOffline runs the pipeline without any network: what can be shown
// at once while keys are fetched (FetchKeys, then Reverify).
func (s Session) InspectOffline(ctx context.Context, input []byte) *Report {
	o := s.opts
	o.Input = input
	o.Source.Offline = true
	return Run(ctx, o)
}

// FetchKeys loads the keys for r's token as Inspect would, network
// included.
func (s Session) FetchKeys(ctx context.Context, r *Report) Keys {
	if r == nil || r.Token == nil || r.Unsigned != "" {
		return Keys{}
	}
	return FetchKeys(ctx, r.Token, s.opts)
}

// Reverify is r (InspectOffline's report) verified with keys: what
// Inspect would have shown, without evaluating the policies again.
func (s Session) Reverify(r *Report, keys Keys) *Report {
	return Reverify(r, s.opts, keys)
}

// Fetches reports whether Inspect would use the network for this report's
// token (a JWKS URL or OIDC discovery), so the UI can show the offline
// report first and a spinner until the keys arrive.
func (s Session) Fetches(r *Report) bool {
	if s.opts.Keys != nil || s.opts.Source.Offline || r == nil || r.Token == nil || r.Unsigned != "" {
		return false
	}
	return s.opts.Source.UsesNetwork(r.Token)
}

// WithPolicies returns a session that evaluates the policies in set
// instead of those it had.
func (s Session) WithPolicies(set Policies) Session {
	s.opts.Policies = set
	return s
}

// Policies are the session's policies, for another session to take over
// (WithPolicies).
func (s Session) Policies() Policies { return s.opts.Policies }

// WithPolicyFiles loads policy documents from paths with the options'
// PolicyLoader and returns a session that evaluates them after those it
// had, with the documents that could not be read.
func (s Session) WithPolicyFiles(paths ...string) (Session, []policy.Result) {
	if s.opts.LoadPolicies == nil {
		var failed []policy.Result
		for _, p := range paths {
			failed = append(failed, policy.Result{Source: p, Name: p, Verdict: policy.Error,
				Error: ErrNoPolicyLoader.Error(), Summary: "could not be read"})
		}
		return s, failed
	}
	var failures []policy.Result
	s.opts.Policies, failures = s.opts.LoadPolicies(s.opts.Policies, paths...)
	return s, failures
}

// WithoutPolicies returns a session that no longer evaluates the
// documents read from source, with how many policies (and failed
// documents) went.
func (s Session) WithoutPolicies(source string) (Session, int, error) {
	if s.opts.UnloadPolicies == nil {
		return s, 0, ErrNoPolicyUnloader
	}
	if s.opts.Policies == nil {
		return s, 0, nil
	}
	var n int
	s.opts.Policies, n = s.opts.UnloadPolicies(s.opts.Policies, source)
	return s, n, nil
}

// PolicyCount is the number of loaded policy documents' policies.
func (s Session) PolicyCount() int {
	if s.opts.Policies == nil {
		return 0
	}
	return s.opts.Policies.Len()
}

// Limits bound what the session decodes: its size limit, and the words
// for the setting a refusal points to.
func (s Session) Limits() decode.Limits {
	return decode.Limits{MaxSize: s.MaxSize(), Names: s.opts.Source.Names}
}

// MaxSize is the largest paste the session accepts.
func (s Session) MaxSize() int { return maxSize(s.opts) }

// maxSize is the largest input opts accept: MaxSize, or decode's default.
func maxSize(opts Options) int {
	if opts.MaxSize > 0 {
		return opts.MaxSize
	}
	return decode.DefaultMaxSize
}
