package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// inspectFlags holds everything `inspect` accepts.
type inspectFlags struct {
	json       bool
	demo       bool
	demoSet    string
	jwks       string
	key        string
	secretFile string
	discover   bool
	offline    bool
	algs       listFlag
	issuer     string
	audiences  listFlag
	leeway     time.Duration
	at         string
	maxSize    int
	highlight  listFlag
	policies   listFlag
	policyDirs listFlag
	any        bool
	redact     redact.Mode
}

func newInspectFlagSet(f *inspectFlags, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&f.json, "json", false, "print the report as JSON (schema oidcscope/v1)")
	fs.BoolVar(&f.demo, "demo", false, "inspect a freshly signed embedded demo token against the demo JWKS, offline")
	fs.StringVar(&f.demoSet, "demo-set", "", "demo claim set to sign (implies --demo): "+strings.Join(fixtures.Names(), ", "))
	fs.StringVar(&f.jwks, "jwks", "", "verify with a JWK Set or single JWK from `FILE|URL`")
	fs.StringVar(&f.key, "key", "", "verify with a PEM public key or certificate, or a JWK of any kty, from `FILE`")
	fs.StringVar(&f.secretFile, "secret-file", "", "verify HMAC with the raw secret in `FILE` (or set OIDCSCOPE_SECRET)")
	fs.BoolVar(&f.discover, "discover", false, "fetch keys by OIDC discovery from the token's iss even if it is not a GitHub issuer")
	fs.BoolVar(&f.offline, "offline", false, "never use the network")
	fs.Var(&f.algs, "algs", "allowed algorithms, comma-separated or repeated (default: all supported)")
	fs.Var(&f.algs, "alg", "same as --algs")
	fs.StringVar(&f.issuer, "issuer", "", "expected iss, matched exactly")
	fs.Var(&f.audiences, "audience", "expected aud (repeatable; any one must match)")
	fs.DurationVar(&f.leeway, "leeway", verify.DefaultLeeway, "clock skew allowed for exp, nbf and iat (zero or more)")
	fs.StringVar(&f.at, "at", "", "evaluate time claims at `RFC3339|unix` (1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z) instead of now")
	fs.IntVar(&f.maxSize, "max-size", decode.DefaultMaxSize, "largest token text accepted, in `bytes`")
	fs.Var(&f.highlight, "highlight", "highlight these claims too, comma-separated or repeated")
	fs.Var(&f.policies, "policy", "evaluate the token against the trust policy in `FILE` (repeatable; - for stdin); the provider is detected from the content")
	fs.Var(&f.policyDirs, "policy-dir", "evaluate every policy document (.json, .yaml, .yml) below `DIR` (repeatable)")
	fs.Var(&f.redact, "redact", "hide in the report `signature` (alone: --redact), ids (the signature, numeric IDs and jti), or none (the default), to paste it where others read it")
	fs.BoolVar(&f.any, "any", false, "exit 0 when at least one policy allows (\"which of these roles can this token assume?\")")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: oidcscope inspect [TOKEN | - | @FILE] [flags]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	return fs
}

func runInspect(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	var f inspectFlags
	if wantsHelp(args) {
		newInspectFlagSet(&f, stdout).Usage()
		return 0
	}
	fs := newInspectFlagSet(&f, stderr)
	positional, err := parseInterspersed(fs, joinRedactValue(args))
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2 // the flag package already printed the problem
	}
	opts, code := f.options(positional, stdin, stderr, getenv, false)
	if code != 0 {
		return code
	}
	rep := inspect.Run(context.Background(), opts)
	shown := redact.Report(rep, f.redact) // the exit code stays the real token's
	if f.json {
		err = report.JSON(stdout, shown)
	} else {
		err = report.Text(stdout, shown, lipgloss.NewRenderer(stdout, termenv.WithEnvironment(environ(getenv))))
	}
	if err != nil {
		fmt.Fprintf(stderr, "oidcscope: writing the report: %v\n", err)
		return 2
	}
	if opts.Policies != nil && opts.Policies.Failed() {
		// The report shows them too; stderr says why the exit code is 2.
		for _, r := range opts.Policies.Failures() {
			fmt.Fprintf(stderr, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
		}
		return 2 // a policy document could not be read: the user must fix the input
	}
	return rep.ExitCode()
}

// options turns the flags into the pipeline's options: keys, checks, the
// demo, the token (optional for the terminal UI, which can ask for one)
// and the policies. A non-zero code means a usage error, already reported.
func (f *inspectFlags) options(positional []string, stdin io.Reader, stderr io.Writer, getenv env, tokenOptional bool) (inspect.Options, int) {
	fail := func(format string, a ...any) (inspect.Options, int) {
		fmt.Fprintf(stderr, "oidcscope: "+format+"\n", a...)
		return inspect.Options{}, 2
	}
	if len(positional) > 1 {
		return fail("one token at a time (got %d arguments)", len(positional))
	}
	if f.demoSet != "" {
		f.demo = true
	}
	opts := inspect.Options{
		MaxSize:   f.maxSize,
		Algs:      splitList(f.algs),
		Issuer:    f.issuer,
		Audiences: f.audiences,
		Leeway:    f.leeway,
		Highlight: splitList(f.highlight),
		Source: verify.Source{
			JWKS: f.jwks, KeyFile: f.key, SecretFile: f.secretFile,
			Discover: f.discover, Offline: f.offline,
			// The issuer the user typed: with --discover, the only one
			// that may be discovered on loopback (a local test issuer).
			Issuer: f.issuer,
		},
	}
	if s := getenv("OIDCSCOPE_SECRET"); s != "" && f.jwks == "" && f.key == "" && f.secretFile == "" {
		opts.Source.Secret = []byte(s)
	}
	if n := countSet(f.jwks, f.key, f.secretFile); n > 1 {
		return fail("give one of --jwks, --key and --secret-file, not %d", n)
	}
	if f.at != "" {
		t, err := parseInstant(f.at)
		if err != nil {
			return fail("--at: %v", err)
		}
		opts.At = t
	}
	if f.leeway < 0 {
		// It would make the time checks stricter than the token itself.
		return fail("--leeway: %s is negative; give the clock skew to allow, such as 1m", f.leeway)
	}
	if f.demo {
		if len(positional) > 0 {
			return fail("--demo signs its own token; drop the TOKEN argument")
		}
		if countSet(f.jwks, f.key, f.secretFile) > 0 || f.discover {
			return fail("--demo verifies with the embedded demo JWKS; drop --jwks, --key, --secret-file and --discover")
		}
		if code := setupDemo(&opts, f.demoSet, stderr); code != 0 {
			return opts, code
		}
	} else {
		if slices.Contains(f.policies, "-") && (len(positional) == 0 || positional[0] == "-") {
			return fail("stdin can carry the token or a policy, not both: pass the token as TOKEN or @FILE")
		}
		if !(tokenOptional && len(positional) == 0 && stdinIsTerminal(stdin)) {
			input, err := readToken(positional, stdin, f.maxSize)
			if err != nil {
				return fail("%s", escape.Text(err.Error()))
			}
			opts.Input = input
		}
	}
	if len(f.policies) > 0 || len(f.policyDirs) > 0 {
		opts.Policies = policyset.Loader{}.Load(f.policies, f.policyDirs, stdin)
		opts.PoliciesAny = f.any
	}
	return opts, 0
}

// setupDemo signs a fresh demo token and verifies it against the embedded
// demo JWKS, offline, as if the user had given --issuer and --audience.
func setupDemo(opts *inspect.Options, name string, stderr io.Writer) int {
	if name == "" {
		name = fixtures.DefaultDemo
	}
	tok, err := fixtures.Sign(name, time.Now())
	if err != nil {
		fmt.Fprintf(stderr, "oidcscope: --demo-set: %s\n", escape.Text(err.Error()))
		return 2
	}
	keys, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "(embedded demo JWKS)")
	if err != nil {
		fmt.Fprintf(stderr, "oidcscope: demo JWKS: %v\n", err)
		return 2
	}
	opts.Input = []byte(tok)
	opts.Keys = keys
	opts.Source = verify.Source{Offline: true}
	claims, _ := decode.Parse(tok)
	if opts.Issuer == "" {
		opts.Issuer, _ = claims.Payload.Str("iss")
	}
	if len(opts.Audiences) == 0 {
		aud, _ := claims.Payload.Str("aud")
		opts.Audiences = []string{aud}
	}
	opts.Notes = append(opts.Notes, fmt.Sprintf(
		"demo: claim set %q signed just now with the public demo key; checked offline as if run with --jwks <demo JWKS> --issuer %s --audience %s",
		name, opts.Issuer, strings.Join(opts.Audiences, ",")))
	return 0
}

// readToken takes the token from the argument, a file (@FILE), or stdin
// ("-" or no argument), reading at most max+1 bytes so an oversized input is
// reported, not swallowed.
func readToken(positional []string, stdin io.Reader, max int) ([]byte, error) {
	arg := "-"
	if len(positional) == 1 {
		arg = positional[0]
	}
	var r io.Reader
	switch {
	case arg == "-":
		if f, ok := stdin.(*os.File); ok && isTerminal(f) {
			return nil, errors.New("no token given: pass TOKEN, @FILE or pipe it on stdin (or try --demo)")
		}
		r = stdin
	case strings.HasPrefix(arg, "@"):
		f, err := os.Open(arg[1:])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	default:
		return []byte(arg), nil
	}
	if max <= 0 {
		max = decode.DefaultMaxSize
	}
	return io.ReadAll(io.LimitReader(r, int64(max)+1))
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// parseInterspersed lets flags follow the token, as people type them:
// `oidcscope inspect TOKEN --json`. After "--" everything is positional.
// The flag package's messages quote the argument as typed ("flag provided
// but not defined: -x…"), so they are written here, escaped like every
// outside string, followed by the usage as the flag package would.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	out, usage := fs.Output(), fs.Usage
	if usage == nil {
		usage = fs.PrintDefaults
	}
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	positional, err := parseAll(fs, args)
	fs.SetOutput(out)
	fs.Usage = usage
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage()
	case err != nil:
		fmt.Fprintln(out, escape.Text(err.Error()))
		usage()
	}
	return positional, err
}

func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if i := len(args) - len(rest) - 1; i >= 0 && args[i] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// wantsHelp finds a help flag before any "--", so help goes to stdout and
// exits 0 however it is asked for.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// listFlag collects repeated and comma-separated values.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func splitList(l listFlag) []string {
	var out []string
	for _, v := range l {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

func countSet(vals ...string) int {
	n := 0
	for _, v := range vals {
		if v != "" {
			n++
		}
	}
	return n
}

// stdinIsTerminal is true when nothing was piped in: the user is at a
// keyboard.
func stdinIsTerminal(stdin io.Reader) bool {
	f, ok := stdin.(*os.File)
	return ok && isTerminal(f)
}
