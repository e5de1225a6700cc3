package oidcprovider

import (
	"cmp"
	"errors"
	"fmt"
)

// Caps on what one document may hold. IAM keeps an OIDC provider's client
// IDs to 100 and its thumbprints to 5 (IAM User Guide, "Create an OpenID
// Connect (OIDC) identity provider in IAM"), client IDs and URLs to 255
// characters and ARNs to 2,048 (IAM API Reference, GetOpenIDConnectProvider):
// real output is kilobytes. The caps leave ten times that room and keep a
// hostile file from costing more.
const (
	// MaxDocumentBytes caps a document before it is decoded.
	MaxDocumentBytes = 1 << 20
	// MaxListItems caps each list: client IDs, thumbprints, providers.
	MaxListItems = 1000
	// MaxValueBytes caps one string: a URL, client ID, thumbprint or ARN.
	MaxValueBytes = 4096
)

// ErrTooLarge is wrapped by Parse for a document past one of the caps.
var ErrTooLarge = errors.New("too large for an IAM OIDC provider document")

// limits are the caps a provider applies; the zero value means the
// package's. Tests use small ones.
type limits struct{ bytes, items, value int }

func (l limits) orDefault() limits {
	return cmp.Or(l, limits{bytes: MaxDocumentBytes, items: MaxListItems, value: MaxValueBytes})
}

func (l limits) checkList(field string, n int) error {
	if n > l.items {
		return fmt.Errorf("%w: %s holds %d entries, more than the %d oidcscope reads (IAM allows far fewer)", ErrTooLarge, field, n, l.items)
	}
	return nil
}

func (l limits) checkValue(field, s string) error {
	if len(s) > l.value {
		return fmt.Errorf("%w: %s is %d bytes long, more than the %d oidcscope reads (IAM allows far fewer)", ErrTooLarge, field, len(s), l.value)
	}
	return nil
}
