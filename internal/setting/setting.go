// Package setting names the inputs a caller gives the library packages
// (decode, verify, claims) that their messages point the user to: a key
// source, a mode, an expected claim. The libraries word them neutrally;
// the command layer passes Names that word them as its flags, so that no
// library message is written in terms of one front end (issue 15).
package setting

import "fmt"

// ID is one setting.
type ID int

// The settings messages point to.
const (
	JWKS       ID = iota + 1 // a JWK Set or one JWK, file or URL
	Key                      // one key file: PEM or JWK
	SecretFile               // a file holding an HMAC secret
	SecretEnv                // an HMAC secret from the environment
	Discover                 // OIDC discovery for the token's issuer
	Offline                  // no network at all
	Issuer                   // the issuer the token must carry
	Audience                 // the audiences the token may carry
	Algs                     // the algorithms a signature may use
	Highlight                // claims the user asked to see highlighted
	MaxSize                  // the largest input read
	end                      // one past the last, for tests that range over them
)

// All lists every setting, for a caller to check it words each one.
func All() []ID {
	ids := make([]ID, 0, end-1)
	for id := JWKS; id < end; id++ {
		ids = append(ids, id)
	}
	return ids
}

// String is the setting's neutral name, worded to read in every message
// that uses it ("a secret file: open …", "with a key file").
func (id ID) String() string {
	switch id {
	case JWKS:
		return "JWK Set"
	case Key:
		return "a key file"
	case SecretFile:
		return "a secret file"
	case SecretEnv:
		return "the secret from the environment"
	case Discover:
		return "discovery"
	case Offline:
		return "offline mode"
	case Issuer:
		return "the expected issuer"
	case Audience:
		return "the expected audience"
	case Algs:
		return "a list of allowed algorithms"
	case Highlight:
		return "a highlight list"
	case MaxSize:
		return "a larger size limit"
	}
	return "an unnamed setting"
}

// Names words a setting for the user, e.g. as the flag that sets it; ""
// or a nil Names leaves the neutral name.
type Names func(ID) string

// Name is id as say words it.
func (say Names) Name(id ID) string {
	if say != nil {
		if t := say(id); t != "" {
			return t
		}
	}
	return id.String()
}

// Pick is format filled with the caller's words for ids when the caller
// words every one of them, and neutral otherwise: advice that reads well
// only in the caller's terms ("no expected issuer given (--issuer)") is
// given whole or not at all.
func (say Names) Pick(neutral, format string, ids ...ID) string {
	words := make([]any, len(ids))
	for i, id := range ids {
		if say == nil || say(id) == "" {
			return neutral
		}
		words[i] = say(id)
	}
	return fmt.Sprintf(format, words...)
}
