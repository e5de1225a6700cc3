package verify

import (
	"bytes"
	"crypto"
	"crypto/ed25519"
	"crypto/rsa"
	"fmt"
)

// Rules about key material itself, whatever the token: which keys are
// refused when loaded, and which load but are reported as weak.

// maxRSABits is OpenSSL's limit for RSA verification. Verifying costs grow
// with the square of the modulus before the signature is even read, so a
// hostile key set with one huge key under the token's kid would stall the
// program for minutes (900 KiB: over four minutes).
const maxRSABits = 16384

// minRSABits is RFC 7518 §3.3's minimum; goMinRSABits is Go's own, under
// which crypto/rsa refuses to verify at all ("insecure key").
const (
	minRSABits   = 2048
	goMinRSABits = 1024
)

// minHMACSecret is RFC 7518 §3.2's minimum secret size: the hash output.
var minHMACSecret = map[string]int{"HS256": 32, "HS384": 48, "HS512": 64}

// smallOrderY are the y-coordinates (little-endian, sign bit cleared) of
// the eight points of order 1, 2, 4 and 8 on edwards25519, with the
// non-canonical y ≥ p forms of 0 and 1. It is libsodium's blocklist
// (ge25519_has_small_order in crypto_core/ed25519/ref10/ed25519_ref10.c);
// comparing without the sign bit covers both x of each y and the "x = -0"
// encodings. Go's crypto/ed25519 accepts all of them, and with such a key
// the forgery R = identity, S = 0 verifies for many payloads (the
// identity: for every payload).
var smallOrderY = [][32]byte{
	{},     // 0: (±√-1, 0), order 4
	{0x01}, // 1: the identity
	{0x26, 0xe8, 0x95, 0x8f, 0xc2, 0xb2, 0x27, 0xb0, 0x45, 0xc3, 0xf4, 0x89, 0xf2, 0xef, 0x98, 0xf0, 0xd5, 0xdf, 0xac, 0x05, 0xd3, 0xc6, 0x33, 0x39, 0xb1, 0x38, 0x02, 0x88, 0x6d, 0x53, 0xfc, 0x05}, // order 8
	{0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b, 0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39, 0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a}, // order 8
	{0xec, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // p-1: (0, -1), order 2
	{0xed, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // p ≡ 0
	{0xee, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}, // p+1 ≡ 1
}

// isSmallOrder reports whether an Ed25519 public key encodes a point of
// small order.
func isSmallOrder(pub ed25519.PublicKey) bool {
	if len(pub) != ed25519.PublicKeySize {
		return false
	}
	var y [32]byte
	copy(y[:], pub)
	y[31] &= 0x7f
	for _, bad := range smallOrderY {
		if bytes.Equal(y[:], bad[:]) {
			return true
		}
	}
	return false
}

// keyProblem refuses keys no real issuer uses: RSA keys that would make
// verification hang, and Ed25519 keys of small order, with which a
// signature proves nothing.
func keyProblem(key any) error {
	if priv, ok := key.(interface{ Public() crypto.PublicKey }); ok {
		key = priv.Public()
	}
	if n, ok := rsaBits(key); ok && n > maxRSABits {
		return fmt.Errorf("%w: this one has %d bits", ErrKeyTooLarge, n)
	}
	if pub, ok := key.(ed25519.PublicKey); ok && isSmallOrder(pub) {
		return fmt.Errorf("%w: it encodes the identity or another point of order at most 8, with which forged signatures verify", ErrSmallOrderKey)
	}
	return nil
}

// rsaBits is the modulus size of an RSA public key.
func rsaBits(key any) (int, bool) {
	if k, ok := key.(*rsa.PublicKey); ok {
		return k.N.BitLen(), true
	}
	return 0, false
}

// weakRSA describes an RSA key under RFC 7518's minimum, for the "weak
// key" check.
func weakRSA(ks *KeySet, c candidate, bits int) string {
	return fmt.Sprintf("the RSA key%s has %d bits, under the %d bits RFC 7518 §3.3 requires", keyLabel(ks, c.kid), bits, minRSABits)
}

// shortSecret warns about an HMAC secret shorter than alg's hash output
// (RFC 7518 §3.2), or returns "".
func shortSecret(ks *KeySet, c candidate, alg string) string {
	secret, ok := c.key.([]byte)
	if !ok || len(secret) >= minHMACSecret[alg] {
		return ""
	}
	return fmt.Sprintf("the HMAC secret%s is %d bytes; %s needs at least %d (RFC 7518 §3.2): a short secret can be guessed offline from any token it signed",
		keyLabel(ks, c.kid), len(secret), alg, minHMACSecret[alg])
}
