package verify

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// DefaultLeeway tolerates clock skew between issuer, verifier and this tool.
const DefaultLeeway = 30 * time.Second

// Options say what to verify against.
type Options struct {
	Keys      *KeySet       // nil: signature is unverified
	Algs      []string      // allowed algorithms; empty: SupportedAlgs
	Issuer    string        // expected iss; empty: skip
	Audiences []string      // expected aud, any one matching; empty: skip
	Leeway    time.Duration // applied to exp, nbf and iat
	At        time.Time     // the instant to evaluate time claims at
	// Names words the settings that check details point to, such as the
	// command layer's flags; nil leaves them neutral.
	Names setting.Names
}

// Verify runs every check on tok and returns each result with its reason.
func Verify(tok *decode.Token, opts Options) Result {
	sig, notes := signature(tok, opts.Keys, opts.Algs, opts.Names)
	res := Result{Signature: sig, Warnings: append(headerWarnings(tok, opts.Names), notes.warnings...)}
	res.Checks = append(res.Checks, signatureCheck(sig), algCheck(tok, sig, opts.Algs, opts.Names))
	if notes.weak != "" {
		// Shown only when a weak key was involved: most tokens never need it.
		res.Checks = append(res.Checks, Check{Name: "weak key", Status: Fail, Detail: notes.weak})
	}
	claims := tok.Payload
	// validate asks golang-jwt's Validator about one claim alone, so its
	// joined errors never have to be untangled per check.
	validate := func(name string, extra ...jwt.ParserOption) error {
		v, _ := claims.Get(name)
		popts := append([]jwt.ParserOption{jwt.WithLeeway(opts.Leeway), jwt.WithTimeFunc(func() time.Time { return opts.At })}, extra...)
		return jwt.NewValidator(popts...).Validate(jwt.MapClaims{name: v.Interface()})
	}
	res.Checks = append(res.Checks,
		timeCheck(claims, "exp", opts, func() error { return validate("exp", jwt.WithExpirationRequired()) }),
		timeCheck(claims, "nbf", opts, func() error { return validate("nbf", jwt.WithNotBeforeRequired()) }),
		timeCheck(claims, "iat", opts, func() error { return validate("iat", jwt.WithIssuedAt()) }),
		issuerCheck(claims, opts.Issuer, opts.Names, func() error { return validate("iss", jwt.WithIssuer(opts.Issuer)) }),
		audienceCheck(claims, opts.Audiences, opts.Names, func() error { return validate("aud", jwt.WithAudience(opts.Audiences...)) }),
	)
	if claims.Kind == decode.Object {
		res.Warnings = append(res.Warnings, timeWarnings(claims)...)
	}
	return res
}

func signatureCheck(sig Signature) Check {
	c := Check{Name: "signature", Detail: sig.Reason}
	switch sig.Status {
	case StatusValid:
		c.Status = Pass
	case StatusUnverified:
		c.Status = Skip
	case StatusUnsupported:
		c.Status = Skip
	default:
		c.Status = Fail
	}
	return c
}

func algCheck(tok *decode.Token, sig Signature, allowed []string, say setting.Names) Check {
	c := Check{Name: "alg"}
	alg := tok.Alg()
	switch {
	case tok.Kind == decode.KindJWE || tok.Kind == decode.KindSegment:
		c.Status, c.Detail = Skip, "no JWS algorithm to check"
	case alg == "":
		c.Status, c.Detail = Fail, `the header has no string "alg"`
	case errors.Is(sig.Err, ErrAlgNone):
		c.Status, c.Detail = Fail, `"`+alg+`" means unsigned; never allowed`
	case errors.Is(sig.Err, ErrAlgUnsupported):
		c.Status, c.Detail = Fail, alg+" is not a supported JWS algorithm"
	case len(allowed) > 0 && !slices.Contains(allowed, alg):
		c.Status, c.Detail = Fail, alg+" is not in the allowed list ("+strings.Join(allowed, ", ")+")"
	case len(allowed) > 0:
		c.Status, c.Detail = Pass, alg+" is in the allowed list"
	default:
		c.Status, c.Detail = Pass, alg+" is a supported asymmetric or HMAC algorithm (restrict with "+say.Name(setting.Algs)+")"
	}
	return c
}

// timeCheck explains exp/nbf/iat in words; golang-jwt's Validator gives the
// verdict so that leeway and boundary semantics match the library exactly.
func timeCheck(claims decode.Value, name string, opts Options, validate func() error) Check {
	c := Check{Name: name}
	if claims.Kind != decode.Object {
		c.Status, c.Detail = Skip, "no claims to check"
		return c
	}
	v, ok := claims.Get(name)
	if !ok {
		c.Status, c.Detail = Skip, "the token has no "+name+" claim"
		if name == "exp" {
			c.Detail += ": it never expires"
		}
		return c
	}
	if n := claims.Count(name); n > 1 {
		c.Status, c.Detail = Fail, fmt.Sprintf("%v: %q appears %d times; verifiers disagree on which one counts", ErrDuplicateClaim, name, n)
		return c
	}
	t, err := decode.NumericDate(v)
	if err != nil {
		c.Status, c.Detail = Fail, err.Error()
		return c
	}
	when := t.Format(time.RFC3339) + ", " + decode.Relative(t, opts.At)
	err = validate()
	switch {
	case err == nil:
		c.Status = Pass
	case errors.Is(err, jwt.ErrTokenExpired), errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		c.Status = Fail
	default:
		c.Status, c.Detail = Fail, err.Error()
		return c
	}
	leeway := ""
	if opts.Leeway > 0 {
		leeway = fmt.Sprintf(" (leeway %s)", opts.Leeway)
	}
	switch {
	case name == "exp" && c.Status == Pass:
		c.Detail = "expires " + when
	case name == "exp":
		c.Detail = "expired " + when + leeway
	case name == "nbf" && c.Status == Pass:
		c.Detail = "valid since " + when
	case name == "nbf":
		c.Detail = "not valid yet: valid from " + when + leeway
	case c.Status == Pass:
		c.Detail = "issued " + when
	default:
		c.Detail = "issued in the future: " + when + leeway
	}
	return c
}

func issuerCheck(claims decode.Value, want string, say setting.Names, validate func() error) Check {
	c := Check{Name: "iss"}
	got, isStr := claims.Str("iss")
	_, present := claims.Get("iss")
	switch {
	case want == "":
		c.Status, c.Detail = Skip, say.Pick("no expected issuer given", "no expected issuer given (%s)", setting.Issuer)
	case claims.Count("iss") > 1:
		c.Status, c.Detail = Fail, fmt.Sprintf("%v: \"iss\" appears %d times", ErrDuplicateClaim, claims.Count("iss"))
	case !present:
		c.Status, c.Detail = Fail, "the token has no iss claim; expected "+escape.Quoted(want)
	case !isStr:
		c.Status, c.Detail = Fail, "iss is not a string"
	case validate() == nil:
		c.Status, c.Detail = Pass, "iss is "+escape.Quoted(got)
	default:
		c.Status, c.Detail = Fail, "iss is "+escape.Quoted(got)+", expected "+escape.Quoted(want)+issuerHint(got, want)
	}
	return c
}

func issuerHint(got, want string) string {
	if strings.TrimSuffix(got, "/") == strings.TrimSuffix(want, "/") {
		return " (they differ only by a trailing slash; issuer matching is exact)"
	}
	if strings.EqualFold(got, want) {
		return " (they differ only in case; issuer matching is exact)"
	}
	return ""
}

func audienceCheck(claims decode.Value, want []string, say setting.Names, validate func() error) Check {
	c := Check{Name: "aud"}
	v, present := claims.Get("aud")
	got := audiences(v)
	switch {
	case present && got == nil:
		// Malformed whatever is expected: golang-jwt refuses such an aud
		// wherever a relying party checks it, so no audience is ever met.
		c.Status, c.Detail = Fail, "aud is neither a string nor an array of strings (RFC 7519 §4.1.3): "+audShape(v)
	case len(want) == 0:
		c.Status, c.Detail = Skip, say.Pick("no expected audience given", "no expected audience given (%s)", setting.Audience)
	case claims.Count("aud") > 1:
		c.Status, c.Detail = Fail, fmt.Sprintf("%v: \"aud\" appears %d times", ErrDuplicateClaim, claims.Count("aud"))
	case !present:
		c.Status, c.Detail = Fail, "the token has no aud claim; expected "+quoteAll(want)
	case validate() == nil:
		c.Status, c.Detail = Pass, "aud "+quoteAll(got)+" contains "+quoteAll(intersect(got, want))
	default:
		c.Status, c.Detail = Fail, "aud is "+quoteAll(got)+", expected "+quoteAll(want)
	}
	return c
}

// audShape says what a malformed aud is.
func audShape(v decode.Value) string {
	if v.Kind == decode.Array {
		for i, it := range v.Items {
			if it.Kind != decode.String {
				return fmt.Sprintf("item %d of the array is %s", i, kindPhrase(it.Kind))
			}
		}
	}
	return "it is " + kindPhrase(v.Kind)
}

// kindPhrase names a JSON kind with its article: "a number", "an object",
// "null".
func kindPhrase(k decode.Kind) string {
	switch k {
	case decode.Null:
		return "null"
	case decode.Array, decode.Object:
		return "an " + k.String()
	}
	return "a " + k.String()
}

// audiences reads aud as RFC 7519 allows: a string or an array of strings.
func audiences(v decode.Value) []string {
	switch v.Kind {
	case decode.String:
		return []string{v.Text}
	case decode.Array:
		out := make([]string, 0, len(v.Items))
		for _, it := range v.Items {
			if it.Kind != decode.String {
				return nil
			}
			out = append(out, it.Text)
		}
		return out
	}
	return nil
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func quoteAll(xs []string) string {
	const show = 5
	q := make([]string, 0, show+1)
	for i, x := range xs {
		if i == show {
			q = append(q, fmt.Sprintf("… %d more", len(xs)-show))
			break
		}
		q = append(q, escape.Quoted(x))
	}
	if len(xs) == 1 {
		return q[0]
	}
	return "[" + strings.Join(q, ", ") + "]"
}
