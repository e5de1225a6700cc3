package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// runSuggest prints a least-privilege policy that the token satisfies:
// `oidcscope suggest --provider aws --scope ref TOKEN`. The document goes to
// stdout, ready to paste; notes go to stderr.
func runSuggest(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("suggest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	providerID := fs.String("provider", "", "aws, entra, gcp, vault, octo-sts or k8s (required)")
	scope := fs.String("scope", "", "what to pin: repo, ref, environment or workflow (default: environment when the token has one, else ref)")
	asJSON := fs.Bool("json", false, "print the suggestion and its notes as JSON")
	demo := fs.Bool("demo", false, "suggest for a fresh embedded demo token")
	maxSize := fs.Int("max-size", decode.DefaultMaxSize, "largest token text accepted, in `bytes`")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: oidcscope suggest --provider ID [--scope repo|ref|environment|workflow] [TOKEN | - | @FILE]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "oidcscope: "+format+"\n", a...)
		return 2
	}
	prov := policyset.ByID(*providerID)
	if prov == nil {
		return fail("--provider: choose one of %s", strings.Join(policy.Providers, ", "))
	}
	sc := policy.Scope(*scope)
	if sc != "" && !slices.Contains(policy.Scopes, sc) {
		return fail("--scope: choose one of repo, ref, environment, workflow")
	}
	var input []byte
	if *demo {
		tok, err := fixtures.Sign(fixtures.DefaultDemo, time.Now())
		if err != nil {
			return fail("%v", err)
		}
		input = []byte(tok)
	} else if input, err = readToken(positional, stdin, *maxSize); err != nil {
		return fail("%s", escape.Text(err.Error()))
	}
	tok, err := decode.Decode(input, *maxSize)
	if err != nil {
		return fail("%s", escape.Text(err.Error()))
	}
	if tok.Payload.Kind != decode.Object {
		return fail("the token's claims could not be read, so there is nothing to pin")
	}
	pt := policy.NewToken(tok.Payload)
	if sc == "" {
		sc = policy.DefaultScope(pt)
	}
	sug, err := prov.Suggest(pt, sc)
	if err != nil {
		return fail("%s", escape.Text(err.Error()))
	}
	// A suggestion is only useful if it lets this very token in: check it
	// with the same evaluator the inspect command uses.
	res, audOnly, ok := roundTrip(prov, sug, pt)
	if !ok {
		return fail("internal error: the suggested %s policy does not allow this token (%s); please report it", prov.ID(), escape.Text(res))
	}
	if audOnly {
		sug.Notes = append(sug.Notes, "as it stands this token is refused, on aud alone: the suggestion pins the audience "+policy.ProviderName(prov.ID())+" expects, so request the token with that audience")
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(sug); err != nil {
			return 2
		}
		return 0
	}
	fmt.Fprint(stdout, escape.Document(sug.Document))
	if !strings.HasSuffix(sug.Document, "\n") {
		fmt.Fprintln(stdout)
	}
	for _, n := range sug.Notes {
		fmt.Fprintln(stderr, "note: "+escape.Text(n))
	}
	return 0
}

// roundTrip evaluates the suggestion against the token it was made for. A
// suggestion may pin the provider's own audience rather than the token's
// (Entra accepts only one): a deny on aud alone still counts, and says so.
func roundTrip(prov policy.Provider, sug policy.Suggestion, tok policy.Token) (why string, audOnly, ok bool) {
	pols, err := prov.Parse("suggestion", []byte(sug.Document))
	if err != nil {
		return err.Error(), false, false
	}
	if len(pols) == 0 {
		return "no policy in the suggestion", false, false
	}
	for _, p := range pols {
		if r := policyset.SafeEvaluate(p, tok); r.Verdict == policy.Allow {
			return "", false, true
		}
	}
	for _, p := range pols {
		if failsOnAudOnly(policyset.SafeEvaluate(p, tok)) {
			return "", true, true
		}
	}
	return policyset.SafeEvaluate(pols[0], tok).Summary, false, false
}

// failsOnAudOnly reports a deny whose failing conditions all read aud alone.
func failsOnAudOnly(r policy.Result) bool {
	if r.Verdict != policy.Deny {
		return false
	}
	failed := 0
	for _, c := range r.Conditions {
		if c.Result == policy.Pass || c.Result == policy.NotApplied {
			continue
		}
		if len(c.Claims) != 1 || c.Claims[0] != "aud" {
			return false
		}
		failed++
	}
	return failed > 0
}
