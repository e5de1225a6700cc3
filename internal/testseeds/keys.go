package testseeds

import (
	"crypto/x509"
	"testing"
)

// PublicKeyDER is pub in PKIX (SubjectPublicKeyInfo) DER, what a "PUBLIC
// KEY" PEM block holds: the form tests write key files in.
func PublicKeyDER(tb testing.TB, pub any) []byte {
	tb.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		tb.Fatal(err)
	}
	return der
}
