package inspect_test

import (
	"context"
	"io/fs"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// entraPolicies are the sample federated credentials trusting the prod
// environment of octo-org/octo-repo.
func entraPolicies(t *testing.T) *policyset.Set {
	t.Helper()
	data, err := fs.ReadFile(fixtures.Policies(), "policies/entra/graph-list-environment-prod.json")
	if err != nil {
		t.Fatal(err)
	}
	set := &policyset.Set{}
	set.Add(policyset.All(), "graph-list-environment-prod.json", data)
	if set.Failed() || set.Len() == 0 {
		t.Fatalf("the sample credentials did not load: %v", set.Failures())
	}
	return set
}

const entraProdSubject = "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:prod'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion."

// A paste with no token but a provider's error: the error is found, the
// policies of its provider are evaluated on the values it carries, and
// the exit code says something failed (1), not that nothing was found (2).
func TestRunFindsProviderErrorsWithoutAToken(t *testing.T) {
	cases := []struct {
		name     string
		input    string
		policies bool
		entries  []string
		fits     []string // the credentials that fit, by name
		exit     int
	}{
		{name: "entra with credentials", input: "2026-01-01T00:00:00.0000000Z ##[error]" + entraProdSubject, policies: true,
			entries: []string{"entra.subject"}, fits: []string{"octo-repo-env-prod"}, exit: 1},
		{name: "entra without credentials", input: entraProdSubject, entries: []string{"entra.subject"}, exit: 1},
		{name: "aws in a job log", input: "Run aws-actions/configure-aws-credentials@v4\nError: Could not assume role with OIDC: Not authorized to perform sts:AssumeRoleWithWebIdentity\n", policies: true,
			entries: []string{"aws.not-authorized"}, exit: 1},
		{name: "nothing", input: "hello world", exit: 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := inspect.Options{Input: []byte(tc.input), Source: verify.Source{Offline: true}}
			if tc.policies {
				opts.Policies = entraPolicies(t)
			}
			r := inspect.Run(context.Background(), opts)
			if r.Token != nil {
				t.Fatal("a token was found")
			}
			var ids []string
			var fits []string
			for _, pe := range r.ProviderErrors {
				ids = append(ids, pe.Match.Entry.ID)
				for _, p := range pe.Partials {
					if p.Result.Provider != pe.Match.Entry.Provider {
						t.Errorf("%s: a %s policy evaluated for a %s message", p.Result.Name, p.Result.Provider, pe.Match.Entry.Provider)
					}
					if p.Fits() {
						fits = append(fits, p.Result.Name)
					}
				}
			}
			if !slices.Equal(ids, tc.entries) || !slices.Equal(fits, tc.fits) {
				t.Errorf("found %v fitting %v, want %v fitting %v", ids, fits, tc.entries, tc.fits)
			}
			if got := r.ExitCode(); got != tc.exit {
				t.Errorf("exit %d, want %d", got, tc.exit)
			}
		})
	}
}

// A log with a token and an error: the error is tied to the token's
// failing results of the same provider.
func TestRunTiesAProviderErrorToTheFailingPolicies(t *testing.T) {
	push := string(staticToken(t, "push-main"))
	in := "token: " + push + "\n" + "Error: " + entraProdSubject + "\n"
	r := inspect.Run(context.Background(), inspect.Options{Input: []byte(in), Source: verify.Source{Offline: true}, Policies: entraPolicies(t)})
	if r.Token == nil {
		t.Fatal("the token in the log was not found")
	}
	if len(r.ProviderErrors) != 1 {
		t.Fatalf("found %d errors, want 1", len(r.ProviderErrors))
	}
	pe := r.ProviderErrors[0]
	if len(pe.Failing) == 0 {
		t.Fatal("the error is tied to no failing policy")
	}
	for _, i := range pe.Failing {
		res := r.Policies[i]
		if res.Provider != policy.Entra || res.Verdict == policy.Allow {
			t.Errorf("tied to %s %s (%s)", res.Provider, res.Name, res.Verdict)
		}
	}
	if len(pe.Partials) != 0 {
		t.Error("with the token, the policies are evaluated on it, not on the message's values")
	}
}

// A bare token is not searched for error messages: there is no text
// around it to hold one.
func TestRunBareTokenHasNoProviderErrors(t *testing.T) {
	r := inspect.Run(context.Background(), inspect.Options{Input: staticToken(t, "push-main"), Source: verify.Source{Offline: true}})
	if r.Token == nil || len(r.ProviderErrors) != 0 {
		t.Errorf("token %v, errors %d", r.Token != nil, len(r.ProviderErrors))
	}
}
