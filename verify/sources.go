package verify

import (
	"context"
	"fmt"
	"net/url"

	"github.com/oidcscope/oidcscope/decode"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// Source says where keys may come from. At most one explicit source is used,
// in this order: JWKS, KeyFile, SecretFile, Secret; then discovery.
type Source struct {
	JWKS       string // file path or https URL of a JWK Set or JWK
	KeyFile    string // PEM or JWK file
	SecretFile string // raw HMAC secret file
	Secret     []byte // raw HMAC secret (OIDCSCOPE_SECRET)
	Discover   bool   // OIDC discovery for any issuer, not only GitHub's
	// Issuer is the issuer the user typed (--issuer). With Discover, a
	// token whose iss is exactly this may be discovered on loopback (a
	// local test issuer); no other issuer ever is.
	Issuer  string
	Offline bool // no network at all
	// Names words the settings that messages point to, such as the
	// command layer's flags; nil leaves them neutral.
	Names   setting.Names
	Fetcher Fetcher
	// ReadFile reads key files; nil means reading regular files of at most
	// 1 MiB (readKeyFile). Tests substitute it.
	ReadFile func(string) ([]byte, error)
}

// Explicit reports whether the user named a key source. A failing explicit
// source is a usage error; failing automatic discovery only leaves the
// signature unverified.
func (s Source) Explicit() bool {
	return s.JWKS != "" || s.KeyFile != "" || s.SecretFile != "" || s.Secret != nil || s.Discover
}

// WillDiscover reports whether Load would go to the network for tok's
// issuer, so a UI can show a spinner before calling it.
func (s Source) WillDiscover(tok *decode.Token) bool {
	if s.Offline || s.JWKS != "" || s.KeyFile != "" || s.SecretFile != "" || s.Secret != nil {
		return false
	}
	// Fetch keys only for a token they could verify: a signed compact JWS.
	if tok.Kind != decode.KindJWS || tok.StructuralError() != nil {
		return false
	}
	iss, _ := tok.Payload.Str("iss")
	return iss != "" && (s.Discover || IsGitHubIssuer(iss))
}

// UsesNetwork reports whether Load would fetch anything for tok: a JWKS
// URL, or discovery.
func (s Source) UsesNetwork(tok *decode.Token) bool {
	if s.Offline {
		return false
	}
	return isURL(s.JWKS) || s.WillDiscover(tok)
}

// Load returns the keys for tok, or nil with a nil error when there is no
// key source at all (the signature is then unverified).
func (s Source) Load(ctx context.Context, tok *decode.Token) (*KeySet, error) {
	read := s.ReadFile
	if read == nil {
		read = readKeyFile
	}
	switch {
	case s.JWKS != "":
		if isURL(s.JWKS) {
			if s.Offline {
				return nil, fmt.Errorf("%w: %s %s is a URL but %s is set", ErrKeySource,
					s.Names.Name(setting.JWKS), excerpt(s.JWKS, urlExcerpt), s.Names.Name(setting.Offline))
			}
			// The user typed this URL: its host may be an address, even a
			// private or link-local one, and its origin may be loopback;
			// redirects elsewhere get every check.
			body, err := s.Fetcher.get(ctx, s.JWKS, s.typed(s.JWKS))
			if err != nil {
				return nil, fmt.Errorf("%w: %w", ErrKeySource, err)
			}
			return parseJWKS(body, SourceJWKSURL, s.JWKS, s.Names)
		}
		data, err := read(s.JWKS)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrKeySource, s.Names.Name(setting.JWKS), err)
		}
		return parseJWKS(data, SourceJWKSFile, s.JWKS, s.Names)
	case s.KeyFile != "":
		data, err := read(s.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrKeySource, s.Names.Name(setting.Key), err)
		}
		return parseKeyFile(data, s.KeyFile, s.Names)
	case s.SecretFile != "":
		data, err := read(s.SecretFile)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrKeySource, s.Names.Name(setting.SecretFile), err)
		}
		return newSecret(data, s.SecretFile, s.Names)
	case s.Secret != nil:
		return newSecret(s.Secret, s.Names.Name(setting.SecretEnv), s.Names)
	}
	if s.Discover && s.Offline {
		return nil, fmt.Errorf("%w: %w by %s", ErrKeySource, ErrDiscoveryOffline, s.Names.Name(setting.Offline))
	}
	if !s.WillDiscover(tok) {
		return nil, nil
	}
	iss, _ := tok.Payload.Str("iss")
	doc, err := s.Fetcher.discover(ctx, iss, s.discoveryNames(iss))
	if err != nil {
		return nil, fmt.Errorf("%w: discovery for %s: %w", ErrKeySource, quoted(iss), err)
	}
	body, err := s.Fetcher.get(ctx, doc.JWKSURI, s.discoveryNames(iss))
	if err != nil {
		return nil, fmt.Errorf("%w: discovery for %s: %w", ErrKeySource, quoted(iss), err)
	}
	return parseJWKS(body, SourceDiscovery, doc.JWKSURI, s.Names)
}

// discoveryNames is what discovery for iss treats as named by the user.
// --discover names the issuer's host ("unless --discover names them
// explicitly", issue 6), but not its origin: the issuer came from the
// token, and only an issuer the user typed (--issuer) may be on loopback.
// Automatic discovery of GitHub's issuers names nothing: its document,
// jwks_uri and redirects get every check.
func (s Source) discoveryNames(iss string) named {
	if !s.Discover {
		return named{say: s.Names}
	}
	n := s.typed(iss)
	if s.Issuer == "" || s.Issuer != iss {
		n.origin = origin{}
	}
	return n
}

// typed is what raw, typed by the user, names, with the user's words for
// the settings a refusal points to.
func (s Source) typed(raw string) named {
	n := typed(raw)
	n.say = s.Names
	return n
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}

// gitHubIssuer matches the issuers GitHub Actions uses (reference §1.2):
// github.com with an optional enterprise slug, and GHE.com data residency
// with an optional slug. GHES issuers are customer hosts and need --discover.
var gitHubIssuer = lazyre.New(`^https://token\.actions\.(?:githubusercontent\.com|[a-z0-9][a-z0-9-]*\.ghe\.com)(?:/[A-Za-z0-9][A-Za-z0-9_.-]*)?$`)

// IsGitHubIssuer reports whether iss is a GitHub Actions issuer whose keys
// are fetched automatically.
func IsGitHubIssuer(iss string) bool {
	return gitHubIssuer().MatchString(iss)
}
