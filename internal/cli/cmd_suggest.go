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
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
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
	tok, err := decode.Decode(input, o.maxSize)
	if err != nil {
		return failf("%w", err)
	}
	if tok.Payload.Kind != decode.Object {
		return failf("the token's claims could not be read, so there is nothing to pin")
	}
	pt := policy.NewToken(tok.Payload)
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

// providerByName is the provider --provider names, by id or alias
// (azure, google), or nil.
func providerByName(name string) policy.Provider {
	info, ok := policy.LookupProvider(name)
	if !ok {
		return nil
	}
	return policyset.ByID(info.ID)
}
