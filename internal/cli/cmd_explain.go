package cli

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/providererrors"
	"github.com/oidcscope/oidcscope/report"
)

// explainOptions are the flags of explain.
type explainOptions struct {
	profile string
	json    bool
}

// newExplainCmd is `oidcscope explain CLAIM | CODE | MESSAGE…`: the
// catalog entry of one claim, or the catalogue entries of a provider's
// error message.
func newExplainCmd(s streams) *cobra.Command {
	var o explainOptions
	cmd := &cobra.Command{
		Use:   "explain CLAIM | CODE | MESSAGE…",
		Short: "what a claim or a provider's error message means, from the catalogs",
		Long: `Explain a claim (sub, check_run_id, …) from the issuer profile's catalog, or a
provider's error message from the catalogue of the messages oidcscope
recognises: its code (AADSTS700213, InvalidIdentityToken), its entry ID
(aws.no-provider) or the message itself, quoted or as several arguments.
With --json, the entry; a code several messages share gives an array.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return explainRun(&o, args, s)
		},
	}
	cmd.Flags().StringVar(&o.profile, "profile", "github-actions", "issuer profile whose catalog to read: github-actions, gitlab-ci, generic")
	cmd.Flags().BoolVar(&o.json, "json", false, "print the entry as JSON")
	return cmd
}

func explainRun(o *explainOptions, args []string, s streams) error {
	cat, err := claims.Default()
	if err != nil {
		return failf("claim catalog: %w", err)
	}
	p := cat.Profile(o.profile)
	if p == nil {
		return usagef("unknown profile %s (known: %s)", quoted(o.profile), profileIDs(cat))
	}
	if len(args) == 0 {
		return usagef("name one claim or provider error; the %s catalog has: %s", p.Name, strings.Join(claimNames(p), ", "))
	}
	name := strings.Join(args, " ")
	e, ok := cat.Lookup(p, name)
	if !ok {
		if entries := providererrors.Lookup(name); len(entries) > 0 {
			return explainErrors(o, entries, s)
		}
		return &exitError{code: exitFailed, err: fmt.Errorf("%s is not in the %s catalog; it has: %s; nor is it a catalogued provider error code or message%s",
			quoted(name), p.Name, strings.Join(claimNames(p), ", "), didYouMean(name, p))}
	}
	if o.json {
		enc := json.NewEncoder(s.out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return exitIf(enc.Encode(e))
	}
	rend := lipgloss.NewRenderer(s.out, termenv.WithEnvironment(environ(s.getenv)))
	return exitIf(report.Entry(s.out, p, e, rend))
}

// exitIf is exit 2 without a message when writing the output failed (the
// output is gone; there is no one to tell but stderr, as before).
func exitIf(err error) error {
	if err != nil {
		return exitWith(exitProblem)
	}
	return nil
}

func claimNames(p *claims.Profile) []string {
	names := make([]string, 0, len(p.Claims))
	for _, e := range p.Claims {
		n := e.Name
		if e.Family {
			n += "*"
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func profileIDs(cat *claims.Catalog) string {
	var ids []string
	for _, p := range cat.Profiles() {
		ids = append(ids, p.ID)
	}
	return strings.Join(ids, ", ")
}
