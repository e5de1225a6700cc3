package inspect_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// rendered is a report as the CLI prints it: the JSON contract and the
// text report without colour.
func rendered(t *testing.T, r *inspect.Report) string {
	t.Helper()
	var b bytes.Buffer
	if err := report.JSON(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := report.Text(&b, r, lipgloss.NewRenderer(io.Discard, termenv.WithProfile(termenv.Ascii))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestReverifyIsRun: the offline pass verified again with the fetched keys
// is the report Run makes with the network, printed byte for byte the
// same, for keys that verify, keys that do not, a key source that fails,
// failing automatic discovery, and a self-hosted issuer whose explanation
// changes once its keys vouch for it; and the offline report is left as
// it was.
func TestReverifyIsRun(t *testing.T) {
	jwks := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(fixtures.DemoJWKS())
	}))
	defer jwks.Close()
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	defer broken.Close()
	at := fixtures.StaticNow()
	ghes := signed(t, `{"iss":"https://ghes.example.com/_services/token","sub":"repo:o/r:ref:refs/heads/main","aud":"sts.amazonaws.com","exp":1767225900}`, "")
	pols := policyset.Loader{}.Load([]string{"../fixtures/policies/aws/trust-environment-prod.json", "../fixtures/policies/aws/get-role-deploy-main.json"}, nil, nil)
	cases := []struct {
		name   string
		source verify.Source
		input  []byte
	}{
		{"JWKS URL that verifies", verify.Source{JWKS: jwks.URL + "/jwks"}, staticToken(t, "push-main")},
		{"JWKS URL, wrong audience", verify.Source{JWKS: jwks.URL + "/jwks"}, staticToken(t, "environment-prod")},
		{"JWKS URL that fails", verify.Source{JWKS: broken.URL + "/jwks"}, staticToken(t, "push-main")},
		{"discovery that fails", discoverySource(&fakeGitHub{fail: true}), staticToken(t, "push-main")},
		{"discovery that verifies", discoverySource(&fakeGitHub{}), staticToken(t, "push-main")},
		{"self-hosted issuer", verify.Source{JWKS: jwks.URL + "/jwks"}, ghes},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := inspect.Options{At: at, Source: tc.source, Audiences: []string{"sts.amazonaws.com"},
				Policies: pols, Providers: policyset.All()}
			s := inspect.NewSession(opts)
			off := s.InspectOffline(context.Background(), tc.input)
			before := rendered(t, off)
			got := s.Reverify(off, s.FetchKeys(context.Background(), off))
			opts.Input = tc.input
			want := inspect.Run(context.Background(), opts)
			if g, w := rendered(t, got), rendered(t, want); g != w {
				t.Errorf("reverified offline report differs from Run's:\n--- reverified\n%s\n--- run\n%s", g, w)
			}
			if rendered(t, off) != before {
				t.Error("Reverify changed the offline report")
			}
		})
	}
}

// TestNoProvidersNoSnippets: the ready-to-paste conditions come from the
// providers the caller gives; inspect knows none of its own.
func TestNoProvidersNoSnippets(t *testing.T) {
	r := inspect.Run(context.Background(), inspect.Options{Input: staticToken(t, "push-main"), At: fixtures.StaticNow(), Source: offline})
	if n := len(claim(t, r, "sub").WouldSatisfy); n != 0 {
		t.Errorf("sub lists %d conditions without providers", n)
	}
	r = inspect.Run(context.Background(), inspect.Options{Input: staticToken(t, "push-main"), At: fixtures.StaticNow(), Source: offline, Providers: policyset.All()})
	if len(claim(t, r, "sub").WouldSatisfy) == 0 {
		t.Error("sub lists no conditions with every provider")
	}
}

// TestWithPolicyFilesUsesTheLoader: the session reads policy files only
// through the loader in its options, adding to what it has; without one,
// each path is a failure, not a silent nothing.
func TestWithPolicyFilesUsesTheLoader(t *testing.T) {
	var asked []string
	first := policyset.Loader{}.Load([]string{"../fixtures/policies/aws/get-role-deploy-main.json"}, nil, nil)
	load := func(loaded inspect.Policies, paths ...string) (inspect.Policies, []policy.Result) {
		asked = append(asked, paths...)
		prev, _ := loaded.(*policyset.Set)
		set := policyset.Loader{}.Load(paths, nil, nil)
		return prev.Merge(set), set.Failures()
	}
	s := inspect.NewSession(inspect.Options{LoadPolicies: load}).WithPolicies(first)
	s2, failures := s.WithPolicyFiles("../fixtures/policies/aws/trust-environment-prod.json", "no-such-file.json")
	if len(asked) != 2 || len(failures) != 1 || failures[0].Source != "no-such-file.json" {
		t.Errorf("loader asked for %v, failures %+v", asked, failures)
	}
	if s.PolicyCount() != 1 || s2.PolicyCount() != 3 {
		t.Errorf("policy counts %d and %d, want 1 and 3 (two policies and the failed file)", s.PolicyCount(), s2.PolicyCount())
	}
	_, failures = inspect.NewSession(inspect.Options{}).WithPolicyFiles("a.json")
	if len(failures) != 1 || failures[0].Source != "a.json" || failures[0].Verdict != policy.Error {
		t.Errorf("without a loader: %+v", failures)
	}
}
