package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// tokenPlan is one token fetch asks the runner for, and the policies it is
// checked against. Each audience is its own token.
type tokenPlan struct {
	audience string // "" for GitHub's default, the repository owner's URL
	policies []policy.Policy
	why      string // how the audience was chosen, for the report's notes
}

// what names the token in messages; heading, in titles.
func (p tokenPlan) what() string {
	if p.audience == "" {
		return "token for GitHub's default audience"
	}
	return "token for audience " + p.audience
}

func (p tokenPlan) heading() string { return "T" + p.what()[1:] }

// planTokens decides which tokens to request. Audiences given with
// --audience are requested as given. Otherwise the policies say which
// audiences they accept (policy.AudienceHinter), and the fewest audiences
// that cover them all are requested, each policy checked against a token it
// would accept: an AWS role is not shown failing on the token requested
// for Entra. A policy that names no audience (or none of those requested)
// is checked against every token. With no audience known at all, one token
// is requested with GitHub's default.
func planTokens(requested []string, pols []policy.Policy) []tokenPlan {
	hints := make([][]string, len(pols))
	for i, p := range pols {
		hints[i] = policy.Audiences(p)
	}
	var plans []tokenPlan
	if len(requested) > 0 {
		for _, a := range policy.AppendAudiences(nil, requested...) {
			plans = append(plans, tokenPlan{audience: a, why: "requested with --audience"})
		}
	} else {
		plans = coverAudiences(hints)
	}
	if len(plans) == 0 {
		plans = []tokenPlan{{why: "no given policy names an audience, so none was requested and GitHub used its default (the repository owner's URL)"}}
	}
	for i, p := range pols {
		n := slices.IndexFunc(plans, func(t tokenPlan) bool { return slices.Contains(hints[i], t.audience) })
		if n >= 0 {
			plans[n].policies = append(plans[n].policies, p)
			continue
		}
		for j := range plans {
			plans[j].policies = append(plans[j].policies, p)
		}
	}
	return plans
}

// coverAudiences picks audiences greedily, each time the one most of the
// policies not yet covered accept (the first named on a tie), until every
// policy that names an audience accepts one of them.
func coverAudiences(hints [][]string) []tokenPlan {
	covered := make([]bool, len(hints))
	var plans []tokenPlan
	for {
		var order []string
		count := map[string]int{}
		for i, h := range hints {
			if covered[i] {
				continue
			}
			for _, a := range h {
				if count[a] == 0 {
					order = append(order, a)
				}
				count[a]++
			}
		}
		if len(order) == 0 {
			return plans
		}
		best := order[0]
		for _, a := range order[1:] {
			if count[a] > count[best] {
				best = a
			}
		}
		for i, h := range hints {
			if slices.Contains(h, best) {
				covered[i] = true
			}
		}
		plans = append(plans, tokenPlan{audience: best, why: fmt.Sprintf("accepted by %d of the given policies", count[best])})
	}
}

// recordingProvider keeps the policies a provider parses: the policy set
// evaluates them but does not hand them out, and fetch needs each one's
// audience, and to check each token against only the policies that want it.
type recordingProvider struct {
	policy.Provider
	got *[]policy.Policy
}

func (p recordingProvider) Parse(source string, data []byte) ([]policy.Policy, error) {
	pols, err := p.Provider.Parse(source, data)
	if err == nil {
		*p.got = append(*p.got, pols...)
	}
	return pols, err
}

// loadPolicies reads --policy and --policy-dir as inspect does, returning
// the parsed policies in load order and the documents that failed.
func loadPolicies(files, dirs []string, stdin io.Reader) ([]policy.Policy, []policy.Result) {
	if len(files) == 0 && len(dirs) == 0 {
		return nil, nil
	}
	var got []policy.Policy
	var providers []policy.Provider
	for _, p := range policyset.All() {
		providers = append(providers, recordingProvider{Provider: p, got: &got})
	}
	set := policyset.Loader{Providers: providers}.Load(files, dirs, stdin)
	return got, set.Failures()
}

// parsed is a provider of policies already parsed, so a policy set can be
// made of a chosen few of them.
type parsed []policy.Policy

var errParsed = errors.New("not a provider of documents")

func (parsed) ID() string                                      { return "parsed" }
func (parsed) Detect([]byte) bool                              { return true }
func (p parsed) Parse(string, []byte) ([]policy.Policy, error) { return p, nil }
func (parsed) Suggest(policy.Token, policy.Scope) (policy.Suggestion, error) {
	return policy.Suggestion{}, errParsed
}
func (parsed) Snippets(policy.Token) []policy.Snippet { return nil }

// policySet is a set of exactly these policies, nil for none.
func policySet(pols []policy.Policy) *policyset.Set {
	if len(pols) == 0 {
		return nil
	}
	s := &policyset.Set{}
	s.Add([]policy.Provider{parsed(pols)}, "", nil)
	return s
}
