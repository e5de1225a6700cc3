package verify

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rsa"
	"fmt"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// SupportedAlgs are the JWS algorithms oidcscope verifies, in display order.
var SupportedAlgs = []string{
	"RS256", "RS384", "RS512",
	"PS256", "PS384", "PS512",
	"ES256", "ES384", "ES512",
	"EdDSA",
	"HS256", "HS384", "HS512",
}

// strictPSS are golang-jwt's PS* methods with salt length = hash length on
// verification too, as RFC 7518 §3.5 requires. golang-jwt verifies with
// PSSSaltLengthAuto for compatibility, which accepts other salt lengths.
var strictPSS = map[string]*jwt.SigningMethodRSAPSS{
	"PS256": {SigningMethodRSA: jwt.SigningMethodPS256.SigningMethodRSA, Options: jwt.SigningMethodPS256.Options, VerifyOptions: &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}},
	"PS384": {SigningMethodRSA: jwt.SigningMethodPS384.SigningMethodRSA, Options: jwt.SigningMethodPS384.Options, VerifyOptions: &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}},
	"PS512": {SigningMethodRSA: jwt.SigningMethodPS512.SigningMethodRSA, Options: jwt.SigningMethodPS512.Options, VerifyOptions: &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}},
}

// method returns golang-jwt's implementation of alg, exact-case only.
func method(alg string) (jwt.SigningMethod, bool) {
	if m, ok := strictPSS[alg]; ok {
		return m, true
	}
	for _, a := range SupportedAlgs {
		if a == alg {
			return jwt.GetSigningMethod(alg), true
		}
	}
	return nil, false
}

func isHMAC(alg string) bool { return strings.HasPrefix(alg, "HS") }

// fitKey checks that key is the right type for alg before any crypto runs, so
// the reason shown is "wrong key type" rather than a library error.
func fitKey(alg string, key any) error {
	switch k := key.(type) {
	case []byte:
		if !isHMAC(alg) {
			return fmt.Errorf("%w: an HMAC secret cannot verify %s", ErrKeyMismatch, alg)
		}
		return nil
	case *rsa.PublicKey:
		if alg[:2] == "RS" || alg[:2] == "PS" {
			return nil
		}
	case *ecdsa.PublicKey:
		want := map[string]elliptic.Curve{"ES256": elliptic.P256(), "ES384": elliptic.P384(), "ES512": elliptic.P521()}[alg]
		if want != nil && k.Curve == want {
			return nil
		}
		if want != nil {
			return fmt.Errorf("%w: %s needs curve %s, the key is on %s", ErrKeyMismatch, alg, want.Params().Name, k.Curve.Params().Name)
		}
	case ed25519.PublicKey:
		if alg == "EdDSA" {
			return nil
		}
	}
	if isHMAC(alg) {
		return fmt.Errorf("%w: the key is %s", ErrHMACWithPublic, keyKind(key))
	}
	return fmt.Errorf("%w: %s cannot be verified with %s", ErrKeyMismatch, alg, keyKind(key))
}

func keyKind(key any) string {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("an RSA-%d public key", k.N.BitLen())
	case *ecdsa.PublicKey:
		return "an EC " + k.Curve.Params().Name + " public key"
	case ed25519.PublicKey:
		return "an Ed25519 public key"
	case []byte:
		return "an HMAC secret"
	}
	return fmt.Sprintf("a %T", key)
}
