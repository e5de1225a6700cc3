// Package verify checks a decoded token: where its keys come from, whether
// its signature holds, and each registered claim, one check at a time.
package verify

import "errors"

// Status of the signature. Unverified (no key) is deliberately distinct from
// invalid: not knowing is not the same as knowing it is bad.
type Status string

const (
	StatusValid       Status = "valid"
	StatusInvalid     Status = "invalid"
	StatusUnverified  Status = "unverified"
	StatusUnsupported Status = "unsupported"
)

// CheckStatus of one check.
type CheckStatus string

const (
	Pass CheckStatus = "pass"
	Fail CheckStatus = "fail"
	Skip CheckStatus = "skip"
)

// Check is one named verification step with the reason for its status.
type Check struct {
	Name   string // signature, alg, exp, nbf, iat, iss, aud
	Status CheckStatus
	Detail string
}

// Signature is the outcome of signature verification.
type Signature struct {
	Status    Status
	Alg       string
	Kid       string
	KeySource SourceKind
	KeyName   string // file path or URL of the key source, for display
	KeyID     string // kid of the key that verified, when it came from a set
	Reason    string
	Err       error // the cause, for errors.Is; nil when valid or when no key was given
}

// Result is everything Verify found.
type Result struct {
	Signature Signature
	Checks    []Check
	Warnings  []string // things a reader should know that are not failures
}

// Failed reports whether any check failed.
func (r Result) Failed() bool {
	for _, c := range r.Checks {
		if c.Status == Fail {
			return true
		}
	}
	return false
}

// Causes of an invalid or unsupported signature, matched with errors.Is.
var (
	ErrAlgNone          = errors.New(`alg "none": the token is unsigned`)
	ErrAlgNotAllowed    = errors.New("algorithm not allowed")
	ErrAlgUnsupported   = errors.New("algorithm not supported")
	ErrMalformed        = errors.New("token is malformed")
	ErrUnknownCrit      = errors.New("unknown critical header parameter")
	ErrUnencodedPayload = errors.New(`"b64": false (RFC 7797 unencoded payload) is not supported`)
	ErrUnknownKID       = errors.New("no key with this kid")
	ErrNoMatchingKey    = errors.New("no key in the set fits the algorithm")
	ErrKeyMismatch      = errors.New("key type does not fit the algorithm")
	ErrKeyUse           = errors.New("key is not meant for signature verification")
	ErrHMACWithPublic   = errors.New("HMAC is never verified with public-key material")
	ErrBadSignature     = errors.New("signature does not match")
	ErrNotSigned        = errors.New("this kind of token carries no verifiable signature")
	ErrDuplicateHeader  = errors.New("duplicate header parameter")
	ErrDuplicateClaim   = errors.New("duplicate claim")
	ErrKeySource        = errors.New("key source unusable")
	ErrPublicKeySecret  = errors.New("HMAC secret looks like public-key material")
	ErrNoKeysInSet      = errors.New("key set holds no usable key")
	ErrPublicHMACKey    = errors.New("HMAC key from a public URL")
	ErrKeyTooLarge      = errors.New("RSA key larger than 16384 bits")
	ErrWeakKey          = errors.New("weak key")
	ErrSmallOrderKey    = errors.New("Ed25519 public key of small order")
	ErrHMACKeyInSet     = errors.New("HMAC key in a key set")
	ErrKeyFile          = errors.New("key file refused")
	ErrDiscoveryOffline = errors.New("discovery disabled")
)
