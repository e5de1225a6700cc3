package claims

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/internal/setting"
)

// What a token says about its issuer is only a claim. GitHub's own hosts
// (github.com's issuer, its enterprise-slug form, GHE.com) name GitHub
// whoever minted the token, and nothing else is needed to link to them;
// a self-hosted issuer (GitHub Enterprise Server, https://HOST/_services/token)
// may name any host, so until the signature is verified with keys for it
// the deployment is labelled as claimed and no link points at its host.

// gitHubHost is the host of GitHub's issuer; a longer host that starts
// with it and a dot (token.actions.githubusercontent.com.evil.example) is
// a look-alike, never GitHub.
const gitHubHost = "token.actions.githubusercontent.com"

// claimedLabel is appended to the variant of an unverified self-hosted
// issuer, so every view that names the deployment says it is unproven.
const claimedLabel = ", as claimed: issuer not verified"

// issuerHost is the lower-cased host of an issuer URL, without a port.
func issuerHost(iss string) string {
	_, rest, ok := strings.Cut(iss, "://")
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.LastIndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	return strings.ToLower(rest)
}

// gitHubLookalike reports an issuer whose host starts with GitHub's issuer
// host and a dot.
func gitHubLookalike(iss string) bool {
	return strings.HasPrefix(issuerHost(iss), gitHubHost+".")
}

// issuerRisks are the highlights of iss that come from the issuer's trust.
func issuerRisks(iss string, m matched, verified bool, say setting.Names) []Highlight {
	switch {
	case gitHubLookalike(iss):
		return []Highlight{{ReasonRisk, "the issuer's host starts with " + gitHubHost + " but is another host: a look-alike of GitHub's issuer, so this is not a GitHub token, and no link is made to its host"}}
	case m.selfHosted && !verified:
		how := say.Pick("verify with its keys to trust it", "verify with its keys (%s, or %s) to trust it", setting.JWKS, setting.Discover)
		return []Highlight{{ReasonRisk, fmt.Sprintf(
			"a self-hosted issuer (%s) whose signature was not verified: any host can mint a token that claims to be one, so the deployment is shown as claimed and no link is made to its host; %s", m.variant, how)}}
	}
	return nil
}

// profileRef names the matched profile; an unverified self-hosted
// deployment is labelled as claimed.
func profileRef(m matched, verified bool) ProfileRef {
	ref := ProfileRef{ID: m.profile.ID, Name: m.profile.Name, Variant: m.variant}
	if m.selfHosted && !verified {
		ref.Variant += claimedLabel
		ref.IssuerUnverified = true
	}
	return ref
}
