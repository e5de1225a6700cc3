package harness

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
)

// KeyID names the test key in every token header (and in a key set).
const KeyID = "differential"

// Signer makes RS256 tokens over exact payload bytes, so that duplicate
// members, case variants and number spellings (1.50, 1e2) reach the
// real code as written.
type Signer struct {
	Key *rsa.PrivateKey
}

// NewSigner makes a signer with a fresh 2048-bit key.
func NewSigner() (*Signer, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generating the test RSA key: %w", err)
	}
	return &Signer{Key: key}, nil
}

// Sign returns header.payload.signature for a JSON payload.
func (s *Signer) Sign(payload string) (string, error) {
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT","kid":"`+KeyID+`"}`)) + "." + enc.EncodeToString([]byte(payload))
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, s.Key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("signing: %w", err)
	}
	return input + "." + enc.EncodeToString(sig), nil
}

// PublicPEM is the public key as a PEM "PUBLIC KEY" block, as a
// configuration lists keys to trust.
func (s *Signer) PublicPEM() (string, error) {
	der, err := x509.MarshalPKIXPublicKey(&s.Key.PublicKey)
	if err != nil {
		return "", fmt.Errorf("encoding the test public key: %w", err)
	}
	return string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}
