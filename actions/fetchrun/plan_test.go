package fetchrun

import (
	"strings"
	"testing"

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
func render(plans []Plan) string {
	var parts []string
	for _, p := range plans {
		var names []string
		for _, pol := range p.Policies {
			names = append(names, pol.Source())
		}
		parts = append(parts, p.Audience+"["+strings.Join(names, " ")+"]")
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
			if got := render(PlanTokens(tc.requested, policiesOf(tc.policies...))); got != tc.want {
				t.Errorf("planTokens = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestPlanWhyIsNoVerdict: why an audience was requested says which
// policies expect it, in words that cannot read as their verdict (it is
// printed above a report in which they may deny the token).
func TestPlanWhyIsNoVerdict(t *testing.T) {
	for _, tc := range []struct {
		policies []string
		want     []string
	}{
		{[]string{"sts", "sts"}, []string{"the audience 2 of the given policies expect"}},
		{[]string{"sts"}, []string{"the audience 1 of the given policies expects"}},
		{[]string{"a", "b", "b,c"}, []string{"the audience 2 of the given policies expect", "the audience 1 of the given policies expects"}},
	} {
		plans := PlanTokens(nil, policiesOf(tc.policies...))
		if len(plans) != len(tc.want) {
			t.Fatalf("%q: %d plans, want %d", tc.policies, len(plans), len(tc.want))
		}
		for i, p := range plans {
			for _, verdict := range []string{"accept", "allow", "deny", "pass"} {
				if strings.Contains(p.Why, verdict) {
					t.Errorf("%q: token %d: why %q says %q", tc.policies, i, p.Why, verdict)
				}
			}
			if p.Why != tc.want[i] {
				t.Errorf("%q: token %d: why %q, want %q", tc.policies, i, p.Why, tc.want[i])
			}
		}
	}
}
