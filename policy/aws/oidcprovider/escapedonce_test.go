package oidcprovider

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
)

// TestHostileValuesQuotedOnce: the token's iss and aud, a document's
// client IDs, keys and ARNs, and STS's answer that carries the issuer
// stand in summaries, diagnoses and parse errors raw between double
// quotes, so the view escapes them once; Answer still returns STS's
// answer word for word.
func TestHostileValuesQuotedOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		host := "issuer.example/" + v
		iss := "https://" + host
		tok := token(t, map[string]any{"iss": iss, "aud": "sts.amazonaws.com"})
		refusal := noProvider(iss)

		// The token's iss is not an https URL.
		res := parseOne(t, getOutput(t, ghPath, "sts.amazonaws.com")).Evaluate(token(t, map[string]any{"iss": v, "aud": "sts.amazonaws.com"}))
		escapetest.WantQuotedOnce(t, "iss not https", shownAll(res), v)

		// No provider for the token's issuer: list output, get output
		// for another issuer, and a trust policy's principals.
		res = parseOne(t, listOutput(t, "arn:aws:iam::111122223333:oidc-provider/gitlab.com")).Evaluate(tok)
		escapetest.WantQuotedOnce(t, "list summary", res.Summary, refusal)
		escapetest.WantQuotedOnce(t, "list diagnosis", diagnoses(res), refusal)
		wantAnswer(t, "list", res, refusal)

		res = parseOne(t, getOutput(t, "gitlab.com", "sts.amazonaws.com")).Evaluate(tok)
		escapetest.WantQuotedOnce(t, "get output for another issuer", diagnoses(res), refusal)

		known := Collect([]policy.Policy{parseOne(t, listOutput(t, "arn:aws:iam::111122223333:oidc-provider/gitlab.com"))})
		fp := Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: "arn:aws:iam::111122223333:oidc-provider/" + host, Partition: "aws", Account: "111122223333", Provider: host}
		for _, p := range []struct {
			name string
			fp   Principal
		}{{"named", fp}, {"every provider", Principal{Statement: "Statement[0] Allow", Effect: "Allow", ARN: "*"}}} {
			res = policy.Result{Provider: policy.AWS, Verdict: policy.Allow, Summary: "allowed"}
			known.CheckTrust(&res, []Principal{p.fp}, tok)
			escapetest.WantQuotedOnce(t, "trust summary, principal "+p.name, res.Summary, refusal)
			escapetest.WantQuotedOnce(t, "trust diagnosis, principal "+p.name, diagnoses(res), refusal)
			wantAnswer(t, "trust policy, principal "+p.name, res, refusal)
		}

		// The token's aud is not a client ID, or differs only in case.
		res = parseOne(t, getOutput(t, ghPath, "sts.amazonaws.com")).Evaluate(ghToken(t, v))
		escapetest.WantQuotedOnce(t, "aud summary", res.Summary, v)
		escapetest.WantQuotedOnce(t, "aud diagnosis", diagnoses(res), v)
		res = parseOne(t, getOutput(t, ghPath, "sts.amazonaws.com")).Evaluate(ghToken(t, []string{v, "x"}))
		escapetest.WantShownOnce(t, "aud array summary", res.Summary, "aud ["+escape.Quoted(v)+`,"x"]`)
		res = parseOne(t, getOutput(t, ghPath, strings.ToUpper(v))).Evaluate(ghToken(t, v))
		escapetest.WantQuotedOnce(t, "aud differs in case", diagnoses(res), v)
		escapetest.WantQuotedOnce(t, "client ID differs in case", diagnoses(res), strings.ToUpper(v))
		escapetest.WantQuotedOnce(t, "client-ID list in the summary", res.Summary, strings.ToUpper(v))

		// Parse errors quote the document's key, ARN or string.
		key := jsonString(t, v)
		for _, tt := range []struct{ path, doc string }{
			{"duplicate key", `{"Url":"` + ghPath + `",` + key + `:1,` + key + `:2}`},
			{"not an ARN", listOutput(t, v)},
			{"an item that is a string", `{"OpenIDConnectProviderList":[` + key + `]}`},
			{"no provider fields", `{` + key + `:1}`},
		} {
			_, err := New().Parse("idp.json", []byte(tt.doc))
			if err == nil {
				t.Errorf("%s: parsed without an error", tt.path)
				continue
			}
			escapetest.WantQuotedOnce(t, tt.path, err.Error(), v)
		}
	})
}

func wantAnswer(t *testing.T, path string, res policy.Result, want string) {
	t.Helper()
	if got, found := Answer(res); got != want || !found {
		t.Errorf("%s: Answer = %q, %v; want %q, true\nsummary: %s", path, got, found, want, res.Summary)
	}
}

func diagnoses(res policy.Result) string {
	var b strings.Builder
	for _, c := range res.Conditions {
		b.WriteString(strings.Join(c.Diagnosis, "\n") + "\n")
	}
	return b.String()
}

func shownAll(res policy.Result) string { return res.Summary + "\n" + diagnoses(res) }

func jsonString(t *testing.T, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
