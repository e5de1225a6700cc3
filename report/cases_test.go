package report_test

import (
	"bytes"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/verify"
)

const gitHubIssuer = "https://token.actions.githubusercontent.com"

// fixedRun runs the pipeline as the command layer does, at the fixtures'
// fixed instant unless o says another, with no network and no clock.
func fixedRun(t *testing.T, o inspect.Options) *inspect.Report {
	t.Helper()
	if o.At.IsZero() {
		o.At = fixtures.StaticNow()
	}
	if o.Leeway == 0 {
		o.Leeway = verify.DefaultLeeway
	}
	o.Now = func() time.Time { t.Fatal("the clock was read"); return time.Time{} }
	o.Providers = policyset.All() // what the command layer passes
	o.Source.Names = flagwords.Names
	return inspect.Run(context.Background(), o)
}

// reports builds fixed Reports: fixed tokens, fixed keys, a fixed clock, no
// network. Each becomes testdata/<name>.txt and testdata/<name>.json.
func reports(t *testing.T) map[string]*inspect.Report {
	offline := verify.Source{Offline: true}
	run := func(o inspect.Options) *inspect.Report { return fixedRun(t, o) }
	return map[string]*inspect.Report{
		// The static push-main token, verified with the demo JWKS, every
		// check requested.
		"push-main-valid": run(inspect.Options{
			Input:     policytest.StaticJWT(t, "push-main"),
			Keys:      policytest.DemoKeySet(t),
			Issuer:    gitHubIssuer,
			Audiences: []string{"sts.amazonaws.com"},
		}),
		// No key, an hour after expiry, pasted as an Authorization header.
		"push-main-unverified-expired": run(inspect.Options{
			Input:  append([]byte("Authorization: Bearer "), policytest.StaticJWT(t, "push-main")...),
			Source: offline,
			At:     fixtures.StaticNow().Add(time.Hour),
		}),
		// Wrong audience with a valid signature.
		"environment-prod-wrong-aud": run(inspect.Options{
			Input:     policytest.StaticJWT(t, "environment-prod"),
			Keys:      policytest.DemoKeySet(t),
			Audiences: []string{"sts.amazonaws.com"},
		}),
		// One policy per provider, allowing and denying, with lint.
		"environment-prod-policies": run(inspect.Options{
			Input:  policytest.StaticJWT(t, "environment-prod"),
			Source: offline,
			Policies: policyset.Loader{}.Load([]string{
				"../fixtures/policies/aws/list-roles.json",
				"../fixtures/policies/entra/graph-list-environment-prod.json",
				"../fixtures/policies/gcp/octo-repo-prod.json",
				"../fixtures/policies/vault/deploy.json",
				"../fixtures/policies/octo-sts/prod-deploy.sts.yaml",
				"../fixtures/policies/k8s/octo-repo-prod.json",
				"../fixtures/policies/k8s/bad-cel.yaml",
			}, nil, nil),
			PoliciesAny: true,
		}),
		// Nothing to decode.
		"not-a-token": run(inspect.Options{Input: []byte("hello world"), Source: offline}),
		// No token, an Entra error in a job log line and the credentials:
		// the one the quoted subject fits is named, the other differs.
		"entra-error-no-token": run(inspect.Options{
			Input:    []byte("2026-01-01T00:00:00.0000000Z ##[error]" + entraSubjectError("repo:octo-org/octo-repo:environment:prod") + "\n"),
			Source:   offline,
			Policies: policyset.Loader{}.Load([]string{"../fixtures/policies/entra/graph-list-environment-prod.json"}, nil, nil),
		}),
		// A log holding the token and the error it got: the error leads,
		// tied to the credentials that deny this token.
		"entra-error-with-token": run(inspect.Options{
			Input: slices.Concat([]byte("Run azure/login@v2\ntoken: "), bytes.TrimSpace(policytest.StaticJWT(t, "push-main")),
				[]byte("\nError: "+entraSubjectError("repo:octo-org/octo-repo:ref:refs/heads/main")+"\n")),
			Source:   offline,
			Policies: policyset.Loader{}.Load([]string{"../fixtures/policies/entra/graph-list-environment-prod.json"}, nil, nil),
		}),
		// Duplicate keys and strings that would drive a terminal.
		"hostile": run(inspect.Options{
			Input: policytest.SignedDemo(t,
				`{"iss":"https://issuer.example","sub":"a","sub":"b","osc52":"\u001b]52;c;ZXZpbA==\u0007","bidi":"admin\u202etxt.exe","zwj":"a\u200db","c1":"\u009b2J","cr":"x\ry","n":12345678901234567890,"f":1.50,"arr":["\u001b[2J","\u202e"]}`,
				`{"alg":"RS256","kid":"oidcscope-demo","typ":"JWT","x5u":"https://evil.example/\u001b[2J"}`),
			Keys: policytest.DemoKeySet(t),
		}),
	}
}

// pushMainDenied is the step summary's case: the push-main token, verified
// with the demo key and checked for its audience, against an AWS role that
// wants the prod environment (denied: ref form vs environment form) and a
// Google Cloud provider that allows it.
func pushMainDenied(t *testing.T) *inspect.Report {
	t.Helper()
	return fixedRun(t, inspect.Options{
		Input:     policytest.StaticJWT(t, "push-main"),
		Keys:      policytest.DemoKeySet(t),
		Issuer:    gitHubIssuer,
		Audiences: []string{"sts.amazonaws.com"},
		Policies: policyset.Loader{}.Load([]string{
			"../fixtures/policies/aws/trust-environment-prod.json",
			"../fixtures/policies/gcp/octo-repo-main.json",
		}, nil, nil),
	})
}

// markdownInjection is a token whose claims try every Markdown and HTML
// trick a step summary could fall for.
func markdownInjection(t *testing.T) *inspect.Report {
	t.Helper()
	return fixedRun(t, inspect.Options{
		Input: policytest.SignedDemo(t, `{"iss":"https://issuer.example","sub":"a|b`+"`"+`c`+"``"+`d","aud":"<script>alert(1)</script>",`+
			`"html":"<img src=x onerror=alert(1)> &amp; <details open>","link":"[click](https://evil.example) ![x](https://evil.example/x.png)",`+
			`"mention":"@octocat #1 :warning: $x^2$ ~~s~~ **b** _i_","newline":"line1\n## heading\n| a | b |","lead":"# not a heading",`+
			`"list":"1. item","fence":"`+"```"+`\nx\n`+"```"+`","esc":"\u001b[2J\u202e"}`, ""),
		Source: verify.Source{Offline: true},
	})
}

// entraSubjectError is Entra's AADSTS700213 message quoting sub.
func entraSubjectError(sub string) string {
	return "AADSTS700213: No matching federated identity record found for presented assertion subject '" + sub +
		"'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion."
}
