package entra

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixtureToken loads a signed static fixture token by name.
func fixtureToken(t testing.TB, name string) policy.Token {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "testdata", "static", name+".jwt"))
	if err != nil {
		t.Fatalf("reading fixture token %s: %v", name, err)
	}
	tok, err := decode.Parse(strings.TrimSpace(string(raw)))
	if err != nil {
		t.Fatalf("decoding fixture token %s: %v", name, err)
	}
	return policy.NewToken(tok.Payload)
}

// payload builds a token from a JSON claim set.
func payload(t testing.TB, claims string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(claims))
	for _, e := range errs {
		if !strings.Contains(e.Error(), "duplicate key") {
			t.Fatalf("bad test payload %s: %v", claims, e)
		}
	}
	return policy.NewToken(v)
}

// pushMainClaims is the push-main claim set with aud and sub replaceable.
func claimsWith(overrides map[string]string) string {
	base := map[string]string{
		"iss":                 `"https://token.actions.githubusercontent.com"`,
		"aud":                 `"api://AzureADTokenExchange"`,
		"sub":                 `"repo:octo-org/octo-repo:ref:refs/heads/main"`,
		"repository":          `"octo-org/octo-repo"`,
		"repository_id":       `"74"`,
		"repository_owner":    `"octo-org"`,
		"repository_owner_id": `"65"`,
		"ref":                 `"refs/heads/main"`,
		"job_workflow_ref":    `"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main"`,
	}
	for k, v := range overrides {
		if v == "" {
			delete(base, k)
			continue
		}
		base[k] = v
	}
	keys := make([]string, 0, len(base))
	for k := range base {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	b.WriteString("{")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"` + k + `":` + base[k])
	}
	b.WriteString("}")
	return b.String()
}

// parseOne parses a document that must hold exactly one credential.
func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	pols, err := New().Parse("test.json", []byte(doc))
	if err != nil {
		t.Fatalf("Parse(%s): %v", doc, err)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse(%s): %d policies, want 1", doc, len(pols))
	}
	return pols[0]
}

// standardFIC renders a one-credential document.
func standardFIC(issuer, subject, audiences string) string {
	return `{"name":"test-cred","issuer":` + quote(issuer) + `,"subject":` + quote(subject) + `,"audiences":` + audiences + `}`
}

func flexibleFIC(issuer, expr string) string {
	return `{"name":"flex-cred","issuer":` + quote(issuer) + `,"audiences":["api://AzureADTokenExchange"],"claimsMatchingExpression":{"value":` + quote(expr) + `,"languageVersion":1}}`
}

func quote(s string) string {
	b, _ := jsonMarshal(s)
	return string(b)
}

// condition finds the condition reading a claim (the first one).
func condition(t testing.TB, r policy.Result, claim string) policy.Condition {
	t.Helper()
	for _, c := range r.Conditions {
		if slices.Contains(c.Claims, claim) {
			return c
		}
	}
	t.Fatalf("%s: no condition reads %s; conditions: %+v", r.Name, claim, r.Conditions)
	return policy.Condition{}
}

// failing lists the conditions that did not pass.
func failing(r policy.Result) []policy.Condition {
	var out []policy.Condition
	for _, c := range r.Conditions {
		if c.Result != policy.Pass {
			out = append(out, c)
		}
	}
	return out
}

func hasDiagnosis(c policy.Condition, substr string) bool {
	for _, d := range c.Diagnosis {
		if strings.Contains(d, substr) {
			return true
		}
	}
	return false
}

func hasRule(r policy.Result, rule string) bool {
	for _, f := range r.Lint {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

const gh = "https://token.actions.githubusercontent.com"
const azureAud = `["api://AzureADTokenExchange"]`

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
