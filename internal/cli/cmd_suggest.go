package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/tokendiff"
)

// suggestOptions are the flags of suggest.
type suggestOptions struct {
	provider, scope string
	json, demo      bool
	maxSize         int
}

// newSuggestCmd is `oidcscope suggest --provider aws --scope ref TOKEN`: a
// least-privilege policy the token satisfies. The document goes to stdout,
// ready to paste; notes go to stderr.
func newSuggestCmd(s streams) *cobra.Command {
	var o suggestOptions
	cmd := &cobra.Command{
		Use:   "suggest --provider ID [--scope repo|ref|environment|workflow] [TOKEN | - | @FILE]",
		Short: "a least-privilege policy this token satisfies",
		Long: `Print a least-privilege policy for --provider that the token satisfies:
the document on stdout, ready to paste, and notes on what it pins on
stderr (with --json: both, as one object). TOKEN is the token itself, @FILE
or - (stdin). Before a job has run, TOKEN may be what simulate --json
printed for it: its claims are pinned as simulated, and a note says so (a
report of several triggers is refused: save one trigger's).

Exit code: 0 with a suggestion, 2 when the input holds no claims to pin or
on bad usage.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return suggestRun(&o, args, s)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&o.provider, "provider", "", strings.Join(policy.ProviderIDs(), ", ")+" (required; azure and google are read as entra and gcp)")
	fs.StringVar(&o.scope, "scope", "", "what to pin: repo, ref, environment or workflow (default: environment when the token has one, else ref)")
	fs.BoolVar(&o.json, "json", false, "print the suggestion and its notes as JSON")
	fs.BoolVar(&o.demo, "demo", false, "suggest for a fresh embedded demo token")
	registerMaxSize(fs, &o.maxSize, decode.DefaultMaxSize)
	return cmd
}

func suggestRun(o *suggestOptions, args []string, s streams) error {
	prov := providerByName(o.provider)
	if prov == nil {
		return usagef("--provider: choose one of %s", strings.Join(policy.ProviderIDs(), ", "))
	}
	sc := policy.Scope(o.scope)
	if sc != "" && !slices.Contains(policy.Scopes, sc) {
		return usagef("--scope: choose one of repo, ref, environment, workflow")
	}
	var input []byte
	var err error
	if o.demo {
		if input, err = demoToken(time.Now()); err != nil {
			return failf("%w", err)
		}
	} else if input, err = readToken(args, s.in, o.maxSize); err != nil {
		return failf("%w", err)
	}
	payload, origin, err := suggestClaims(input, o.maxSize)
	if err != nil {
		return err
	}
	pt := policy.NewToken(payload)
	if sc == "" {
		sc = policy.DefaultScope(pt)
	}
	sug, err := prov.Suggest(pt, sc)
	if err != nil {
		return failf("%w", err)
	}
	// A suggestion is only useful if it lets this very token in: check it
	// with the same evaluator the inspect command uses.
	switch err := policy.CheckSuggestion(prov, sug.Document, pt); {
	case errors.Is(err, policy.ErrSuggestionAudOnly):
		sug.Notes = append(sug.Notes, "as it stands this token is refused, on aud alone: the suggestion pins the audience "+policy.ProviderName(prov.ID())+" expects, so request the token with that audience")
	case err != nil:
		return failf("internal error: the suggested %s policy does not allow this token (%w); please report it", prov.ID(), err)
	}
	if origin != "" {
		sug.Notes = append(sug.Notes, origin)
	}
	if o.json {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return exitIf(enc.Encode(sug))
	}
	fmt.Fprint(s.out, escape.Document(sug.Document))
	if !strings.HasSuffix(sug.Document, "\n") {
		fmt.Fprintln(s.out)
	}
	for _, n := range sug.Notes {
		fmt.Fprintln(s.errOut, "note: "+escape.Text(n))
	}
	return nil
}

// suggestClaims are the claims to pin: a token's, or, for what simulate
// --json printed for one job (before any run exists), that job's claims,
// read as diff reads them (tokendiff.ReportClaims), refusals included.
// origin is the note saying the claims are simulated; "" for a token.
func suggestClaims(input []byte, maxSize int) (payload decode.Value, origin string, err error) {
	if len(input) <= maxSize { // an oversized input is decode's to refuse
		claims, label, isReport, err := tokendiff.ReportClaims(input)
		switch {
		case err != nil:
			return decode.Value{}, "", failf("the input is %w", err)
		case isReport:
			v, errs := decode.ParseJSON("payload", claims)
			if v.Kind != decode.Object {
				if len(errs) > 0 {
					return decode.Value{}, "", failf("the input is %w: %w", tokendiff.ErrReportNoClaims, errs[0])
				}
				return decode.Value{}, "", failf("the input is %w", tokendiff.ErrReportNoClaims)
			}
			return v, simulatedNote(label), nil
		}
	}
	tok, err := decode.Decode(input, maxSize)
	if err != nil {
		return decode.Value{}, "", failf("%w", err)
	}
	if tok.Payload.Kind != decode.Object {
		return decode.Value{}, "", failf("the token's claims could not be read, so there is nothing to pin")
	}
	return tok.Payload, "", nil
}

// simulatedNote says that nobody issued the claims pinned, so that the
// suggestion is checked against a real run's token once one exists.
func simulatedNote(label inspect.Unsigned) string {
	what := "the claims are simulated (simulate --json): GitHub has issued no such token yet"
	if label == inspect.Edited {
		what = "the claims are simulated: a token's claims as edited, not as GitHub issued them"
	}
	return what + "; once the job has run, check its token against the suggestion (inspect --policy)"
}

// providerByName is the provider --provider names, by id or alias
// (azure, google), or nil.
func providerByName(name string) policy.Provider {
	info, ok := policy.LookupProvider(name)
	if !ok {
		return nil
	}
	return policyset.ByID(info.ID)
}
