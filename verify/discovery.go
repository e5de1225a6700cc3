package verify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

const wellKnownPath = "/.well-known/openid-configuration"

// Discovery is the part of an OpenID Provider configuration oidcscope uses.
type Discovery struct {
	Issuer  string   `json:"issuer"`
	JWKSURI string   `json:"jwks_uri"`
	Algs    []string `json:"id_token_signing_alg_values_supported"`
	URL     string   `json:"-"` // the discovery URL that was fetched
}

// Discover fetches issuer + "/.well-known/openid-configuration" (one trailing
// "/" of issuer is stripped first, per OIDC Discovery §4), requires the
// document's "issuer" to equal issuer byte for byte, and returns the document.
// Nothing counts as named by the user: Source.Load names the issuer's host
// when --discover is given.
//
// Every problem with the document itself matches ErrDiscovery; an issuer
// mismatch also matches ErrIssuerMismatch and a jwks_uri that breaks the
// URL rule also matches ErrNotHTTPS, ErrIPLiteralHost or (loopback)
// ErrRefusedAddress. Network errors come from Get.
func (f Fetcher) Discover(ctx context.Context, issuer string) (Discovery, error) {
	return f.discover(ctx, issuer, named{})
}

// discover is Discover with n, what the user named. On the named host the
// document and jwks_uri may be at any address but loopback; a jwks_uri on
// another host gets every check, and one on loopback is fetched only at
// the origin the user typed.
func (f Fetcher) discover(ctx context.Context, issuer string, n named) (Discovery, error) {
	// An issuer is a URL without query or fragment (OIDC Core §2); appending
	// the well-known path to one would fetch something else.
	if u, err := url.Parse(issuer); err == nil && (u.RawQuery != "" || u.ForceQuery || u.Fragment != "") {
		return Discovery{}, fmt.Errorf("%w: issuer %s has a query or fragment", ErrDiscovery, quoted(issuer))
	}
	docURL := strings.TrimSuffix(issuer, "/") + wellKnownPath

	body, err := f.get(ctx, docURL, n)
	if err != nil {
		return Discovery{}, err
	}
	shown := excerpt(docURL, urlExcerpt)

	var d Discovery
	if err := json.Unmarshal(body, &d); err != nil {
		return Discovery{}, fmt.Errorf("%w at %s: not a JSON object of the expected shape: %w", ErrDiscovery, shown, foreignError{err})
	}
	d.URL = docURL

	// Exact comparison: a document for another issuer (even one differing
	// only by a trailing slash) must not supply keys for this one.
	if d.Issuer != issuer {
		return Discovery{}, fmt.Errorf("%w at %s: %w: document says %s, expected %s",
			ErrDiscovery, shown, ErrIssuerMismatch, quoted(d.Issuer), quoted(issuer))
	}
	if d.JWKSURI == "" {
		return Discovery{}, fmt.Errorf("%w at %s: no jwks_uri", ErrDiscovery, shown)
	}
	// Check jwks_uri now so the error names the document it came from.
	u, err := url.Parse(d.JWKSURI)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) { // its message repeats the whole URL
			err = ue.Err
		}
	} else {
		err = checkURL(u, n)
	}
	if err != nil {
		return Discovery{}, fmt.Errorf("%w at %s: jwks_uri %s: %w", ErrDiscovery, shown, quoted(d.JWKSURI), err)
	}
	// The parsed form is the same resource, percent-encoded: no bidi or
	// invisible character of the document's survives into names shown later.
	d.JWKSURI = u.String()
	return d, nil
}
