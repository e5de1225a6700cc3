package oidcprovider

import (
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const (
	ghPath = "token.actions.githubusercontent.com"
	ghIss  = "https://" + ghPath
)

// getOutput is get-open-id-connect-provider output for url with these
// client IDs and the two GitHub thumbprints of 2023.
func getOutput(t testing.TB, url string, clientIDs ...string) string {
	t.Helper()
	b, err := json.Marshal(map[string]any{"Url": url, "ClientIDList": clientIDs,
		"ThumbprintList": []string{"6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"},
		"CreateDate":     "2023-03-14T09:26:53+00:00", "Tags": []any{}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// listOutput is list-open-id-connect-providers output naming these ARNs.
func listOutput(t testing.TB, arns ...string) string {
	t.Helper()
	items := make([]map[string]string, len(arns))
	for i, a := range arns {
		items[i] = map[string]string{"Arn": a}
	}
	b, err := json.Marshal(map[string]any{"OpenIDConnectProviderList": items})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// token is a claim set given as Go values (nil leaves a claim out).
func token(t testing.TB, claims map[string]any) policy.Token {
	t.Helper()
	m := map[string]any{}
	for k, v := range claims {
		if v != nil {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return policytest.Payload(t, string(b))
}

// ghToken is a GitHub token with this aud (a string or []string).
func ghToken(t testing.TB, aud any) policy.Token {
	return token(t, map[string]any{"iss": ghIss, "aud": aud, "sub": "repo:octo-org/octo-repo:ref:refs/heads/main"})
}

func parseOne(t testing.TB, doc string) policy.Policy {
	t.Helper()
	return policytest.ParseOne(t, New(), "idp.json", doc)
}
