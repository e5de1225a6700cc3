package k8s

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"

	jose "gopkg.in/go-jose/go-jose.v2"
)

// keyID names the test key in every token header and in the key set.
const keyID = "differential"

// signer makes RS256 tokens over exact payload bytes, so that duplicate
// members, case variants and number spellings reach kube-apiserver as
// written.
type signer struct {
	key *rsa.PrivateKey
}

func newSigner() (*signer, error) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("generating the test RSA key: %w", err)
	}
	return &signer{key: key}, nil
}

// sign returns header.payload.signature for a JSON payload.
func (s *signer) sign(payload string) (string, error) {
	enc := base64.RawURLEncoding
	input := enc.EncodeToString([]byte(`{"alg":"RS256","typ":"JWT","kid":"`+keyID+`"}`)) + "." + enc.EncodeToString([]byte(payload))
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, s.key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("signing: %w", err)
	}
	return input + "." + enc.EncodeToString(sig), nil
}

// staticKeySet is go-oidc's KeySet over the test public key: it verifies
// as go-oidc v2's remote key set does once its keys are cached (go-jose
// parses the JWS, the key with the header's kid verifies it), with no
// fetching. kube-apiserver's Options.KeySet takes it in place of
// discovery.
type staticKeySet struct {
	key jose.JSONWebKey
}

func (s *signer) keySet() *staticKeySet {
	return &staticKeySet{key: jose.JSONWebKey{Key: &s.key.PublicKey, KeyID: keyID, Algorithm: "RS256", Use: "sig"}}
}

// errSignature is the static key set's refusal, worded as go-oidc's.
var errSignature = errors.New("failed to verify id token signature")

func (k *staticKeySet) VerifySignature(_ context.Context, jwt string) ([]byte, error) {
	jws, err := jose.ParseSigned(jwt)
	if err != nil {
		return nil, fmt.Errorf("oidc: malformed jwt: %w", err)
	}
	for _, sig := range jws.Signatures {
		if sig.Header.KeyID != "" && sig.Header.KeyID != k.key.KeyID {
			return nil, errSignature
		}
		break
	}
	payload, err := jws.Verify(&k.key)
	if err != nil {
		return nil, errSignature
	}
	return payload, nil
}
