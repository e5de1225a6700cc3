package policy

import (
	"regexp"
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
