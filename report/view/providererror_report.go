package view

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/providererrors"
)

// ReportedError is a provider's error message found in the input, as a
// report leads with it: the message and its entry, what the loaded
// policies of its provider say, and what to paste next.
type ReportedError struct {
	Found FoundError
	// Fits, without a token: each policy of the message's provider
	// evaluated on the values the message carries.
	Fits []PolicyFit
	// Failing, with a token: the provider's policies that do not allow
	// this token, each with its first failing condition.
	Failing []PolicyFit
	Next    []string // what to paste next, most useful first
}

// PolicyFit is one policy against an error message: whether it would fit
// and, when not, its first difference.
type PolicyFit struct {
	Mark                   Mark // ✓ fits, ✗ differs, · undecided (the message quotes none of its claims), ! error
	Provider, Name, Source string
	SourceDiffers          bool
	// The first condition that does not pass; empty when it fits or
	// nothing was decided.
	Expression string
	Claims     []string
	Actual     string
	Absent     bool
	Diagnosis  []string
	Unknown    int // conditions on claims the message does not carry
}

// The marks of a policy against a message's values.
var (
	fitsMark      = Mark{TonePass, "✓", "fits"}
	differsMark   = Mark{ToneFail, "✗", "differs"}
	undecidedMark = Mark{ToneSkip, "·", "undecided"}
)

// ReportedErrors are r's provider errors, in the order they appear.
func ReportedErrors(r *inspect.Report) []ReportedError {
	out := make([]ReportedError, 0, len(r.ProviderErrors))
	for _, pe := range r.ProviderErrors {
		out = append(out, reportedError(r, pe))
	}
	return out
}

func reportedError(r *inspect.Report, pe inspect.ProviderError) ReportedError {
	out := ReportedError{Found: FoundErrorOf(pe.Match)}
	for _, p := range pe.Partials {
		out.Fits = append(out.Fits, partialFit(p))
	}
	for _, i := range pe.Failing {
		out.Failing = append(out.Failing, failingFit(r.Policies[i]))
	}
	out.Next = nextPastes(r, pe)
	return out
}

func partialFit(p providererrors.Partial) PolicyFit {
	f := fitHead(p.Result)
	f.Unknown = len(p.Unknown)
	switch p.Verdict() {
	case providererrors.Error:
		f.Mark = errorMark
	case providererrors.Fits:
		f.Mark = fitsMark
	case providererrors.Undecided:
		f.Mark = undecidedMark
	default:
		f.Mark = differsMark
		f.firstDifference(p.Decided)
	}
	return f
}

func failingFit(res policy.Result) PolicyFit {
	f := fitHead(res)
	f.Mark = VerdictMark(res.Verdict)
	f.firstDifference(res.Conditions)
	return f
}

func fitHead(res policy.Result) PolicyFit {
	return PolicyFit{Provider: shown(res.Provider), Name: shown(res.Name), Source: shown(res.Source), SourceDiffers: res.Source != res.Name}
}

// firstDifference names the first of conds that failed, if any: the one
// difference a fit shows.
func (f *PolicyFit) firstDifference(conds []policy.Condition) {
	for _, c := range conds {
		if failed(c.Result) {
			f.Expression, f.Claims, f.Actual, f.Absent, f.Diagnosis = shown(c.Expression), shownAll(c.Claims), shown(c.Actual), c.Absent, shownAll(c.Diagnosis)
			return
		}
	}
}

// nextPastes says what would tell more than the message alone: the token
// (every condition checked, not only those on the values quoted), and the
// provider's policies when none is loaded.
func nextPastes(r *inspect.Report, pe inspect.ProviderError) []string {
	name := policy.InfoOf(pe.Match.Entry.Provider).Name
	var next []string
	if r.Token == nil {
		next = append(next, "the token the job presented, alone or in the same log: every condition is then checked, not only the values the message quotes")
	}
	if pe.Loaded == 0 && evaluates(pe.Match.Entry.Provider) {
		next = append(next, shown("the "+name+" policy the provider evaluated (trust policy, federated credentials, provider or role): oidcscope names the one that would fit and the first difference of the others"))
	}
	return next
}

// evaluates tells whether oidcscope reads id's policies (the registries
// without a publisher document, npm and NuGet among them, it does not).
func evaluates(id string) bool {
	for _, p := range policy.KnownProviders() {
		if p.ID == id {
			return true
		}
	}
	return false
}
