package verify

import (
	"context"
	"encoding/json"
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
//
// Every problem with the document itself matches ErrDiscovery; an issuer
// mismatch also matches ErrIssuerMismatch and a jwks_uri that breaks the
// https/loopback rule also matches ErrNotHTTPS. Network errors come from Get.
func (f Fetcher) Discover(ctx context.Context, issuer string) (Discovery, error) {
	// An issuer is a URL without query or fragment (OIDC Core §2); appending
	// the well-known path to one would fetch something else.
	if u, err := url.Parse(issuer); err == nil && (u.RawQuery != "" || u.ForceQuery || u.Fragment != "") {
		return Discovery{}, fmt.Errorf("%w: issuer %q has a query or fragment", ErrDiscovery, issuer)
	}
	docURL := strings.TrimSuffix(issuer, "/") + wellKnownPath

	body, err := f.Get(ctx, docURL)
	if err != nil {
		return Discovery{}, err
	}

	var d Discovery
	if err := json.Unmarshal(body, &d); err != nil {
		return Discovery{}, fmt.Errorf("%w at %s: not a JSON object of the expected shape: %w", ErrDiscovery, docURL, err)
	}
	d.URL = docURL

	// Exact comparison: a document for another issuer (even one differing
	// only by a trailing slash) must not supply keys for this one.
	if d.Issuer != issuer {
		return Discovery{}, fmt.Errorf("%w at %s: %w: document says %q, expected %q",
			ErrDiscovery, docURL, ErrIssuerMismatch, d.Issuer, issuer)
	}
	if d.JWKSURI == "" {
		return Discovery{}, fmt.Errorf("%w at %s: no jwks_uri", ErrDiscovery, docURL)
	}
	// Check jwks_uri now so the error names the document it came from.
	u, err := url.Parse(d.JWKSURI)
	if err == nil {
		err = checkURL(u)
	}
	if err != nil {
		return Discovery{}, fmt.Errorf("%w at %s: jwks_uri %q: %w", ErrDiscovery, docURL, d.JWKSURI, err)
	}
	return d, nil
}
