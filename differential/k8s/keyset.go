package k8s

import (
	"context"
	"errors"
	"fmt"

	jose "gopkg.in/go-jose/go-jose.v2"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// staticKeySet is go-oidc's KeySet over the test public key: it verifies
// as go-oidc v2's remote key set does once its keys are cached (go-jose
// parses the JWS, the key with the header's kid verifies it), with no
// fetching. kube-apiserver's Options.KeySet takes it in place of
// discovery.
type staticKeySet struct {
	key jose.JSONWebKey
}

func newKeySet(s *harness.Signer) *staticKeySet {
	return &staticKeySet{key: jose.JSONWebKey{Key: &s.Key.PublicKey, KeyID: harness.KeyID, Algorithm: "RS256", Use: "sig"}}
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
