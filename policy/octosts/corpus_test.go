package octosts

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// corpus is testdata/octo-sts-trust-policy.json: octo-sts/app's
// TestCompile and TestCheckToken tables, rewritten as JSON.
type corpus struct {
	Compile []struct {
		Name        string         `json:"name"`
		TrustPolicy map[string]any `json:"trust_policy"`
		OK          bool           `json:"expected_compile_ok"`
	} `json:"compile_cases"`
	Check []struct {
		Name        string         `json:"name"`
		TrustPolicy map[string]any `json:"trust_policy"`
		Claims      map[string]any `json:"token_claims"`
		Match       bool           `json:"expected_match"`
	} `json:"check_token_cases"`
	Domain string `json:"check_token_domain"`
}

func loadCorpus(t *testing.T) corpus {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "octo-sts-trust-policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var c corpus
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatalf("decoding the octo-sts corpus: %v", err)
	}
	return c
}

// goFieldToKey maps octo-sts's Go field names to the .sts.yaml keys
// (its json tags).
var goFieldToKey = map[string]string{
	"Issuer": "issuer", "IssuerPattern": "issuer_pattern",
	"Subject": "subject", "SubjectPattern": "subject_pattern",
	"Audience": "audience", "AudiencePattern": "audience_pattern",
	"ClaimPattern": "claim_pattern",
}

// corpusDocument writes a corpus TrustPolicy as the JSON form of a
// .sts.yaml.
func corpusDocument(t *testing.T, tp map[string]any) []byte {
	t.Helper()
	doc := map[string]any{}
	for k, v := range tp {
		key, ok := goFieldToKey[k]
		if !ok {
			t.Fatalf("corpus field %q has no .sts.yaml key", k)
		}
		doc[key] = v
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compileErrors is what octo-sts's Compile says for each failing
// TestCompile case: its own messages, plus the field for regexp errors.
var compileErrors = map[string]string{
	"multiple issuers":         "trust policy: only one of issuer or issuer_pattern can be set, got both",
	"multiple subjects":        "trust policy: only one of subject or subject_pattern can be set, got both",
	"invalid issuer pattern":   "trust policy: invalid issuer_pattern: error parsing regexp: unexpected ): `^)($`",
	"invalid subject pattern":  "trust policy: invalid subject_pattern: error parsing regexp: unexpected ): `^)($`",
	"invalid audience pattern": "trust policy: invalid audience_pattern: error parsing regexp: unexpected ): `^)($`",
	"invalid claim pattern":    "error compiling claim_pattern[\"claim\"]: error parsing regexp: unexpected ): `^)()$`",
	"missing issuer":           "trust policy: one of issuer or issuer_pattern must be set, got neither",
	"missing subject":          "trust policy: one of subject or subject_pattern must be set, got neither",
}

// anchoringName names the modes in subtest names.
var anchoringName = map[Anchoring]string{AnchorGrouped: "grouped", AnchorCaretDollar: "caret-dollar"}

// compileErrorsGrouped is what octo-sts since PR #1643 says where it
// differs: it compiles each pattern alone first, so regexp quotes the
// pattern as written.
var compileErrorsGrouped = map[string]string{
	"invalid issuer pattern":   "trust policy: invalid issuer_pattern: error parsing regexp: unexpected ): `)(`",
	"invalid subject pattern":  "trust policy: invalid subject_pattern: error parsing regexp: unexpected ): `)(`",
	"invalid audience pattern": "trust policy: invalid audience_pattern: error parsing regexp: unexpected ): `)(`",
	"invalid claim pattern":    "error compiling claim_pattern[\"claim\"]: error parsing regexp: unexpected ): `)()`",
}

// TestOctoSTSCompileCases runs every TestCompile case of octo-sts: a
// policy octo-sts's Compile refuses evaluates to Error with octo-sts's
// message; one it accepts never does. The table is @cb87fc17's, so it runs
// under AnchorCaretDollar, and again under the default anchoring with the
// messages of compileErrorsGrouped.
func TestOctoSTSCompileCases(t *testing.T) {
	c := loadCorpus(t)
	if len(c.Compile) != 10 {
		t.Fatalf("corpus has %d compile cases, want the 10 of trust_policy_test.go", len(c.Compile))
	}
	tok := policytest.Payload(t, `{"iss":"https://example.com","sub":"subject","aud":"octo-sts.dev"}`)
	for _, mode := range []Anchoring{AnchorCaretDollar, provider().Anchoring} {
		p := &Provider{Domain: DefaultDomain, Anchoring: mode}
		for _, tc := range c.Compile {
			t.Run(anchoringName[mode]+"/"+tc.Name, func(t *testing.T) {
				want, ok := compileErrors[tc.Name]
				if g, differs := compileErrorsGrouped[tc.Name]; differs && mode == AnchorGrouped {
					want = g
				}
				if !tc.OK && !ok {
					t.Fatalf("no expected message for failing case %q: add it to compileErrors", tc.Name)
				}
				checkCompileCase(t, p, tok, corpusDocument(t, tc.TrustPolicy), tc.OK, want)
			})
		}
	}
}

// checkCompileCase: the document evaluates to Error exactly when octo-sts
// refuses it, then with octo-sts's message want on the one broken field.
func checkCompileCase(t *testing.T, p *Provider, tok policy.Token, doc []byte, compiles bool, want string) {
	t.Helper()
	pols, err := p.Parse("corpus.sts.yaml", doc)
	if err != nil {
		t.Fatalf("Parse: %v (the document is well-formed; only Compile may refuse it)", err)
	}
	r := pols[0].Evaluate(tok)
	if got := r.Verdict != policy.Error; got != compiles {
		t.Fatalf("compiles = %v, octo-sts says %v (verdict %s: %s)", got, compiles, r.Verdict, r.Error)
	}
	if compiles {
		return
	}
	if !strings.HasPrefix(r.Error, want) {
		t.Errorf("Error = %q, want octo-sts's %q", r.Error, want)
	}
	errored := 0
	for _, cond := range r.Conditions {
		if cond.Result == policy.Errored {
			errored++
			if !strings.Contains(want, cond.Diagnosis[0]) && !strings.Contains(cond.Diagnosis[0], want) {
				t.Errorf("errored condition %q says %q, want %q", cond.Expression, cond.Diagnosis[0], want)
			}
		}
	}
	if errored != 1 {
		t.Errorf("%d errored conditions, want exactly the broken field", errored)
	}
	if !strings.Contains(r.Summary, "cannot compile") {
		t.Errorf("Summary %q does not say the policy cannot compile", r.Summary)
	}
}

// TestOctoSTSCheckTokenCases runs every TestCheckToken case of octo-sts
// @cb87fc17, under both anchorings (none of them has a top-level "|", so
// both agree).
func TestOctoSTSCheckTokenCases(t *testing.T) {
	c := loadCorpus(t)
	if len(c.Check) != 20 {
		t.Fatalf("corpus has %d check cases, want the 20 of trust_policy_test.go", len(c.Check))
	}
	if c.Domain != DefaultDomain {
		t.Fatalf("corpus domain %q, provider default %q", c.Domain, DefaultDomain)
	}
	for _, mode := range []Anchoring{AnchorCaretDollar, AnchorGrouped} {
		p := &Provider{Domain: c.Domain, Anchoring: mode}
		for i, tc := range c.Check {
			t.Run(anchoringName[mode]+"/"+tc.Name, func(t *testing.T) {
				pols, err := p.Parse("corpus.sts.yaml", corpusDocument(t, tc.TrustPolicy))
				if err != nil {
					t.Fatalf("case %d: Parse: %v", i, err)
				}
				claims, _ := json.Marshal(tc.Claims)
				r := pols[0].Evaluate(policytest.Payload(t, string(claims)))
				if r.Verdict == policy.Error {
					t.Fatalf("case %d (mode %d): verdict error: %s", i, mode, r.Error)
				}
				if got := r.Verdict == policy.Allow; got != tc.Match {
					t.Errorf("case %d (mode %d): allow = %v, octo-sts says %v: %s", i, mode, got, tc.Match, r.Summary)
				}
				if !tc.Match && !strings.HasPrefix(r.Summary, "octo-sts refuses this token") {
					t.Errorf("case %d: deny summary %q", i, r.Summary)
				}
			})
		}
	}
}

// TestOctoSTSConfigExamples reads octo-sts's own testdata policies.
func TestOctoSTSConfigExamples(t *testing.T) {
	for _, f := range []string{"testdata__org__repo__foo.sts.yaml", "testdata__org__.github__foo.sts.yaml", "testdata__org__my-policies__foo.sts.yaml"} {
		t.Run(f, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "config-examples", f))
			if err != nil {
				t.Fatal(err)
			}
			p := provider()
			if !p.Detect(b) {
				t.Fatal("Detect refuses octo-sts's own test policy")
			}
			pol := parseOne(t, p, string(b))
			ok := policytest.Payload(t, `{"iss":"https://token.actions.githubusercontent.com","sub":"foo","aud":"octosts"}`)
			if r := pol.Evaluate(ok); r.Verdict != policy.Allow {
				t.Errorf("sub foo, aud octosts: %s (%s)", r.Verdict, r.Summary)
			}
			wrongAud := policytest.Payload(t, `{"iss":"https://token.actions.githubusercontent.com","sub":"foo","aud":"octo-sts.dev"}`)
			if r := pol.Evaluate(wrongAud); r.Verdict != policy.Deny {
				t.Errorf("audience octosts is set, so aud octo-sts.dev must be refused: %s", r.Verdict)
			}
		})
	}
}

// TestTrustedTokenIssuersNotClaimed: the org allowlist is another
// document kind that this package does not evaluate.
func TestTrustedTokenIssuersNotClaimed(t *testing.T) {
	for _, org := range []string{"orgallow", "orgaudit", "orgbad", "orgdeny"} {
		b, err := os.ReadFile(filepath.Join("testdata", "config-examples", "testdata__"+org+"__.github__trusted-token-issuers.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if provider().Detect(b) {
			t.Errorf("%s trusted-token-issuers.yaml detected as a trust policy", org)
		}
	}
}

// TestKnownPermissionsMatchSchema checks permissions.go against the JSON
// schema of octo-sts/app @cb87fc17.
func TestKnownPermissionsMatchSchema(t *testing.T) {
	for _, f := range []string{"octosts.TrustPolicy.json", "octosts.OrgTrustPolicy.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "config-examples", f))
		if err != nil {
			t.Fatal(err)
		}
		var schema struct {
			Defs map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"$defs"`
		}
		if err := json.Unmarshal(b, &schema); err != nil {
			t.Fatal(err)
		}
		props := schema.Defs["InstallationPermissions"].Properties
		if len(props) != len(knownPermissions) {
			t.Errorf("%s lists %d permissions, permissions.go %d", f, len(props), len(knownPermissions))
		}
		for _, k := range knownPermissions {
			if _, ok := props[k]; !ok {
				t.Errorf("%s has no permission %q", f, k)
			}
		}
		keys := schema.Defs[strings.TrimSuffix(strings.TrimPrefix(f, "octosts."), ".json")].Properties
		for k := range keys {
			if !isPolicyKey(k) {
				t.Errorf("%s: key %q is not in policyKeys", f, k)
			}
		}
	}
}
