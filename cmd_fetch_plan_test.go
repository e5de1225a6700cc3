package main

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// hinted is a policy accepting the audiences in its name ("a,b"); "-" is
// one that names none (it does not implement AudienceHinter at all).
type hinted string

func (h hinted) Provider() string                    { return "test" }
func (h hinted) Source() string                      { return string(h) }
func (h hinted) Name() string                        { return string(h) }
func (h hinted) Evaluate(policy.Token) policy.Result { return policy.Result{} }
func (h hinted) Audiences() []string                 { return strings.Split(string(h), ",") }

type unhinted struct{ hinted }

func (unhinted) Audiences() {} // shadows: unhinted is no AudienceHinter

func policiesOf(specs ...string) []policy.Policy {
	var out []policy.Policy
	for _, s := range specs {
		if s == "-" {
			out = append(out, unhinted{"-"})
		} else {
			out = append(out, hinted(s))
		}
	}
	return out
}

// render shows plans as "aud[policy policy] aud[…]", "" for the default.
func render(plans []tokenPlan) string {
	var parts []string
	for _, p := range plans {
		var names []string
		for _, pol := range p.policies {
			names = append(names, pol.Source())
		}
		parts = append(parts, p.audience+"["+strings.Join(names, " ")+"]")
	}
	return strings.Join(parts, " ")
}

func TestPlanTokens(t *testing.T) {
	for _, tc := range []struct {
		name      string
		requested []string
		policies  []string
		want      string
	}{
		{"nothing known: GitHub's default", nil, nil, "[]"},
		{"no policy names one: the default, every policy", nil, []string{"-", "-"}, "[- -]"},
		{"one audience", nil, []string{"sts"}, "sts[sts]"},
		{"agreeing policies: one token", nil, []string{"sts", "sts,other"}, "sts[sts sts,other]"},
		{"the audience most accept goes first", nil, []string{"a", "b", "b,c"}, "b[b b,c] a[a]"},
		{"one shared audience covers both", nil, []string{"x,shared", "shared,y"}, "shared[x,shared shared,y]"},
		{"a policy naming none meets every token", nil, []string{"a", "-", "b"}, "a[a -] b[- b]"},
		{"--audience: as given, deduplicated", []string{"b", "a", "b"}, nil, "b[] a[]"},
		{"--audience: each policy meets the token it accepts", []string{"a", "b"}, []string{"b", "a,b", "c"}, "a[a,b c] b[b c]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := render(planTokens(tc.requested, policiesOf(tc.policies...))); got != tc.want {
				t.Errorf("planTokens = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestPolicySet(t *testing.T) {
	if policySet(nil) != nil {
		t.Error("a set of no policies")
	}
	s := policySet(policiesOf("a", "b"))
	res := s.Evaluate(policy.NewToken(decode.Value{Kind: decode.Object}))
	if s.Len() != 2 || len(res) != 2 || s.Failed() {
		t.Errorf("len %d, %d results, failed %v", s.Len(), len(res), s.Failed())
	}
}

func TestLoadPoliciesRecordsParsed(t *testing.T) {
	pols, failures := loadPolicies([]string{gcpMain, "no/such.json"}, []string{"fixtures/policies/octo-sts"}, nil)
	var names []string
	for _, p := range pols {
		names = append(names, fmt.Sprintf("%s:%s", p.Provider(), strings.Join(policy.Audiences(p), ",")))
	}
	want := []string{"gcp:sts.amazonaws.com", "octo-sts:https://github.com/octo-org", "octo-sts:sts.amazonaws.com", "octo-sts:api://AzureADTokenExchange", "octo-sts:https://github.com/octo-org"}
	if !slices.Equal(names, want) {
		t.Errorf("loaded %q, want %q", names, want)
	}
	if len(failures) != 1 || failures[0].Source != "no/such.json" {
		t.Errorf("failures %+v", failures)
	}
}

func TestVerdictOf(t *testing.T) {
	tok := &decode.Token{}
	res := func(vs ...policy.Verdict) []policy.Result {
		var out []policy.Result
		for _, v := range vs {
			out = append(out, policy.Result{Verdict: v})
		}
		return out
	}
	for _, tc := range []struct {
		r    inspect.Report
		want string
	}{
		{inspect.Report{}, verdictError}, // no token
		{inspect.Report{Token: tok}, verdictNone},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Allow)}, verdictAllow},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Deny)}, verdictDeny},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Deny), PoliciesAny: true}, verdictAllow},
		{inspect.Report{Token: tok, Policies: res(policy.Deny, policy.Error)}, verdictDeny},
		{inspect.Report{Token: tok, Policies: res(policy.Allow, policy.Error)}, verdictError},
		{inspect.Report{Token: tok, Policies: res(policy.Deny, policy.Error), PoliciesAny: true}, verdictDeny},
	} {
		if got := verdictOf(&tc.r); got != tc.want {
			t.Errorf("verdictOf(%v any=%v) = %s, want %s", tc.r.Policies, tc.r.PoliciesAny, got, tc.want)
		}
	}
	// Several tokens: the worst.
	allow := &inspect.Report{Token: tok, Policies: res(policy.Allow)}
	deny := &inspect.Report{Token: tok, Policies: res(policy.Deny)}
	if v := combinedVerdict([]*inspect.Report{allow, deny, {Token: tok}}, false); v != verdictDeny {
		t.Errorf("verdict %q, want deny", v)
	}
	// --any: one token's allowing policy is enough.
	if v := combinedVerdict([]*inspect.Report{deny, allow}, true); v != verdictAllow {
		t.Errorf("verdict with --any %q, want allow", v)
	}
}
