package cli

import (
	"io"
	"os"
	"slices"
	"time"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// pipeline turns the flags into the pipeline's options: keys, checks, the
// demo, the token (optional for the terminal UI, which can ask for one)
// and the policies. Errors are usage errors.
func (o *inspectOptions) pipeline(positional []string, s streams, tokenOptional bool) (inspect.Options, error) {
	if len(positional) > 1 {
		return inspect.Options{}, usagef("one token at a time (got %d arguments)", len(positional))
	}
	opts, err := o.checkOptions(s.getenv)
	if err != nil {
		return opts, err
	}
	if o.demo.on() {
		if len(positional) > 0 {
			return opts, usagef("--demo signs its own token; drop the TOKEN argument")
		}
		if o.keys.count() > 0 || o.keys.discover {
			return opts, usagef("--demo verifies with the embedded demo JWKS; drop --jwks, --key, --secret-file and --discover")
		}
		if err := setupDemo(&opts, o.demo.set); err != nil {
			return opts, err
		}
	} else {
		if slices.Contains(o.policies.files, "-") && (len(positional) == 0 || positional[0] == "-") {
			return opts, usagef("stdin can carry the token or a policy, not both: pass the token as TOKEN or @FILE")
		}
		if !(tokenOptional && len(positional) == 0 && stdinIsTerminal(s.in)) {
			input, err := readToken(positional, s.in, o.checks.maxSize)
			if err != nil {
				return opts, usagef("%w", err)
			}
			opts.Input = input
		}
	}
	if _, err := o.policies.load(&opts, s.in); err != nil {
		return opts, err
	}
	return opts, nil
}

// load reads the policy documents named (stdin for -) into opts, with
// --any; nil when none are named. A folder without any is an error
// (loadPolicySet).
func (p *policyFlags) load(opts *inspect.Options, stdin io.Reader) (*policyset.Set, error) {
	set, err := loadPolicySet(p.files, p.dirs, stdin)
	if set == nil || err != nil {
		return nil, err
	}
	opts.Policies, opts.PoliciesAny = set, p.any
	return set, nil
}

// checkOptions are the options every token gets: limits, checks, the key
// source, and every provider for the conditions each claim satisfies and
// for policy files loaded later (the terminal UI's prompt).
func (o *inspectOptions) checkOptions(getenv env) (inspect.Options, error) {
	c, k := &o.checks, &o.keys
	opts := inspect.Options{
		Providers:      policyset.All(),
		LoadPolicies:   loadPolicyFiles,
		UnloadPolicies: unloadPolicyDocument,
		MaxSize:        c.maxSize,
		Algs:           c.algs.split(),
		Issuer:         c.issuer,
		Audiences:      c.audiences,
		Leeway:         c.leeway,
		Highlight:      c.highlight.split(),
		Source: verify.Source{
			JWKS: k.jwks, KeyFile: k.key, SecretFile: k.secretFile,
			Discover: k.discover, Offline: k.offline,
			// The issuer the user typed: with --discover, the only one
			// that may be discovered on loopback (a local test issuer).
			Issuer: c.issuer,
			// Key-source messages point at these flags.
			Names: flagwords.Names,
		},
	}
	if sec := getenv("OIDCSCOPE_SECRET"); sec != "" && k.count() == 0 {
		opts.Source.Secret = []byte(sec)
	}
	if n := k.count(); n > 1 {
		return opts, usagef("give one of --jwks, --key and --secret-file, not %d", n)
	}
	var err error
	opts.At, err = c.instant()
	return opts, err
}

// instant is --at (zero without it), once --at and --leeway are checked.
func (c *checkFlags) instant() (time.Time, error) {
	var at time.Time
	if c.at != "" {
		t, err := parseInstant(c.at)
		if err != nil {
			return at, usagef("--at: %w", err)
		}
		at = t
	}
	if c.leeway < 0 {
		// It would make the time checks stricter than the token itself.
		return at, usagef("--leeway: %s is negative; give the clock skew to allow, such as 1m", c.leeway)
	}
	return at, nil
}

// loadPolicyFiles is the pipeline's inspect.PolicyLoader: the documents at
// paths, read by every provider, after those already loaded. A path that
// is a folder loads the policy documents in it, as --policy-dir does.
func loadPolicyFiles(loaded inspect.Policies, paths ...string) (inspect.Policies, []policy.Result) {
	var files, dirs []string
	for _, p := range paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			dirs = append(dirs, p)
		} else {
			files = append(files, p)
		}
	}
	set := policyset.Loader{}.Load(files, dirs, nil)
	return documentsOf(loaded).with(set), set.Failures()
}
