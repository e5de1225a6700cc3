package vault

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
	"github.com/oidcscope/oidcscope/policy"
)

var (
	seedFlag  = flag.Uint64("seed", 14, "seed of the generated Vault cases")
	casesFlag = flag.Int("cases", 2000, "number of generated Vault cases")
)

// minAgreement is the share of cases on which oidcscope must give Vault's
// answer for both documents, known disagreements included.
const minAgreement = 99.5

// issuers are the config bound_issuer values cases use.
var issuers = []string{GitHubIssuer, "", GitHubIssuer + "/"}

// TestVaultAgreement compares oidcscope with the plugin on generated
// cases. Unknown disagreements fail, each with a shrunk reproduction.
func TestVaultAgreement(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	rn := harness.Prepare(t, "the plugin", func() (*runner, error) { return newRunner(ctx, issuers) },
		func(t *testing.T, rn *runner) { selfCheck(t, ctx, rn) })
	now := time.Now().Unix()
	tally := harness.Compare(t, harness.Comparison[testCase, outcome]{
		Seed:     *seedFlag,
		Cases:    *casesFlag,
		Generate: func(i int) testCase { return genCase(*seedFlag, i, now) },
		Run:      func(c testCase) (outcome, error) { return rn.run(ctx, c) },
		Real:     func(o outcome) (policy.Verdict, string) { return o.vault, o.vaultMsg },
		Family:   family,
		Disagree: func(c testCase, o outcome) ([]harness.Disagreement, error) { return classified(ctx, rn, c, o), nil },
	})
	mix := tally.Verdicts
	t.Logf("Vault v0.26.1 vs oidcscope: %d/%d cases agree on both documents (%.2f %%); Vault's answers: %d allow, %d deny, %d error (role refused); seed %d; %s",
		tally.Agree, tally.Cases, tally.Percent(), mix[policy.Allow], mix[policy.Deny], mix[policy.Error], *seedFlag, time.Since(start).Round(time.Millisecond))
	tally.Report(t, "Vault's answer", func(id string) string { return knownByID(id).reason }, minAgreement)
}

// classified are the ways the two answers to a case differ, each with
// its known class if one explains it.
func classified(ctx context.Context, rn *runner, c testCase, o outcome) []harness.Disagreement {
	var out []harness.Disagreement
	for _, d := range disagreements(o) {
		hd := harness.Disagreement{Signature: d.signature(), Reproduce: func() (string, error) {
			small, so, err := rn.shrink(ctx, c, d.signature())
			return reproduction(small, so, matching(so, d)), err
		}}
		if k := classify(c, o, d); k != nil {
			hd.Class = k.id
		}
		out = append(out, hd)
	}
	return out
}

// selfCheck runs documented behaviour through the plugin before any
// comparison, so that a broken harness cannot pass for agreement.
func selfCheck(t *testing.T, ctx context.Context, rn *runner) {
	now := time.Now().Unix()
	claims := func(extra ...member) node {
		ms := []member{m("iss", str(GitHubIssuer)), m("aud", str("vault")), m("sub", str("repo:octo-org/octo-repo:ref:refs/heads/main")),
			m("repository", str("octo-org/octo-repo")), m("ref", str("refs/heads/main"))}
		ms = append(ms, extra...)
		ms = append(ms, m("iat", scalar(fmt.Sprint(now-30))), m("nbf", scalar(fmt.Sprint(now-30))), m("exp", scalar(fmt.Sprint(now+600))))
		return obj(ms...)
	}
	jwtRole := func(extra ...member) node {
		return obj(append([]member{m("role_type", str("jwt")), m("user_claim", str("repository")), m("bound_audiences", arr(str("vault")))}, extra...)...)
	}
	tests := []struct {
		name   string
		claims node
		role   node
		want   policy.Verdict
		msg    string // Vault's answer contains this
	}{
		{"exact bound claim", claims(), jwtRole(m("bound_claims", obj(m("ref", str("refs/heads/main"))))), policy.Allow, ""},
		{"other branch", claims(), jwtRole(m("bound_claims", obj(m("ref", str("refs/heads/dev"))))), policy.Deny, `claim "ref" does not match`},
		{"glob", claims(), jwtRole(m("bound_claims_type", str("glob")), m("bound_claims", obj(m("sub", str("repo:octo-org/*"))))), policy.Allow, ""},
		{"string type is literal", claims(), jwtRole(m("bound_claims", obj(m("sub", str("repo:octo-org/*"))))), policy.Deny, "does not match"},
		{"wrong audience", claims(), jwtRole(m("bound_audiences", arr(str("other")))), policy.Deny, "invalid audience"},
		{"no audiences bound", claims(), obj(m("role_type", str("jwt")), m("user_claim", str("repository")), m("bound_subject", str("repo:octo-org/octo-repo:ref:refs/heads/main"))), policy.Deny, "no audiences bound"},
		{"missing claim", claims(), jwtRole(m("bound_claims", obj(m("environment", str("prod"))))), policy.Deny, "is missing"},
		{"oidc role", claims(), obj(m("user_claim", str("repository")), m("bound_audiences", arr(str("vault"))), m("allowed_redirect_uris", arr(str("https://x")))), policy.Deny, "oidc role_type"},
		{"no bound constraint", claims(), obj(m("role_type", str("jwt")), m("user_claim", str("repository"))), policy.Error, "at least one bound constraint"},
		{"no user claim", claims(), obj(m("role_type", str("jwt")), m("bound_audiences", arr(str("vault")))), policy.Error, "a user claim must be defined"},
		{"token numbers lose their fraction", claims(m("n", scalar("1.5"))), jwtRole(m("bound_claims", obj(m("n", scalar("1"))))), policy.Allow, ""},
		{"duplicate claim refused", claims(m("ref", str("x"))), jwtRole(), policy.Deny, "error verifying token signature"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := rn.run(ctx, testCase{index: i, issuer: GitHubIssuer, claims: tt.claims, role: tt.role})
			if err != nil {
				t.Fatal(err)
			}
			if o.vault != tt.want || !strings.Contains(o.vaultMsg, tt.msg) {
				t.Fatalf("Vault answered %s (%q), documented: %s (%q)", o.vault, o.vaultMsg, tt.want, tt.msg)
			}
		})
	}
}
