package cli

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/closest"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// The demo, in one place: a fresh token signed with the public demo key,
// verified against the embedded demo JWKS offline, and the sample policies
// the terminal UI's demo shows.

// setupDemo signs a fresh demo token of claim set name (the default when
// "") and verifies it against the embedded demo JWKS, offline, as if the
// user had given --issuer and --audience. With --at (opts.At) it is
// signed at that instant: the demo is valid then, as it is now without
// it, and the same on every run.
func setupDemo(opts *inspect.Options, name string) error {
	if name == "" {
		name = fixtures.DefaultDemo
	}
	signedAt, when := time.Now(), "just now"
	if !opts.At.IsZero() {
		signedAt, when = opts.At, "at "+opts.At.UTC().Format(time.RFC3339)+" (--at)"
	}
	if err := checkDemoSet(name); err != nil {
		return err
	}
	tok, err := fixtures.Sign(name, signedAt)
	if err != nil {
		return failf("demo: %w", err)
	}
	keys, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "(embedded demo JWKS)")
	if err != nil {
		return failf("demo JWKS: %w", err)
	}
	opts.Input = []byte(tok)
	opts.Keys = keys
	// The embedded keys, offline, in place of any source; the settings
	// are still worded as the flags that set them, as for any token.
	opts.Source = verify.Source{Offline: true, Names: flagwords.Names}
	claims, _ := decode.Parse(tok)
	if opts.Issuer == "" {
		opts.Issuer, _ = claims.Payload.Str("iss")
	}
	if len(opts.Audiences) == 0 {
		aud, _ := claims.Payload.Str("aud")
		opts.Audiences = []string{aud}
	}
	opts.Notes = append(opts.Notes, fmt.Sprintf(
		"demo: claim set %q signed %s with the public demo key; checked offline as if run with --jwks <demo JWKS> --issuer %s --audience %s",
		name, when, opts.Issuer, strings.Join(opts.Audiences, ",")))
	return nil
}

// checkDemoSet refuses a claim set the demo does not have, as a usage
// error naming the closest one and every set, as a mistyped flag is.
func checkDemoSet(name string) error {
	names := fixtures.Names()
	if slices.Contains(names, name) {
		return nil
	}
	guess := ""
	if near := closest.Match(name, names, max(2, len(name)/3)+1); near != "" {
		guess = "; did you mean " + near + "?"
	}
	return usagef("--demo-set: unknown claim set %s%s (known sets: %s)", escape.Quoted(name), guess, strings.Join(names, ", "))
}

// demoToken is a fresh token of the default demo claim set, for suggest
// and the paste screen's demo offer.
func demoToken(now time.Time) ([]byte, error) {
	tok, err := fixtures.Sign(fixtures.DefaultDemo, now)
	return []byte(tok), err
}

// demoSession is what the paste screen's demo offer uses: the demo keys,
// offline; withDemoSamples adds the sample policies.
func demoSession() (inspect.Session, error) {
	opts := inspect.Options{Providers: policyset.All(), LoadPolicies: loadPolicyFiles, UnloadPolicies: unloadPolicyDocument}
	if err := setupDemo(&opts, fixtures.DefaultDemo); err != nil {
		return inspect.Session{}, err
	}
	return inspect.NewSession(opts), nil
}

// withDemoSamples is s with the demo's sample policies after those it
// has. Parsing them is most of the demo's setup, so the terminal
// inspector runs this in the background (ui.Config.DemoSamples).
func withDemoSamples(s inspect.Session) inspect.Session {
	given, _ := s.Policies().(*policyset.Set)
	return s.WithPolicies(given.Merge(demoPolicies()))
}

// demoPolicies loads the embedded sample policies the demo shows, named by
// their path in the repository.
func demoPolicies() *policyset.Set {
	read := func(p string) ([]byte, error) {
		return fs.ReadFile(fixtures.Policies(), strings.TrimPrefix(p, "fixtures/"))
	}
	paths := fixtures.DemoPolicies()
	for i, p := range paths {
		paths[i] = "fixtures/" + p
	}
	return policyset.Loader{ReadFile: read}.Load(paths, nil, nil)
}
