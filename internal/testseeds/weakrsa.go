package testseeds

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"math/big"
	"testing"
)

// RSAKeyOfBits makes an RSA key of exactly bits bits by hand: Go refuses
// to generate (and to use) keys under 1024 bits, and tests need tokens that
// such a key really signed. sign is RS256 (PKCS #1 v1.5, SHA-256) with the
// private half.
func RSAKeyOfBits(tb testing.TB, bits int) (pub *rsa.PublicKey, sign func(input string) []byte) {
	tb.Helper()
	e, one := big.NewInt(65537), big.NewInt(1)
	for {
		p, err := rand.Prime(rand.Reader, bits/2)
		if err != nil {
			tb.Fatal(err)
		}
		q, err := rand.Prime(rand.Reader, bits-bits/2)
		if err != nil {
			tb.Fatal(err)
		}
		n := new(big.Int).Mul(p, q)
		phi := new(big.Int).Mul(new(big.Int).Sub(p, one), new(big.Int).Sub(q, one))
		d := new(big.Int).ModInverse(e, phi)
		if n.BitLen() != bits || d == nil {
			continue
		}
		sign := func(input string) []byte {
			digest := sha256.Sum256([]byte(input))
			// DigestInfo for SHA-256 (RFC 8017 §9.2, note 1).
			prefix := []byte{0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20}
			k := (bits + 7) / 8
			em := make([]byte, k) // 0x00 0x01 0xff… 0x00 DigestInfo digest
			em[1] = 1
			for i := 2; i < k-len(prefix)-len(digest)-1; i++ {
				em[i] = 0xff
			}
			copy(em[k-len(prefix)-len(digest):], prefix)
			copy(em[k-len(digest):], digest[:])
			s := new(big.Int).Exp(new(big.Int).SetBytes(em), d, n)
			return s.FillBytes(make([]byte, k))
		}
		return &rsa.PublicKey{N: n, E: 65537}, sign
	}
}
