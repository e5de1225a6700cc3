package fetchrun

import (
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/verify"
)

func TestGHESDiscovery(t *testing.T) {
	sign := func(iss string) string {
		tok, err := fixtures.SignPayload([]byte(`{"iss":"`+iss+`","sub":"repo:o/r:ref:refs/heads/main"}`), nil)
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}
	const server = "https://ghes.example.com"
	for _, tc := range []struct {
		name   string
		src    verify.Source
		server string
		iss    string
		want   bool
	}{
		{"this job's GHES issuer", verify.Source{}, server, server + "/_services/token", true},
		{"GITHUB_SERVER_URL with a trailing slash", verify.Source{}, server + "/", server + "/_services/token", true},
		{"another server's issuer", verify.Source{}, server, "https://other.example.com/_services/token", false},
		{"github.com: discovered anyway", verify.Source{}, "https://github.com", "https://token.actions.githubusercontent.com", false},
		{"--offline", verify.Source{Offline: true}, server, server + "/_services/token", false},
		{"an explicit key source", verify.Source{JWKS: "jwks.json"}, server, server + "/_services/token", false},
		{"no GITHUB_SERVER_URL", verify.Source{}, "", "/_services/token", false},
		{"an http server", verify.Source{}, "http://ghes.example.com", "http://ghes.example.com/_services/token", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			note := GHESDiscovery(tc.src, sign(tc.iss), func(k string) string {
				if k == "GITHUB_SERVER_URL" {
					return tc.server
				}
				return ""
			})
			if (note != "") != tc.want {
				t.Errorf("GHESDiscovery = %q, want discovery %v", note, tc.want)
			}
		})
	}
}
