package actions

import (
	"errors"
	"net/url"
	"testing"
)

func TestTokenURL(t *testing.T) {
	for _, tc := range []struct {
		name, endpoint, audience, want string
	}{
		{"the runner's URL has a query: &", "https://pipelines.example/abc/idtoken?api-version=2.0", "sts.amazonaws.com",
			"https://pipelines.example/abc/idtoken?api-version=2.0&audience=sts.amazonaws.com"},
		{"no query: ?", "https://pipelines.example/idtoken", "sts.amazonaws.com",
			"https://pipelines.example/idtoken?audience=sts.amazonaws.com"},
		{"a bare ? counts as no query", "https://pipelines.example/idtoken?", "x",
			"https://pipelines.example/idtoken?audience=x"},
		{"the audience is query-escaped", "https://pipelines.example/t?api-version=2.0", "api://AzureADTokenExchange",
			"https://pipelines.example/t?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange"},
		{"& = # and spaces cannot add parameters", "https://pipelines.example/t?a=1", "x&audience=evil #frag",
			"https://pipelines.example/t?a=1&audience=x%26audience%3Devil+%23frag"},
		{"the existing query is kept byte for byte", "https://pipelines.example/t?b=2&a=%2f", "x",
			"https://pipelines.example/t?b=2&a=%2f&audience=x"},
		{"no audience: GitHub's default, no parameter", "https://pipelines.example/t?api-version=2.0", "",
			"https://pipelines.example/t?api-version=2.0"},
		{"http to loopback (a test runner)", "http://127.0.0.1:8080/t", "a", "http://127.0.0.1:8080/t?audience=a"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, err := TokenURL(tc.endpoint, tc.audience)
			if err != nil {
				t.Fatal(err)
			}
			if got := u.String(); got != tc.want {
				t.Errorf("TokenURL = %s, want %s", got, tc.want)
			}
			if q, _ := url.ParseQuery(u.RawQuery); tc.audience != "" && (len(q["audience"]) != 1 || q.Get("audience") != tc.audience) {
				t.Errorf("the query %q does not read back audience %q: %v", u.RawQuery, tc.audience, q["audience"])
			}
		})
	}
}

func TestTokenURLRefused(t *testing.T) {
	for _, endpoint := range []string{
		"http://pipelines.example/t", // clear text over a network
		"https://user:pw@pipelines.example/t",
		"https:///no-host",
		"ftp://pipelines.example/t",
		"://bad",
	} {
		if _, err := TokenURL(endpoint, "a"); !errors.Is(err, ErrEndpointURL) {
			t.Errorf("TokenURL(%q) = %v, want ErrEndpointURL", endpoint, err)
		}
	}
}
