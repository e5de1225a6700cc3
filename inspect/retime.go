package inspect

import (
	"slices"
	"time"

	"github.com/oidcscope/oidcscope/verify"
)

// timeChecks are the checks that read the clock.
var timeChecks = []string{"exp", "nbf", "iat"}

// Retime is r with its time checks (exp, nbf, iat) evaluated at at: the
// terminal UI's clock moves while a report stays on screen, and a token
// that expired while shown must not still read "pass exp". Nothing else
// reads the clock, so only those checks and r.At change. A report made
// at a fixed instant (--at) is returned as it is. r is not changed.
func Retime(r *Report, opts Options, at time.Time) *Report {
	if r == nil || r.Token == nil || r.AtFixed || r.At.Equal(at) {
		return r
	}
	// Without keys: the signature, which reads no clock, stays as it was.
	fresh := verify.Verify(r.Token, verify.Options{Leeway: opts.Leeway, At: at, Names: opts.Source.Names})
	out := *r
	out.At = at
	out.Verify.Checks = slices.Clone(r.Verify.Checks)
	for i, c := range out.Verify.Checks {
		if !slices.Contains(timeChecks, c.Name) {
			continue
		}
		if j := slices.IndexFunc(fresh.Checks, func(f verify.Check) bool { return f.Name == c.Name }); j >= 0 {
			out.Verify.Checks[i] = fresh.Checks[j]
		}
	}
	return &out
}

// Retime is r with its time checks evaluated at at (see Retime).
func (s Session) Retime(r *Report, at time.Time) *Report { return Retime(r, s.opts, at) }
