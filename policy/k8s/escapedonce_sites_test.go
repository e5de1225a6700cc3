package k8s

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// These tests feed the hostile values through every message that quotes
// a value from a token, a document or a flag: the message holds it raw
// between quotes, and the view escapes it once. kube-apiserver's copied
// wordings ("Duplicate value: "…"", "Invalid value: "…": …") keep their
// words; only the value inside is quoted once.

// docErrs are the validation problems of a one-policy document.
func docErrs(t *testing.T, text string) string {
	t.Helper()
	p, ok := parseOne(t, text).(*k8sPolicy)
	if !ok {
		t.Fatalf("Parse gave %T", p)
	}
	return strings.Join(p.errs, "\n")
}

// resultText is every line of a result a view shows.
func resultText(r policy.Result) string {
	var b strings.Builder
	b.WriteString(r.Summary + "\n" + r.Error + "\n")
	for _, c := range r.Conditions {
		b.WriteString(c.Actual + "\n" + strings.Join(c.Diagnosis, "\n") + "\n")
	}
	for _, f := range r.Lint {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

// jwtEntry is one jwt[] entry with the issuer fields given.
func jwtEntry(issuer string) string {
	return "- issuer:\n    url: " + issuer + "\n    audiences: [\"https://k8s.example.com\"]\n" + userSub
}

func TestDocumentValuesQuotedOnce(t *testing.T) {
	head := "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n"
	extra := func(keys ...string) string {
		s := issuerAud + "  claimMappings:\n    username:\n      expression: \"claims.sub\"\n    extra:\n"
		for _, k := range keys {
			s += "    - key: " + yamlQuote(k) + "\n      valueExpression: \"claims.sub\"\n"
		}
		return doc(s)
	}
	escapetest.Each(t, func(t *testing.T, v string) {
		q := yamlQuote(v)
		cases := []struct {
			path, doc, want string
		}{
			{"duplicate issuer url", head + jwtEntry(q) + jwtEntry(q), v},
			{"duplicate audience", doc("  issuer:\n    url: " + ghIssuer + "\n    audiences: [" + q + ", " + q + "]\n    audienceMatchPolicy: MatchAny\n" + userSub), v},
			{"audienceMatchPolicy, several audiences", doc("  issuer:\n    url: " + ghIssuer + "\n    audiences: [a, b]\n    audienceMatchPolicy: " + q + "\n" + userSub), v},
			{"audienceMatchPolicy, one audience", doc("  issuer:\n    url: " + ghIssuer + "\n    audiences: [a]\n    audienceMatchPolicy: " + q + "\n" + userSub), v},
			{"egress selector", doc("  issuer:\n    url: " + ghIssuer + "\n    audiences: [a]\n    egressSelectorType: " + q + "\n" + userSub), v},
			{"duplicate discoveryURL", head + jwtEntry("https://a.example.com\n    discoveryURL: "+q) + jwtEntry("https://b.example.com\n    discoveryURL: "+q), v},
			{"duplicate claim", doc(issuerAud + "  claimValidationRules:\n  - claim: " + q + "\n    requiredValue: a\n  - claim: " + q + "\n    requiredValue: b\n" + userSub), v},
			{"duplicate expression", doc(issuerAud + "  claimValidationRules:\n  - expression: " + q + "\n  - expression: " + q + "\n" + userSub), v},
			{"duplicate user rule", doc(issuerAud + userSub + "  userValidationRules:\n  - expression: " + q + "\n  - expression: " + q + "\n"), v},
			{"extra key without a path", extra(v), v},
			{"extra key domain", extra(v + "/x"), v},
			{"extra key path", extra("acme.io/" + v), v},
			{"extra key uppercase", extra("Acme.io/" + v), "Acme.io/" + v},
			{"extra key reserved", extra("k8s.io/" + v), "k8s.io/" + v},
			{"duplicate extra key", extra("acme.io/"+v, "acme.io/"+v), "acme.io/" + v},
			{"email_verified", doc(issuerAud + "  claimMappings:\n    username:\n      expression: " + yamlQuote("claims.email + "+celclaims.Quote(v)) + "\n"), "claims.email + " + celclaims.Quote(v)},
		}
		for _, c := range cases {
			escapetest.WantQuotedOnce(t, c.path, docErrs(t, c.doc), c.want)
		}
	})
}

func TestDecodeValuesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		q := yamlQuote(v)
		cases := []struct{ path, doc, want string }{
			{"kind", "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: " + q + "\njwt: []\n", v},
			{"apiVersion", "apiVersion: " + q + "\nkind: AuthenticationConfiguration\njwt: []\n", v},
			{"unknown field", doc(issuerAud+userSub) + q + ": x\n", v},
			{"duplicate field", "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\n" + q + ": 1\n" + q + ": 2\njwt: []\n", v},
		}
		for _, c := range cases {
			_, err := New().Parse("test.yaml", []byte(c.doc))
			if err == nil {
				t.Fatalf("%s: Parse accepted\n%s", c.path, c.doc)
			}
			escapetest.WantQuotedOnce(t, c.path, err.Error(), c.want)
		}
	})
}

func TestEvaluationValuesQuotedOnce(t *testing.T) {
	rule := func(expr string) string {
		return doc(issuerAud + "  claimValidationRules:\n  - expression: " + yamlQuote(expr) + "\n" + userSub)
	}
	raw := func(s string) json.RawMessage { return json.RawMessage(s) }
	escapetest.Each(t, func(t *testing.T, v string) {
		q := yamlQuote(v)
		lit := celclaims.Quote(v)
		ref := map[string]string{"ref": v}
		cases := []struct {
			path, doc string
			tok       policy.Token
			want      string
		}{
			{"endsWith, the claim", rule("claims.ref.endsWith('x')"), k8sPushMain(t, ref), v},
			{"endsWith, the literal", rule("claims.ref.endsWith(" + lit + ")"), k8sPushMain(t, nil), v},
			{"not a string, compared with a string", rule("claims.run_number == " + lit), policytestWith(t, map[string]any{"aud": "https://k8s.example.com", "run_number": raw("128")}), v},
			{"equality", rule("claims.ref == 'refs/heads/main'"), k8sPushMain(t, ref), v},
			{"compared with a number", rule("claims.ref == 5"), k8sPushMain(t, ref), v},
			{"compared with a boolean", rule("claims.ref == true"), k8sPushMain(t, ref), v},
			{"in a list", rule("claims.ref in ['a', 'b']"), k8sPushMain(t, ref), v},
			{"reads line", rule("claims.ref.size() == 0"), k8sPushMain(t, ref), v},
			{"escaped claim name", rule("claims[" + celclaims.Quote("x__dot__"+v) + "] == 'a'"), k8sPushMain(t, nil), "x." + v},
			{"claim rule, the value", doc(issuerAud + "  claimValidationRules:\n  - claim: ref\n    requiredValue: refs/heads/x\n" + userSub), k8sPushMain(t, ref), v},
			{"claim rule, requiredValue", doc(issuerAud + "  claimValidationRules:\n  - claim: ref\n    requiredValue: " + q + "\n" + userSub), k8sPushMain(t, nil), v},
			{"mapped user", doc(issuerAud + "  claimMappings:\n    username:\n      expression: claims.sub\n    uid:\n      expression: claims.ref\n  userValidationRules:\n  - expression: \"user.username == 'x'\"\n"), k8sPushMain(t, ref), v},
			{"mapped username", doc(issuerAud + "  claimMappings:\n    username:\n      expression: claims.ref\n"), k8sPushMain(t, ref), v},
			{"username claim absent", doc(issuerAud + "  claimMappings:\n    username:\n      claim: " + q + "\n      prefix: \"\"\n"), k8sPushMain(t, nil), v},
			{"username claim not a string", doc(issuerAud + "  claimMappings:\n    username:\n      claim: " + q + "\n      prefix: \"\"\n"), policytestWith(t, map[string]any{"aud": "https://k8s.example.com", v: raw("5")}), v},
			{"groups claim of numbers", doc(issuerAud + userSub + "    groups:\n      claim: " + q + "\n      prefix: \"\"\n"), policytestWith(t, map[string]any{"aud": "https://k8s.example.com", v: raw("[5]")}), v},
			{"issuer with a trailing slash", doc("  issuer:\n    url: " + yamlQuote("https://x.example.com/"+v+"/") + "\n    audiences: [a]\n" + userSub), k8sPushMain(t, map[string]string{"iss": "https://x.example.com/" + v}), "https://x.example.com/" + v + "/"},
			{"issuer extended", doc("  issuer:\n    url: " + yamlQuote("https://x.example.com/"+v) + "\n    audiences: [a]\n" + userSub), k8sPushMain(t, map[string]string{"iss": "https://x.example.com/" + v + "/ent"}), "https://x.example.com/" + v},
		}
		for _, c := range cases {
			r := parseOne(t, c.doc).Evaluate(c.tok)
			escapetest.WantQuotedOnce(t, c.path, resultText(r), c.want)
		}
	})
}

// policytestWith is push-main with changes that may be JSON.
func policytestWith(t *testing.T, changes map[string]any) policy.Token {
	t.Helper()
	return policytest.FixtureWith(t, "push-main", changes)
}

func TestUnitValuesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		escapetest.WantQuotedOnce(t, "audience note", audienceNote(v), v)
		_, err := New().Suggest(k8sPushMain(t, nil), policy.Scope(v))
		if err == nil {
			t.Fatal("Suggest accepted an unknown scope")
		}
		escapetest.WantQuotedOnce(t, "unknown scope", err.Error(), v)
		e := claimToVal(v, decode.Value{Kind: decode.Number, Text: "1e999"})
		escapetest.WantQuotedOnce(t, "claim failed to unmarshal", fmt.Sprint(e), v)
	})
}
