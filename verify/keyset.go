package verify

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"

	"github.com/MicahParks/jwkset"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// SourceKind names where keys came from. The strings are part of the JSON
// contract ("signature.key_source").
type SourceKind string

const (
	SourceJWKSFile  SourceKind = "jwks-file"
	SourceJWKSURL   SourceKind = "jwks-url"
	SourceDiscovery SourceKind = "discovery"
	SourcePEM       SourceKind = "pem"
	SourceJWK       SourceKind = "jwk"
	SourceHMAC      SourceKind = "hmac"
	SourceNone      SourceKind = "none"
)

// KeySet is loaded key material of exactly one kind: JWKs (a set or one key),
// one PEM public key, or one raw HMAC secret.
type KeySet struct {
	Kind    SourceKind
	Name    string   // file path or URL, for display
	Skipped []string // keys of a set that could not be loaded, and why
	KIDs    []string // kids of the loaded keys, for messages

	refusedKIDs []string     // kids of the skipped keys: a token naming one is not merely unverified
	jwks        []jwkset.JWK // JWK-based sources
	public      crypto.PublicKey
	secret      []byte
}

// ParseJWKS loads a JWK Set or a single JWK. One unusable key does not spoil
// the set: it is skipped and listed, as a relying party would.
func ParseJWKS(data []byte, kind SourceKind, name string) (*KeySet, error) {
	return parseJWKS(data, kind, name, nil)
}

// parseJWKS is ParseJWKS with the user's words for the key sources that
// a refused key's message points to.
func parseJWKS(data []byte, kind SourceKind, name string, say setting.Names) (*KeySet, error) {
	var probe struct {
		Keys json.RawMessage `json:"keys"`
		Kty  string          `json:"kty"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("%w: %s is not a JWK Set or JWK: %v", ErrKeySource, name, err)
	}
	var raws []json.RawMessage
	switch {
	case probe.Keys != nil:
		if err := json.Unmarshal(probe.Keys, &raws); err != nil {
			return nil, fmt.Errorf(`%w: %s: "keys" is not an array: %v`, ErrKeySource, name, err)
		}
	case probe.Kty != "":
		raws = []json.RawMessage{data}
	default:
		return nil, fmt.Errorf(`%w: %s has neither "keys" (JWK Set) nor "kty" (JWK)`, ErrKeySource, name)
	}
	ks := &KeySet{Kind: kind, Name: name}
	var skipped skipList
	for i, raw := range raws {
		// Private: true lets "oct" (HMAC) keys load; private asymmetric keys
		// are reduced to their public half in candidates.
		jwk, err := jwkset.NewJWKFromRawJSON(raw, jwkset.JWKMarshalOptions{Private: true}, jwkset.JWKValidateOptions{})
		if err == nil {
			err = keyProblem(jwk.Key())
		}
		if err == nil {
			err = secretProblem(jwk.Key(), kind, probe.Keys == nil, say)
		}
		if err != nil {
			skipped = append(skipped, skippedKey{index: i, kid: kidOf(raw), err: err})
			ks.Skipped = append(ks.Skipped, skipped[len(skipped)-1].String())
			if kid := kidOf(raw); kid != "" {
				ks.refusedKIDs = append(ks.refusedKIDs, kid)
			}
			continue
		}
		ks.jwks = append(ks.jwks, jwk)
		ks.KIDs = append(ks.KIDs, jwk.Marshal().KID)
	}
	if len(ks.KIDs) == 0 {
		return nil, fmt.Errorf("%w: %s: %w: %w", ErrKeySource, name, ErrNoKeysInSet, skipped)
	}
	return ks, nil
}

// secretProblem refuses an "oct" (HMAC) key unless it is the single JWK the
// user named as a key file. A key set never supplies an HMAC secret:
// whoever can read the set can sign with it, and a set fetched from a URL
// is public. Symmetric keys come from a secret file, the environment or
// one JWK given as the key file.
func secretProblem(key any, kind SourceKind, single bool, say setting.Names) error {
	secret, ok := key.([]byte)
	switch {
	case !ok:
		return nil
	case publicKeyMaterial(secret) != "":
		return fmt.Errorf("%w: its \"k\" holds %s", ErrPublicKeySecret, publicKeyMaterial(secret))
	case kind == SourceJWKSURL || kind == SourceDiscovery:
		return fmt.Errorf("%w: %w: an \"oct\" key published at a URL is public, so an HMAC signature made with it proves nothing", ErrHMACKeyInSet, ErrPublicHMACKey)
	case kind != SourceJWK || !single:
		return fmt.Errorf("%w: a key set never supplies an HMAC secret; give one with %s, %s or a single \"oct\" JWK with %s",
			ErrHMACKeyInSet, say.Name(setting.SecretFile), say.Name(setting.SecretEnv), say.Name(setting.Key))
	}
	return nil
}

// ParseKeyFile loads one key file: a PEM public key, certificate or private
// key (reduced to its public half), or a single JWK of any kty, "oct"
// included.
func ParseKeyFile(data []byte, name string) (*KeySet, error) {
	return parseKeyFile(data, name, nil)
}

// parseKeyFile is ParseKeyFile with the user's words for the key sources
// a refused key's message points to.
func parseKeyFile(data []byte, name string, say setting.Names) (*KeySet, error) {
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("{")) {
		return parseJWKS(trimmed, SourceJWK, name, say)
	}
	block, _ := pem.Decode(trimmed)
	if block == nil {
		return nil, fmt.Errorf("%w: %s is neither PEM nor a JWK", ErrKeySource, name)
	}
	var key any
	var err error
	if block.Type == "CERTIFICATE" {
		var cert *x509.Certificate
		if cert, err = jwkset.LoadCertificate(block.Bytes); err == nil {
			key = cert.PublicKey
		}
	} else {
		key, err = jwkset.LoadX509KeyInfer(block)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s (PEM %s): %w", ErrKeySource, name, escape.Quoted(block.Type), err)
	}
	if priv, ok := key.(interface{ Public() crypto.PublicKey }); ok {
		key = priv.Public()
	}
	if err := keyProblem(key); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrKeySource, name, err)
	}
	return &KeySet{Kind: SourcePEM, Name: name, public: key}, nil
}

// NewSecret wraps a raw HMAC secret. Public-key material is refused outright:
// accepting it is exactly the RS256→HS256 confusion attack (CVE-2015-9235).
func NewSecret(secret []byte, name string) (*KeySet, error) {
	return newSecret(secret, name, nil)
}

// newSecret is NewSecret with the user's words for the key file that
// public keys belong in.
func newSecret(secret []byte, name string, say setting.Names) (*KeySet, error) {
	if len(secret) == 0 {
		return nil, fmt.Errorf("%w: %s: the HMAC secret is empty", ErrKeySource, name)
	}
	if what := publicKeyMaterial(secret); what != "" {
		return nil, fmt.Errorf("%w: %w: %s holds %s; use %s for public keys", ErrKeySource, ErrPublicKeySecret, name, what, say.Name(setting.Key))
	}
	return &KeySet{Kind: SourceHMAC, Name: name, secret: secret}, nil
}

// publicKeyMaterial names the kind of public key in b, or returns "".
func publicKeyMaterial(b []byte) string {
	t := bytes.TrimSpace(b)
	if bytes.Contains(t, []byte("-----BEGIN")) {
		return "a PEM block"
	}
	// DER is binary: try the bytes as given, and trimmed for a file that
	// gained a newline. Trimming alone corrupts DER ending in 0x09-0x0d/0x20.
	for _, d := range [][]byte{b, t} {
		if what := derKey(d); what != "" {
			return what
		}
	}
	// The same DER as base64 text is just as public: a JWK's x5c entry, or
	// a PEM body without its BEGIN and END lines.
	text := bytes.Join(bytes.Fields(t), nil)
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if d, err := enc.DecodeString(string(text)); err == nil {
			if what := derKey(d); what != "" {
				return "base64 of " + what
			}
		}
	}
	if bytes.HasPrefix(t, []byte("{")) {
		var probe struct {
			Kty  string          `json:"kty"`
			Keys json.RawMessage `json:"keys"`
		}
		if json.Unmarshal(t, &probe) == nil && (probe.Kty != "" || probe.Keys != nil) {
			return "a JWK"
		}
	}
	return ""
}

// derKey names the kind of DER public key or certificate d is, or "".
func derKey(d []byte) string {
	if _, err := x509.ParsePKIXPublicKey(d); err == nil {
		return "a DER public key"
	}
	if _, err := x509.ParsePKCS1PublicKey(d); err == nil {
		return "a DER RSA public key"
	}
	if _, err := x509.ParseCertificate(d); err == nil {
		return "a DER certificate"
	}
	return ""
}

// candidate is one key to try, with the JWK metadata that constrains it.
type candidate struct {
	key    any
	kid    string
	use    string
	keyOps []string
	alg    string // the JWK's "alg", "" when absent
}

// candidates returns the keys that could have signed a token with this kid.
// The lookup is ours rather than keyfunc.Keyfunc's: keyfunc returns only the
// first key with a kid and checks a JWK's "alg" only when the token has a
// kid, while RFC 7517 §4.5 lets keys of different types share a kid and a
// kid-less token must still respect each key's "alg". The JWKs themselves
// are parsed and stored by jwkset, the library keyfunc is built on.
func (ks *KeySet) candidates(kid string, hasKid bool) ([]candidate, error) {
	switch {
	case ks.secret != nil:
		return []candidate{{key: ks.secret}}, nil
	case ks.public != nil:
		return []candidate{{key: ks.public}}, nil
	}
	var byKid, kidless, every []candidate
	for _, jwk := range ks.jwks {
		key := jwk.Key()
		if priv, ok := key.(interface{ Public() crypto.PublicKey }); ok {
			key = priv.Public()
		}
		c := fromJWK(jwk, key)
		every = append(every, c)
		switch {
		case c.kid == "":
			kidless = append(kidless, c)
		case c.kid == kid:
			byKid = append(byKid, c)
		}
	}
	if !hasKid {
		return every, nil
	}
	if len(byKid) > 0 {
		return byKid, nil
	}
	if len(kidless) > 0 {
		return kidless, nil // a kid is a hint (RFC 7515 §4.1.4)
	}
	return nil, fmt.Errorf("%w %s (the set has %s)", ErrUnknownKID, escape.Quoted(kid), quoteList(ks.KIDs))
}

func fromJWK(jwk jwkset.JWK, key any) candidate {
	m := jwk.Marshal()
	c := candidate{key: key, kid: m.KID, use: string(m.USE), alg: m.ALG.String()}
	for _, op := range m.KEYOPS {
		c.keyOps = append(c.keyOps, string(op))
	}
	return c
}

// maxListedKIDs bounds the kids an unknown-kid message lists: a set of
// 10,000 keys would otherwise make an 89 KB message.
const maxListedKIDs = 10

func quoteList(xs []string) string {
	if len(xs) == 0 {
		return "no kids"
	}
	var b bytes.Buffer
	for i, x := range xs {
		if i == maxListedKIDs {
			fmt.Fprintf(&b, ", … and %d more", len(xs)-maxListedKIDs)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(escape.Quoted(x))
	}
	return b.String()
}
