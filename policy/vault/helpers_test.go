package vault

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixtureNames are the signed static fixture tokens.
var fixtureNames = []string{"push-main", "pull-request", "environment-prod", "reusable-workflow", "custom-sub", "immutable-sub", "self-hosted", "enterprise", "other-repo"}

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

// payload builds a token from a JSON claim set (duplicate keys allowed).
func payload(t testing.TB, claims string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(claims))
	for _, e := range errs {
		if !strings.Contains(e.Error(), "duplicate") {
			t.Fatalf("bad test payload %s: %v", claims, e)
		}
	}
	return policy.NewToken(v)
}

// pushMain is the push-main claim set, as a JSON object body, for tokens
// built by hand.
const pushMain = `"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com",` +
	`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main","repository":"octo-org/octo-repo","repository_id":"74",` +
	`"repository_owner":"octo-org","repository_owner_id":"65","ref":"refs/heads/main","ref_type":"branch",` +
	`"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main","run_id":"20613598812",` +
	`"event_name":"push","exp":1767225900,"iat":1767225600,"nbf":1767225300`

// tokenWith is push-main with some claims added or replaced (JSON values);
// a value of "" removes the claim.
func tokenWith(t testing.TB, overrides map[string]string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte("{"+pushMain+"}"))
	if len(errs) > 0 {
		t.Fatalf("base payload: %v", errs)
	}
	var b strings.Builder
	b.WriteString("{")
	first := true
	write := func(k, val string) {
		if !first {
			b.WriteString(",")
		}
		first = false
		b.WriteString(quoteJSON(k) + ":" + val)
	}
	for _, m := range v.Members {
		val, ok := overrides[m.Key]
		if !ok {
			raw, _ := m.Value.MarshalJSON()
			val = string(raw)
		}
		if val != "" {
			write(m.Key, val)
		}
	}
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		if _, ok := v.Get(k); !ok && overrides[k] != "" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		write(k, overrides[k])
	}
	b.WriteString("}")
	return payload(t, b.String())
}

// parseOne parses a document that must hold exactly one role.
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

// jwtRole is a role binding push-main's audience and the given extra
// fields (JSON members, without braces).
func jwtRole(extra string) string {
	doc := `{"role_type":"jwt","user_claim":"repository","bound_audiences":["sts.amazonaws.com"]`
	if extra != "" {
		doc += "," + extra
	}
	return doc + "}"
}

// condition finds the first condition whose expression contains expr.
func condition(t testing.TB, r policy.Result, expr string) policy.Condition {
	t.Helper()
	for _, c := range r.Conditions {
		if strings.Contains(c.Expression, expr) {
			return c
		}
	}
	t.Fatalf("%s: no condition %q; conditions: %+v", r.Name, expr, r.Conditions)
	return policy.Condition{}
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

func failing(r policy.Result) []policy.Condition {
	var out []policy.Condition
	for _, c := range r.Conditions {
		if c.Result != policy.Pass {
			out = append(out, c)
		}
	}
	return out
}
