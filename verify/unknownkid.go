package verify

import (
	"errors"
	"slices"

	"github.com/oidcscope/oidcscope/decode"
)

// missingKey reports whether err from the kid lookup means the set simply
// lacks the token's key: a rotated or another issuer's key, which cannot
// check the signature and so leaves it unverified. A kid naming a key the
// set refused (an "oct" secret, a small-order key) is not that: whoever
// reads the set can forge with it, so that token stays invalid.
func missingKey(ks *KeySet, kid string, err error) bool {
	return errors.Is(err, ErrUnknownKID) && !slices.Contains(ks.refusedKIDs, kid)
}

// keysRotate says, for GitHub's issuer, why its kid can be missing: GitHub
// rotates its keys, so a saved set goes stale. A set fetched just now is
// current, and then only the rotation is worth saying.
func keysRotate(tok *decode.Token, ks *KeySet) string {
	iss, ok := tok.Payload.Get("iss")
	if !ok || iss.Kind != decode.String || !IsGitHubIssuer(iss.Text) {
		return ""
	}
	if ks.Kind == SourceJWKSURL || ks.Kind == SourceDiscovery {
		return ": keys rotate, and a token signed with a retired key cannot be checked"
	}
	return ": keys rotate; fetch the current set"
}
