package celclaims

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

func TestUnimplemented(t *testing.T) {
	env := testEnv(t)
	issues := func(src string) string {
		_, iss := env.Compile(src)
		if iss == nil || iss.Err() == nil {
			t.Fatalf("%s compiled", src)
		}
		return iss.String()
	}
	only := []string{"extract", "url"}
	cases := map[string][]string{
		"claims.sub.extract('{x}') == ''":                  {"extract"},
		"url(claims.iss).getHost() == '' || extract('a')":  {"url", "extract"},
		"claims.sub.nosuchfunction() == ''":                nil, // not the provider's: a real error
		"claims.sub == ":                                   nil, // a syntax error
		"claims.sub.extract('a') == claims.x.extract('b')": {"extract", "extract"},
	}
	for src, want := range cases {
		if got := Unimplemented(issues(src), only); !slices.Equal(got, want) {
			t.Errorf("Unimplemented(%s) = %q, want %q", src, got, want)
		}
	}
	if got := Unimplemented("found no matching overload for 'url' applied to '(int)'", only); !slices.Equal(got, []string{"url"}) {
		t.Errorf("an overload error: %q", got)
	}
}

func TestUnevaluable(t *testing.T) {
	blame := Blame{Error: "X refuses this policy: ", Summary: "error: X refuses this policy: "}
	res := policy.Result{Verdict: policy.Deny, Summary: "deny: something"}
	Unevaluable(&res, []string{"rule[0]: compilation failed: ERROR: <input>:1:5\n | a b\n | ..^", "rule[1]: bad"}, blame)
	if res.Verdict != policy.Error {
		t.Errorf("verdict %s", res.Verdict)
	}
	if want := "error: X refuses this policy: rule[0]: compilation failed: ERROR: <input>:1:5 (+1 more)"; res.Summary != want {
		t.Errorf("summary %q, want %q", res.Summary, want)
	}
	if want := "X refuses this policy: rule[0]: compilation failed: ERROR: <input>:1:5\n | a b\n | ..^; rule[1]: bad"; res.Error != want {
		t.Errorf("error %q, want %q", res.Error, want)
	}

	res = policy.Result{Verdict: policy.Allow, Summary: "allow"}
	Unevaluable(&res, []string{"one"}, blame)
	if res.Summary != "error: X refuses this policy: one" {
		t.Errorf("one problem: %q", res.Summary)
	}
	res = policy.Result{Verdict: policy.Allow, Summary: "allow"}
	Unevaluable(&res, nil, blame)
	if res.Verdict != policy.Allow || res.Summary != "allow" || res.Error != "" {
		t.Errorf("no problems changed the result: %+v", res)
	}
}
