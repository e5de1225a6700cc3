package inspect

import (
	"context"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

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
// at once while keys are fetched.
func (s Session) InspectOffline(ctx context.Context, input []byte) *Report {
	o := s.opts
	o.Input = input
	o.Source.Offline = true
	return Run(ctx, o)
}

// Fetches reports whether Inspect would use the network for this report's
// token (a JWKS URL or OIDC discovery), so the UI can show the offline
// report first and a spinner until the keys arrive.
func (s Session) Fetches(r *Report) bool {
	if s.opts.Keys != nil || s.opts.Source.Offline || r == nil || r.Token == nil {
		return false
	}
	return s.opts.Source.UsesNetwork(r.Token)
}

// WithPolicies returns a session that also evaluates the policies in set.
func (s Session) WithPolicies(set *policyset.Set) Session {
	s.opts.Policies = s.opts.Policies.Merge(set)
	return s
}

// WithPolicyFiles loads policy documents from paths and returns a session
// that evaluates them too, with the documents that could not be read.
func (s Session) WithPolicyFiles(paths ...string) (Session, []policy.Result) {
	set := policyset.Loader{}.Load(paths, nil, nil)
	return s.WithPolicies(set), set.Failures()
}

// PolicyCount is the number of loaded policy documents' policies.
func (s Session) PolicyCount() int {
	if s.opts.Policies == nil {
		return 0
	}
	return s.opts.Policies.Len()
}

// MaxSize is the largest paste the session accepts.
func (s Session) MaxSize() int {
	if s.opts.MaxSize > 0 {
		return s.opts.MaxSize
	}
	return decode.DefaultMaxSize
}
