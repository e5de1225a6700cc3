// Command oidcscope inspects JSON Web Tokens, GitHub Actions OIDC tokens
// first: it decodes, verifies and explains them.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}

// env abstracts os.Getenv so tests control OIDCSCOPE_SECRET and NO_COLOR.
type env func(string) string

// environ adapts env to termenv, so colour detection reads the same
// environment as everything else.
type environ env

func (e environ) Getenv(k string) string { return e(k) }
func (e environ) Environ() []string      { return nil }

// run is the whole program behind main, so tests can call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv env) int {
	if len(args) > 0 {
		switch args[0] {
		case "inspect":
			return runInspect(args[1:], stdin, stdout, stderr, getenv)
		case "explain":
			return runExplain(args[1:], stdout, stderr, getenv)
		case "suggest":
			return runSuggest(args[1:], stdin, stdout, stderr)
		case "fetch":
			return runFetch(args[1:], stdin, stdout, stderr, getenv)
		case "version", "--version":
			fmt.Fprintln(stdout, "oidcscope", version())
			return 0
		case "help", "-h", "--help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	if len(args) > 0 && looksLikeCommand(args[0]) {
		fmt.Fprintf(stderr, "oidcscope: unknown command %s (run 'oidcscope help')\n", quoted(args[0]))
		return 2
	}
	return runTUI(args, stdin, stdout, stderr, getenv)
}

// looksLikeCommand catches a mistyped subcommand before it is read as a
// token: a short lower-case word can never be a JWT, whose parts start "eyJ".
func looksLikeCommand(arg string) bool {
	if len(arg) == 0 || len(arg) > 20 {
		return false
	}
	for _, c := range arg {
		if (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return arg[0] != '-'
}

// version reports the module version stamped by `go install …@vX`, or the
// VCS revision of a local build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return "devel-" + s.Value[:12]
		}
	}
	return "devel"
}

const usage = `oidcscope — inspect, verify and explain JSON Web Tokens (GitHub Actions OIDC first)

Usage:
  oidcscope [TOKEN | @FILE] [flags]               the terminal inspector (paste screen without a token)
  oidcscope --demo                                the inspector on a demo token with sample policies, offline
  oidcscope inspect [TOKEN | - | @FILE] [flags]   decode, verify and explain a token
  oidcscope inspect --demo                        the same, on a fresh embedded demo token
  oidcscope explain CLAIM [--profile ID] [--json] what a claim means, from the catalog
  oidcscope suggest --provider P [--scope S] TOKEN  a least-privilege policy this token satisfies
  oidcscope fetch [--policy FILE] [flags]         in a GitHub Actions job: fetch the job's token, check it
  oidcscope version

The token may be pasted in any common wrapping: bare, "Bearer …", an
Authorization header, quoted, wrapped across lines, the Actions token
endpoint's JSON, or inside a log line. With no TOKEN, it is read from stdin.
When stdout is not a terminal, or with --json, the bare command is inspect.

Run 'oidcscope inspect --help' for the flags.

Exit codes: 0 every requested check passed, 1 a check failed,
            2 not a token, bad usage, or an unusable key source.
`
