package gcp

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

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

// TestHostileValuesQuotedOnce: the problems, diagnoses and lint messages
// that quote a document's or a token's value hold it raw between quotes
// (escape.Quoted), so the view escapes it once; Google Cloud's own
// wording ("Error 400: …") stays as it is.
func TestHostileValuesQuotedOnce(t *testing.T) {
	mapping := `"attributeMapping": {"google.subject": "assertion.sub"}`
	escapetest.Each(t, func(t *testing.T, v string) {
		q := jsonString(v)
		cases := []struct {
			path, doc string
			tok       policy.Token
			want      string
		}{
			{"provider name", `{"name": ` + q + `, "oidc": {"issuerUri": "` + ghIssuer + `"}, ` + mapping + `}`, fixtureToken(t, "push-main"), v},
			{"mapping key", providerDoc(`"attributeMapping": {"google.subject": "assertion.sub", ` + q + `: "assertion.ref"}`), fixtureToken(t, "push-main"), v},
			{"attribute key", providerDoc(`"attributeMapping": {"google.subject": "assertion.sub", ` + jsonString("attribute."+v) + `: "assertion.ref"}`), fixtureToken(t, "push-main"), v},
			{"GitHub's default audience", providerDoc(mapping), with(t, "push-main", map[string]any{"aud": "https://github.com/" + v}), "https://github.com/" + v},
			{"audience to request", providerDoc(mapping), with(t, "push-main", map[string]any{"aud": v}), v},
			{"condition reading no claim", providerDoc(mapping + `, "attributeCondition": ` + jsonString(celclaims.Quote(v)+" == 'a'")), fixtureToken(t, "push-main"), celclaims.Quote(v) + " == 'a'"},
		}
		for _, c := range cases {
			r := parseOne(t, c.doc).Evaluate(c.tok)
			escapetest.WantQuotedOnce(t, c.path, resultText(r), c.want)
		}
		_, err := New().Suggest(fixtureToken(t, "push-main"), policy.Scope(v))
		if err == nil {
			t.Fatal("Suggest accepted an unknown scope")
		}
		escapetest.WantQuotedOnce(t, "unknown scope", err.Error(), v)
	})
}
