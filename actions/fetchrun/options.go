package fetchrun

import (
	"strings"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// TokenOptions are the pipeline's options for one fetched token: base
// (the checks and key source every token gets) with the token, its
// policies, its audience as the expected aud, and a note on where it came
// from. getenv reads the job's environment (GITHUB_SERVER_URL).
func TokenOptions(base inspect.Options, p Plan, token string, getenv func(string) string) inspect.Options {
	o := base
	o.Input = []byte(token)
	o.Policies = nil // an inspect.Policies holding a nil *Set would not be nil
	if set := PolicySet(p.Policies); set != nil {
		o.Policies = set
	}
	o.Audiences = nil
	if p.Audience != "" {
		o.Audiences = []string{p.Audience}
	}
	note := "fetched from the job's token endpoint"
	if p.Audience != "" {
		note += " for audience " + p.Audience
	}
	o.Notes = append(append([]string(nil), base.Notes...), note+": "+p.Why)
	if ghes := GHESDiscovery(o.Source, token, getenv); ghes != "" {
		o.Source.Discover = true
		o.Notes = append(o.Notes, ghes)
	}
	return o
}

// GHESDiscovery turns on OIDC discovery for a GitHub Enterprise Server
// token. Its issuer, https://HOST/_services/token, is not one oidcscope
// discovers unasked (any host could claim that path), but a token the
// job's own runner handed over, whose issuer is the job's own server
// (GITHUB_SERVER_URL), is vouched for by the runner. It returns the note to
// add to the report, or "" when nothing changes: an explicit key source,
// --offline, or an issuer discovered anyway.
func GHESDiscovery(src verify.Source, token string, getenv func(string) string) string {
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
