package main

import (
	"strings"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/verify"
)

// ghesDiscovery turns on OIDC discovery for a GitHub Enterprise Server
// token. Its issuer, https://HOST/_services/token, is not one oidcscope
// discovers unasked (any host could claim that path), but a token the
// job's own runner handed over, whose issuer is the job's own server
// (GITHUB_SERVER_URL), is vouched for by the runner. It returns the note to
// add to the report, or "" when nothing changes: an explicit key source,
// --offline, or an issuer discovered anyway.
func ghesDiscovery(src verify.Source, token string, getenv env) string {
	if src.Offline || src.Explicit() {
		return ""
	}
	server := strings.TrimSuffix(getenv(actions.EnvServerURL), "/")
	if !strings.HasPrefix(server, "https://") {
		return ""
	}
	tok, err := decode.Decode([]byte(token), 0)
	if err != nil {
		return ""
	}
	iss, _ := tok.Payload.Str("iss")
	if verify.IsGitHubIssuer(iss) || iss != server+"/_services/token" {
		return ""
	}
	return "the issuer is this job's own GitHub Enterprise Server (" + actions.EnvServerURL + "): its keys are fetched by OIDC discovery"
}
