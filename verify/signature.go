package verify

import (
	"bytes"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// understoodCrit lists the critical header parameters this verifier
// implements. None yet: RFC 7515 §4.1.11 says any other must be rejected.
var understoodCrit = []string{}

// keyNotes is what signature learnt about the keys it tried beyond the
// verdict: a weak key (the "weak key" check) and warnings.
type keyNotes struct {
	weak     string // why the key is weak; "" when no weak key was involved
	warnings []string
}

// signature verifies tok's signature with ks (nil: no key). allowed restricts
// the algorithms; empty means SupportedAlgs.
func signature(tok *decode.Token, ks *KeySet, allowed []string, say setting.Names) (Signature, keyNotes) {
	sig := Signature{Alg: tok.Alg(), Kid: tok.Kid(), KeySource: SourceNone}
	var notes keyNotes
	if ks != nil {
		sig.KeySource, sig.KeyName = ks.Kind, ks.Name
	}
	fail := func(status Status, err error) (Signature, keyNotes) {
		sig.Status, sig.Err, sig.Reason = status, err, err.Error()
		return sig, notes
	}
	switch tok.Kind {
	case decode.KindJWE:
		return fail(StatusUnsupported, fmt.Errorf("%w: a JWE is encrypted, not signed; decrypting needs the recipient's private key", ErrNotSigned))
	case decode.KindJSON:
		return fail(StatusUnsupported, fmt.Errorf("%w: JWS JSON serialization is shown but not verified; JWTs use the compact form (RFC 7519 §7.2)", ErrNotSigned))
	case decode.KindSegment:
		return fail(StatusUnsupported, fmt.Errorf("%w: a lone segment has no signature", ErrNotSigned))
	}
	if e := tok.Truncated(); e != nil {
		return truncated(sig, notes, e, "")
	}
	if err := headerProblem(tok); err != nil {
		return fail(StatusInvalid, err)
	}
	alg := sig.Alg
	if strings.EqualFold(alg, "none") {
		return fail(StatusInvalid, fmt.Errorf("%w; it is never accepted as verified", ErrAlgNone))
	}
	m, ok := method(alg)
	if !ok {
		return fail(StatusUnsupported, fmt.Errorf("%w: %s (supported: %s)", ErrAlgUnsupported, escape.Quoted(alg), strings.Join(SupportedAlgs, ", ")))
	}
	if len(allowed) > 0 && !slices.Contains(allowed, alg) {
		return fail(StatusInvalid, fmt.Errorf("%w: %s (allowed: %s)", ErrAlgNotAllowed, alg, strings.Join(allowed, ", ")))
	}
	if err := signatureShape(alg, tok.Signature); err != nil {
		if why := cutECDSA(alg, tok.Signature); why != "" {
			return truncated(sig, notes, decode.Truncation(len(tok.Input.Text)), why)
		}
		return fail(StatusInvalid, err)
	}
	if ks == nil {
		sig.Status = StatusUnverified
		sig.Reason = say.Pick("no key given: verify with a JWK Set, a key file or a secret file, or by discovery for this issuer",
			"no key given: pass %s, %s or %s (or %s for this issuer)", setting.JWKS, setting.Key, setting.SecretFile, setting.Discover)
		return sig, notes
	}
	_, hasKid := tok.Header.Get("kid")
	cands, err := ks.candidates(sig.Kid, hasKid)
	if err != nil {
		if missingKey(ks, sig.Kid, err) {
			sig.Status, sig.Err, sig.Reason = StatusUnverified, err, err.Error()+keysRotate(tok, ks)
			return sig, notes
		}
		return fail(StatusInvalid, err)
	}
	var lastErr error = ErrNoMatchingKey
	tried := 0
	for _, c := range cands {
		if err := usableForVerify(c); err != nil {
			lastErr = err
			continue
		}
		if c.alg != "" && c.alg != alg {
			lastErr = fmt.Errorf("%w: key %s is for %s, the token uses %s", ErrKeyMismatch, escape.Quoted(c.kid), c.alg, alg)
			continue
		}
		if err := fitKey(alg, c.key); err != nil {
			lastErr = err
			continue
		}
		if bits, ok := rsaBits(c.key); ok && bits < goMinRSABits {
			// Go's crypto/rsa refuses such keys ("insecure key"), which
			// would read as a signature that does not match.
			lastErr = fmt.Errorf("%w: the RSA key%s has %d bits, and Go's crypto refuses RSA keys under %d bits as insecure, so the signature was not checked", ErrWeakKey, keyLabel(ks, c.kid), bits, goMinRSABits)
			notes.weak = weakRSA(ks, c, bits) + fmt.Sprintf("; Go's crypto refuses keys under %d bits, so the signature was not checked", goMinRSABits)
			continue
		}
		if bits, ok := rsaBits(c.key); ok && (bits+7)/8-len(tok.Signature) >= 3 {
			// RSA signatures are as long as the key. Cutting whole base64url
			// quads removes 3 bytes at a time; a signer that drops leading
			// zero bytes (wrongly) loses one or two, which stays a mismatch.
			size := (bits + 7) / 8
			why := fmt.Sprintf("its signature is %d bytes, and the RSA key%s signs %d", len(tok.Signature), keyLabel(ks, c.kid), size)
			return truncated(sig, notes, decode.Truncation(len(tok.Input.Text)), why)
		}
		if w := shortSecret(ks, c, alg); w != "" && !slices.Contains(notes.warnings, w) {
			notes.warnings = append(notes.warnings, w)
		}
		tried++
		if err := m.Verify(tok.SigningInput, tok.Signature, c.key); err == nil {
			sig.Status, sig.KeyID = StatusValid, c.kid
			sig.Reason = "signature verified with " + keyKind(c.key) + keyLabel(ks, c.kid)
			if bits, ok := rsaBits(c.key); ok && bits < minRSABits {
				notes.weak = weakRSA(ks, c, bits) + ": keys this small have been disallowed since 2013 (NIST SP 800-131A) and are within reach of factoring"
			} else {
				notes.weak = "" // a weak key tried first did not sign
			}
			return sig, notes
		} else if secret, ok := c.key.([]byte); ok && hasTrailingNewline(secret) {
			// Secret files written with echo end in a newline that the
			// signer did not use; say so rather than report a bad MAC.
			if m.Verify(tok.SigningInput, tok.Signature, bytes.TrimRight(secret, "\r\n")) == nil {
				sig.Status = StatusValid
				sig.Reason = "signature verified with the HMAC secret once its trailing newline is removed"
				return sig, notes
			}
		}
		lastErr = ErrBadSignature
	}
	if tried > 1 {
		lastErr = fmt.Errorf("%w (tried %d keys: the token has no kid)", ErrBadSignature, tried)
	}
	return fail(StatusInvalid, lastErr)
}

// headerProblem finds what makes the header unverifiable regardless of key:
// decoding errors, duplicate parameters, a non-string alg or kid, unknown crit.
func headerProblem(tok *decode.Token) error {
	if e := tok.StructuralError(); e != nil {
		if errors.Is(e, decode.ErrDuplicateKey) {
			return fmt.Errorf("%w: %w", ErrDuplicateHeader, e)
		}
		return fmt.Errorf("%w: %w", ErrMalformed, e)
	}
	if tok.Header.Kind != decode.Object {
		return fmt.Errorf("%w: no readable header", ErrMalformed)
	}
	for _, name := range []string{"alg", "kid"} {
		if v, ok := tok.Header.Get(name); ok && v.Kind != decode.String {
			return fmt.Errorf("%w: header %q is a %s, not a string", ErrMalformed, name, v.Kind)
		}
	}
	if _, ok := tok.Header.Get("alg"); !ok {
		return fmt.Errorf(`%w: the header has no "alg"`, ErrMalformed)
	}
	if b64, ok := tok.Header.Get("b64"); ok {
		// Checked before crit so the message names RFC 7797 rather than
		// only an unknown parameter. Without crit, ignoring b64 would check
		// other bytes than an RFC 7797 signer signed: verifiers disagree.
		if b64.Kind != decode.Bool {
			return fmt.Errorf(`%w: header "b64" is a %s, not a boolean`, ErrMalformed, b64.Kind)
		}
		if b64.Text == "false" {
			return fmt.Errorf("%w: a JWT's payload is always base64url-encoded (RFC 7519 §7.2), so this is not verified as one", ErrUnencodedPayload)
		}
	}
	if crit, ok := tok.Header.Get("crit"); ok {
		if crit.Kind != decode.Array || len(crit.Items) == 0 {
			return fmt.Errorf(`%w: "crit" must be a non-empty array of names`, ErrUnknownCrit)
		}
		for _, it := range crit.Items {
			if it.Kind != decode.String || !slices.Contains(understoodCrit, it.Text) {
				return fmt.Errorf("%w %s (RFC 7515 §4.1.11: a verifier must reject what it does not understand)", ErrUnknownCrit, escape.Quoted(it.Text))
			}
		}
	}
	return nil
}

// ecdsaSize is the length of a JWS ECDSA signature: r and s, each as wide
// as the curve order, concatenated (RFC 7518 §3.4).
var ecdsaSize = map[string]int{"ES256": 64, "ES384": 96, "ES512": 132}

// signatureShape refuses signatures that no key could have made, so the
// answer does not wait for a key: an empty one (only alg "none" has none,
// RFC 7518 §3.6), or an ECDSA one of the wrong length — usually ASN.1 DER,
// the form crypto libraries emit and JWS does not use.
func signatureShape(alg string, sig []byte) error {
	if len(sig) == 0 {
		return fmt.Errorf(`%w: the signature is empty; %s requires one (only alg "none" has none, and it is never accepted)`, ErrBadSignature, alg)
	}
	want, ok := ecdsaSize[alg]
	if !ok || len(sig) == want {
		return nil
	}
	form := ""
	if isDER(sig) {
		form = ", in ASN.1 DER"
	}
	return fmt.Errorf("%w: %s signatures are %d bytes of raw r||s (RFC 7518 §3.4); this one is %d bytes%s", ErrBadSignature, alg, want, len(sig), form)
}

// isDER reports whether sig is an ASN.1 DER ECDSA signature, the form
// crypto libraries emit and JWS does not use.
func isDER(sig []byte) bool {
	var rs struct{ R, S *big.Int }
	rest, err := asn1.Unmarshal(sig, &rs)
	return err == nil && len(rest) == 0
}

// usableForVerify applies the JWK's "use" and "key_ops" (RFC 7517 §4.2-4.3).
func usableForVerify(c candidate) error {
	if c.use != "" && c.use != "sig" {
		return fmt.Errorf("%w: key %s has use %s", ErrKeyUse, escape.Quoted(c.kid), escape.Quoted(c.use))
	}
	if len(c.keyOps) > 0 && !slices.Contains(c.keyOps, "verify") {
		return fmt.Errorf("%w: key %s has key_ops %v", ErrKeyUse, escape.Quoted(c.kid), c.keyOps)
	}
	return nil
}

func keyLabel(ks *KeySet, kid string) string {
	switch {
	case kid != "":
		return " (kid " + escape.Quoted(kid) + ")"
	case ks.Name != "":
		return " from " + ks.Name
	}
	return ""
}

func hasTrailingNewline(b []byte) bool {
	return len(b) > 0 && b[len(b)-1] == '\n'
}
