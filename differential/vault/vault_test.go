package vault

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

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
	rn, err := newRunner(ctx, issuers)
	if err != nil {
		t.Fatal(err)
	}
	if !t.Run("self-check", func(t *testing.T) { selfCheck(t, ctx, rn) }) {
		t.Fatal("the harness does not drive the plugin as documented; no comparison made")
	}
	now := time.Now().Unix()
	mix := map[policy.Verdict]int{}
	reasons := map[string]int{} // Vault's refusals by kind
	known := map[string]int{}
	agree, unknown := 0, 0
	seen := map[string]bool{} // one reproduction per signature
	for i := range *casesFlag {
		c := genCase(*seedFlag, i, now)
		o, err := rn.run(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		mix[o.vault]++
		if o.vaultMsg != "" {
			reasons[string(o.vault)+": "+family(o.vaultMsg)]++
		}
		ds := disagreements(o)
		if len(ds) == 0 {
			agree++
			continue
		}
		classes := map[string]bool{}
		for _, d := range ds {
			if k := classify(c, o, d); k != nil {
				if !classes[k.id] && known[k.id] == 0 {
					small, so, err := rn.shrink(ctx, c, d.signature())
					if err != nil {
						t.Fatal(err)
					}
					t.Logf("known disagreement %s, first case shrunk:\n%s", k.id, reproduction(small, so, matching(so, d)))
				}
				classes[k.id] = true
				continue
			}
			unknown++
			if seen[d.signature()] {
				continue
			}
			seen[d.signature()] = true
			small, so, err := rn.shrink(ctx, c, d.signature())
			if err != nil {
				t.Fatal(err)
			}
			t.Errorf("unknown disagreement (seed %d):\n%s", *seedFlag, reproduction(small, so, matching(so, d)))
		}
		for id := range classes {
			known[id]++
		}
	}
	n := *casesFlag
	pct := 100 * float64(agree) / float64(n)
	t.Logf("Vault v0.26.1 vs oidcscope: %d/%d cases agree on both documents (%.2f %%); Vault's answers: %d allow, %d deny, %d error (role refused); seed %d; %s",
		agree, n, pct, mix[policy.Allow], mix[policy.Deny], mix[policy.Error], *seedFlag, time.Since(start).Round(time.Millisecond))
	logCounts(t, "Vault's answer", reasons)
	var ids []string
	for id := range known {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.Logf("known disagreement %s: %d cases (%s)", id, known[id], knownByID(id).reason)
	}
	if unknown > 0 {
		t.Errorf("%d unknown disagreements (documents), %d distinct kinds shown above", unknown, len(seen))
	}
	if pct < minAgreement {
		t.Errorf("agreement %.2f %% is under %.1f %%", pct, minAgreement)
	}
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

// logCounts logs counts, most frequent first.
func logCounts(t *testing.T, what string, counts map[string]int) {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		t.Logf("%s %5d  %s", what, counts[k], k)
	}
}
