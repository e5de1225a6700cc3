package cli

import (
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/verify"
)

// keySourceFlags say where the verification keys come from.
type keySourceFlags struct {
	jwks, key, secretFile string
	discover, offline     bool
}

func (k *keySourceFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&k.jwks, "jwks", "", "verify with a JWK Set or single JWK from `FILE|URL`")
	fs.StringVar(&k.key, "key", "", "verify with a PEM public key or certificate, or a JWK of any kty, from `FILE`")
	fs.StringVar(&k.secretFile, "secret-file", "", "verify HMAC with the raw secret in `FILE` (or set OIDCSCOPE_SECRET)")
	fs.BoolVar(&k.discover, "discover", false, "fetch keys by OIDC discovery from the token's iss even if it is not a GitHub issuer")
	fs.BoolVar(&k.offline, "offline", false, "never use the network")
}

// count is how many key sources were named.
func (k *keySourceFlags) count() int {
	n := 0
	for _, v := range []string{k.jwks, k.key, k.secretFile} {
		if v != "" {
			n++
		}
	}
	return n
}

// checkFlags are the checks made on the token's claims.
type checkFlags struct {
	algs                 algsValue
	audiences, highlight listValue
	issuer, at           string
	leeway               time.Duration
	maxSize              int
}

// inspectAudienceUsage is what --audience means to inspect; fetch passes
// its own.
const inspectAudienceUsage = "expected aud (repeatable; any one must match)"

func (c *checkFlags) register(fs *pflag.FlagSet, audienceUsage string) {
	fs.Var(&c.algs, "algs", "allowed algorithms, comma-separated or repeated (default: all supported)")
	fs.Var(&c.algs, "alg", "same as --algs")
	fs.Var(&c.audiences, "audience", audienceUsage)
	registerMaxSize(fs, &c.maxSize, decode.DefaultMaxSize)
	c.registerClaimChecks(fs, "evaluate time claims at `RFC3339|unix` (1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z) instead of now")
}

// registerClaimChecks registers the checks that apply to claims nobody
// signed (simulate, diff's own): no algorithms, audiences or size limit.
// atUsage says what --at means to the command.
func (c *checkFlags) registerClaimChecks(fs *pflag.FlagSet, atUsage string) {
	fs.StringVar(&c.issuer, "issuer", "", "expected iss, matched exactly")
	fs.DurationVar(&c.leeway, "leeway", verify.DefaultLeeway, "clock skew allowed for exp, nbf and iat (zero or more)")
	fs.StringVar(&c.at, "at", "", atUsage)
	fs.Var(&c.highlight, "highlight", "highlight these claims too, comma-separated or repeated")
}

// policyFlags name the trust policies to evaluate.
type policyFlags struct {
	files, dirs listValue
	any         bool
}

func (p *policyFlags) register(fs *pflag.FlagSet) {
	fs.Var(&p.files, "policy", "evaluate the token against the trust policy in `FILE` (repeatable; - for stdin); the provider is detected from the content")
	fs.Var(&p.dirs, "policy-dir", "evaluate every policy document (.json, .yaml, .yml) below `DIR` (repeatable)")
	fs.BoolVar(&p.any, "any", false, "exit 0 when at least one policy allows (\"which of these roles can this token assume?\")")
}

func (p *policyFlags) given() bool { return len(p.files) > 0 || len(p.dirs) > 0 }

// outputFlags shape the report.
type outputFlags struct {
	json   bool
	redact redact.Mode
}

func (o *outputFlags) register(fs *pflag.FlagSet, redactUsage string) {
	fs.BoolVar(&o.json, "json", false, "print the report as JSON (schema oidcscope/v1)")
	fs.Var(redactValue{&o.redact}, "redact", redactUsage)
	fs.Lookup("redact").NoOptDefVal = redact.Signature.String()
}

// registerIDsOnly registers the output flags of a command that shows no
// signature (simulate, diff): --redact alone hides the ids.
func (o *outputFlags) registerIDsOnly(fs *pflag.FlagSet, redactUsage string) {
	o.register(fs, redactUsage)
	fs.Lookup("redact").NoOptDefVal = redact.IDs.String()
}

// demoFlags sign a fresh demo token instead of reading one.
type demoFlags struct {
	demo bool
	set  string
}

func (d *demoFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&d.demo, "demo", false, "inspect a freshly signed embedded demo token (signed at --at when given) against the demo JWKS, offline")
	fs.StringVar(&d.set, "demo-set", "", "demo claim set to sign (implies --demo): "+strings.Join(fixtures.Names(), ", "))
}

// on is whether a demo token is wanted.
func (d *demoFlags) on() bool { return d.demo || d.set != "" }
