package policy

import (
	"regexp"
	"slices"
	"strings"
)

// AudienceOf is the provider, other than self, whose login step requests
// aud by default (the provider table's Audience; a <placeholder> in it
// stands for one path segment).
func AudienceOf(self, aud string) (ProviderInfo, bool) {
	for _, p := range providerTable {
		if p.ID != self && p.Audience != "" && audienceFits(p.Audience, aud) {
			return p.clone(), true
		}
	}
	return ProviderInfo{}, false
}

// ForAnotherProvider reports whether every one of auds (at least one) is
// another provider's default audience: the workflow requested the token
// for that provider, a refusal that is the token's side (TokenSide) and
// that no change to self's document should undo.
func ForAnotherProvider(self string, auds []string) bool {
	for _, a := range auds {
		if _, ok := AudienceOf(self, a); !ok {
			return false
		}
	}
	return len(auds) > 0
}

// NotMeantFor reports whether tok, whose audiences are auds, was requested
// for a service other than self: every aud (at least one) is another
// provider's default audience (ForAnotherProvider) or GitHub's default,
// the owner's URL a workflow gets when it asks for no audience, unless
// self's documentation binds that one (bindsGitHubDefault). Either way the
// refusal is the token's side (TokenSide): the workflow should request
// self's audience, and no change to self's document should accept tokens
// minted for someone else.
func NotMeantFor(self string, tok Token, auds []string) bool {
	github := bindsGitHubDefault(self)
	def := GitHubDefaultAudiences(tok)
	for _, a := range auds {
		if _, ok := AudienceOf(self, a); ok || !github && slices.Contains(def, a) {
			continue
		}
		return false
	}
	return len(auds) > 0
}

// GitHubDefaultAudiences are the aud GitHub gives tok when the workflow
// asks for none: the URL of the repository owner, https://github.com/<owner>,
// and on GHES (issuer https://HOST/_services/token) https://HOST/<owner>.
// None when the token names no owner.
func GitHubDefaultAudiences(tok Token) []string {
	owner, ok := tok.String("repository_owner")
	if !ok || owner == "" || tok.Duplicated("repository_owner") {
		return nil
	}
	out := []string{"https://github.com/" + owner}
	iss, _ := tok.String("iss")
	if rest, ok := strings.CutPrefix(iss, "https://"); ok {
		if host, ok := strings.CutSuffix(rest, "/_services/token"); ok && host != "" && !strings.Contains(host, "/") {
			out = append(out, "https://"+host+"/"+owner)
		}
	}
	return out
}

// bindsGitHubDefault reports whether self's documentation binds GitHub's
// default audience: Vault's (a role binds the owner's URL, and
// hashicorp/vault-action requests it when its jwtGithubAudience input is
// empty). Elsewhere a provider's login step requests its own audience,
// or the user picks one (Kubernetes), so the owner's URL means the
// workflow asked for none.
func bindsGitHubDefault(self string) bool {
	return self == Vault
}

// placeholder is a <name> in a provider's default audience.
var placeholder = regexp.MustCompile(`<[a-z]+>`)

// audienceFits reports whether aud is the audience template, each
// placeholder filled with one non-empty path segment.
func audienceFits(template, aud string) bool {
	if !strings.Contains(template, "<") {
		return template == aud
	}
	parts := placeholder.Split(template, -1)
	for i, part := range parts {
		rest, ok := strings.CutPrefix(aud, part)
		if !ok {
			return false
		}
		aud = rest
		if i == len(parts)-1 {
			return aud == ""
		}
		// The segment that fills the placeholder runs to the next '/' (or
		// the end): it must not be empty.
		end := strings.IndexByte(aud, '/')
		if end < 0 {
			end = len(aud)
		}
		if end == 0 {
			return false
		}
		aud = aud[end:]
	}
	return aud == ""
}
