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
	"github.com/oidcscope/oidcscope/report"
)

// explainOptions are the flags of explain.
type explainOptions struct {
	profile string
	json    bool
}

// newExplainCmd is `oidcscope explain CLAIM`: the catalog entry of one claim.
func newExplainCmd(s streams) *cobra.Command {
	var o explainOptions
	cmd := &cobra.Command{
		Use:   "explain CLAIM",
		Short: "what a claim means, from the catalog",
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
	if len(args) != 1 {
		return usagef("name one claim; the %s catalog has: %s", p.Name, strings.Join(claimNames(p), ", "))
	}
	name := args[0]
	e, ok := cat.Lookup(p, name)
	if !ok {
		return &exitError{code: exitFailed, err: fmt.Errorf("%s is not in the %s catalog; it has: %s", quoted(name), p.Name, strings.Join(claimNames(p), ", "))}
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
