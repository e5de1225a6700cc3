package fetchrun

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/clitest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// TestFetchRequestsRegistryAudience is `fetch --policy <publisher>` in a
// release job: the token is requested for the audience the registry
// requires (PyPI's pypi, TestPyPI's testpypi, crates.io's, RubyGems'),
// so the check before the upload step meets the token the registry would
// get. The stand-in runner mints a demo-signed token of the claim set with
// the audience asked for; the fixture READMEs say which claim set each
// publisher allows. Next to an AWS role, each policy meets only its own
// audience's token.
func TestFetchRequestsRegistryAudience(t *testing.T) {
	const fx = "../../fixtures/policies/"
	for _, tc := range []struct {
		name, claimSet string
		policies       []string
		want           string // requested audiences and each token's verdicts: "aud[verdict …] …"
	}{
		{"PyPI", "push-main", []string{fx + "pypi/octo-repo-deploy.yml"}, "pypi[allow]"},
		{"TestPyPI", "pull-request", []string{fx + "pypi/testpypi-ci.yml"}, "testpypi[allow]"},
		{"crates.io", "reusable-workflow", []string{fx + "crates.io/octo-repo-release.yml"}, "crates.io[allow]"},
		{"RubyGems", "push-main", []string{fx + "rubygems/octo-repo-deploy.yml"}, "rubygems.org[allow]"},
		{"a publisher the token does not satisfy: still its audience", "push-main", []string{fx + "pypi/workflow-case.yml"}, "pypi[deny]"},
		{"beside a cloud role: a token each", "push-main",
			[]string{fx + "aws/trust-environment-prod.json", fx + "pypi/octo-repo-deploy.yml", fx + "rubygems/octo-repo-deploy.yml"},
			"sts.amazonaws.com[deny] pypi[allow] rubygems.org[allow]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := policyset.Loader{}.Load(tc.policies, nil, nil)
			pols, failures := set.Policies(), set.Failures()
			if len(failures) > 0 {
				t.Fatalf("policies not loaded: %+v", failures)
			}
			r := clitest.NewRunner(tc.claimSet, true)
			defer r.Server.Close()
			runner := actions.Runner{RequestURL: r.RequestURL(), RequestToken: clitest.RequestToken}
			client := actions.Client{HTTP: r.Server.Client(), Backoff: time.Millisecond}
			base := inspect.Options{Source: verify.Source{JWKS: "../../fixtures/demo-jwks.json"}}
			var got []string
			for _, p := range PlanTokens(nil, pols) {
				tok, err := client.IDToken(context.Background(), runner, p.Audience)
				if err != nil {
					t.Fatalf("requesting the %s: %v", p.What(), err)
				}
				rep := inspect.Run(context.Background(), TokenOptions(base, p, tok, func(string) string { return "" }))
				if c := check(rep, "aud"); c.Status != verify.Pass {
					t.Errorf("%s: aud check %s: %s", p.What(), c.Status, c.Detail)
				}
				if c := check(rep, "signature"); c.Status != verify.Pass {
					t.Errorf("%s: signature check %s: %s", p.What(), c.Status, c.Detail)
				}
				got = append(got, p.Audience+"["+verdicts(rep.Policies)+"]")
			}
			if s := strings.Join(got, " "); s != tc.want {
				t.Errorf("fetched %s, want %s", s, tc.want)
			}
			reqs, _ := r.Seen()
			var asked []string
			for _, q := range reqs {
				v, err := url.ParseQuery(q.RawQuery)
				if err != nil {
					t.Fatal(err)
				}
				asked = append(asked, v.Get("audience"))
			}
			if want := wantAudiences(tc.want); !slices.Equal(asked, want) {
				t.Errorf("the runner was asked for %q, want %q", asked, want)
			}
		})
	}
}

// TestRegistryPoliciesNameTheirAudience: every registry the providers
// table gives a default audience hints that audience for its publisher
// document, so PlanTokens requests it.
func TestRegistryPoliciesNameTheirAudience(t *testing.T) {
	for dir, provider := range map[string]string{"pypi/octo-repo-deploy.yml": policy.PyPI, "crates.io/octo-repo-ci.yml": policy.CratesIO, "rubygems/octo-repo-deploy.yml": policy.RubyGems} {
		set := policyset.Loader{}.Load([]string{"../../fixtures/policies/" + dir}, nil, nil)
		pols, failures := set.Policies(), set.Failures()
		if len(failures) > 0 || len(pols) != 1 {
			t.Fatalf("%s: %d policies, failures %+v", dir, len(pols), failures)
		}
		want := policy.InfoOf(provider).Audience
		if got := render(PlanTokens(nil, pols)); got != fmt.Sprintf("%s[../../fixtures/policies/%s]", want, dir) {
			t.Errorf("%s: plans %s, want one token for %s", dir, got, want)
		}
	}
}

func check(rep *inspect.Report, name string) verify.Check {
	for _, c := range rep.Verify.Checks {
		if c.Name == name {
			return c
		}
	}
	return verify.Check{Name: name, Status: "absent"}
}

func verdicts(results []policy.Result) string {
	var out []string
	for _, r := range results {
		out = append(out, string(r.Verdict))
	}
	return strings.Join(out, " ")
}

// wantAudiences are the audiences of a "aud[…] aud[…]" expectation.
func wantAudiences(want string) []string {
	var out []string
	for _, part := range strings.Split(want, " ") {
		if i := strings.IndexByte(part, '['); i > 0 {
			out = append(out, part[:i])
		}
	}
	return out
}
