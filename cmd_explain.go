package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/report"
)

// runExplain prints the catalog entry of one claim: `oidcscope explain sub`.
func runExplain(args []string, stdout, stderr io.Writer, getenv env) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	profileID := fs.String("profile", "github-actions", "issuer profile whose catalog to read: github-actions, gitlab-ci, generic")
	asJSON := fs.Bool("json", false, "print the entry as JSON")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: oidcscope explain CLAIM [--profile ID] [--json]\n\nFlags:\n")
		fs.PrintDefaults()
	}
	positional, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	cat, err := claims.Default()
	if err != nil {
		fmt.Fprintf(stderr, "oidcscope: claim catalog: %v\n", err)
		return 2
	}
	p := cat.Profile(*profileID)
	if p == nil {
		fmt.Fprintf(stderr, "oidcscope: unknown profile %s (known: %s)\n", quoted(*profileID), profileIDs(cat))
		return 2
	}
	if len(positional) != 1 {
		fmt.Fprintf(stderr, "oidcscope: name one claim; the %s catalog has: %s\n", p.Name, strings.Join(claimNames(p), ", "))
		return 2
	}
	name := positional[0]
	e, ok := cat.Lookup(p, name)
	if !ok {
		fmt.Fprintf(stderr, "oidcscope: %s is not in the %s catalog; it has: %s\n", quoted(name), p.Name, strings.Join(claimNames(p), ", "))
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(e); err != nil {
			return 2
		}
		return 0
	}
	rend := lipgloss.NewRenderer(stdout, termenv.WithEnvironment(environ(getenv)))
	if err := report.Entry(stdout, p, e, rend); err != nil {
		return 2
	}
	return 0
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
