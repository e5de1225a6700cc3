package aws

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestUnknownScopeQuotedOnce: a scope from the command line stands in the
// error raw between quotes, so the view escapes it once.
func TestUnknownScopeQuotedOnce(t *testing.T) {
	tok := policytest.FixtureToken(t, "push-main")
	escapetest.Each(t, func(t *testing.T, v string) {
		_, err := New().Suggest(tok, policy.Scope(v))
		if err == nil {
			t.Fatal("an unknown scope gave a suggestion")
		}
		escapetest.WantQuotedOnce(t, "unknown scope", err.Error(), v)
	})
}

// TestHostileValuesQuotedOnce: a token's or a document's value in a
// summary, diagnosis, error or lint message stands raw between quotes
// (escape.Quoted), not JSON-quoted, so the view escapes it once: an ESC
// and a literal backslash-x1b read apart. Expressions keep JSON.
func TestHostileValuesQuotedOnce(t *testing.T) {
	const fed = `"Federated":"arn:aws:iam::111122223333:oidc-provider/` + gh + `"`
	statement := func(members string) string {
		return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` + members + `}]}`
	}
	withAction := func(members string) string {
		return statement(members + `,"Action":"sts:AssumeRoleWithWebIdentity"`)
	}
	sub := func(op, val string) string {
		return trust(`{"` + op + `":{"` + gh + `:sub":` + jsonString(t, val) + `}}`)
	}
	escapetest.Each(t, func(t *testing.T, v string) {
		tests := []struct {
			path, doc, claims, want string
			before                  string // the words before the quoted value
		}{
			{"negated operator matches", sub("StringNotLike", "repo:x*"), `"sub":` + jsonString(t, "repo:x"+v), "repo:x" + v, ""},
			{"pattern matches only ignoring case", sub("StringLike", "X"+v+"*"), `"sub":` + jsonString(t, "x"+v), "X" + v + "*", "the pattern "},
			{"bare wildcard would match as StringLike", sub("StringEquals", "x"+v+"*"), `"sub":` + jsonString(t, "x"+v+"zz"), "x" + v + "*", "as StringLike, "},
			{"iss not https", sub("StringEquals", "x"), `"iss":` + jsonString(t, v), v, ""},
			{"unknown operator", trust(`{` + jsonString(t, "String"+v) + `:{"` + gh + `:sub":"x"}}`), "", "String" + v, ""},
			{"not a condition key", trust(`{"StringEquals":{` + jsonString(t, v) + `:"x"}}`), "", v, ""},
			{"variable value", sub("StringLike", "${"+gh+":actor}-x"), `"actor":` + jsonString(t, v), v, ""},
			{"action refused", statement(`"Principal":{` + fed + `},"Action":` + jsonString(t, "sts"+v)), "", "sts" + v, ""},
			{"Sid", withAction(`"Sid":` + jsonString(t, v) + `,"Principal":{` + fed + `}`), "", v, ""},
			{"other principal", withAction(`"Principal":{"AWS":` + jsonString(t, v) + `}`), "", v, ""},
			{"unknown principal type", withAction(`"Principal":{` + jsonString(t, v) + `:"x"}`), "", v, ""},
			{"sub pattern admits every owner", sub("StringLike", "repo:*"+v), "", "repo:*" + v, ""},
			{"duplicate key", trust(`{"StringEquals":{"` + gh + `:sub":"x"},` + jsonString(t, v) + `:{},` + jsonString(t, v) + `:{}}`), "", v, ""},
		}
		for _, tt := range tests {
			text, err := resultText(tt.doc, pushMain(tt.claims))
			if err != nil {
				text = err.Error()
			}
			escapetest.WantShownOnce(t, tt.path, text, tt.before+escape.Quoted(tt.want))
		}

		for _, tt := range []struct{ path, claims, want string }{
			{"suggest: iss not https", `"iss":` + jsonString(t, v), v},
			{"suggest: another aud", `"aud":` + jsonString(t, "x"+v), "x" + v},
		} {
			sug, err := New().Suggest(policytest.Payload(t, pushMain(tt.claims)), policy.ScopeRepo)
			text := strings.Join(sug.Notes, "\n")
			if err != nil {
				text = err.Error()
			}
			escapetest.WantQuotedOnce(t, tt.path, text, tt.want)
		}
	})
}

// resultText is every message of doc's first policy's result for claims:
// summary, error, diagnoses and lint.
func resultText(doc, claims string) (string, error) {
	pols, err := New().Parse("test.json", []byte(doc))
	if err != nil {
		return "", err
	}
	if len(pols) == 0 {
		return "", nil
	}
	tok, errs := decode.ParseJSON("claims", []byte(claims))
	if len(errs) > 0 {
		return "", errs[0]
	}
	r := pols[0].Evaluate(policy.NewToken(tok))
	parts := []string{r.Summary, r.Error}
	for _, c := range r.Conditions {
		parts = append(parts, c.Diagnosis...)
	}
	for _, f := range r.Lint {
		parts = append(parts, f.Message)
	}
	return strings.Join(parts, "\n"), nil
}

func jsonString(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
