package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// The what-if's added claims (issue 19): "what if this job ran in
// environment prod?" asks for a claim the token lacks. a offers the
// claims the issuer's catalog lists that the token lacks, then asks for
// the value; enter with an empty value, or delete on the claim, takes a
// claim out again.

// addableClaims are the claims the catalog of the token's issuer lists
// that the claims shown lack: environment first (the question asked
// most), then in the catalog's order. Families (repo_property_…) need a
// name of their own, and claims only advertised, never seen in a token,
// are no job's: neither is offered.
func (m Model) addableClaims() []string {
	cat, err := claims.Default()
	if err != nil || m.report == nil || m.report.Token == nil {
		return nil
	}
	p := cat.Profile(m.report.Profile.ID)
	if p == nil {
		return nil
	}
	have := map[string]bool{}
	for _, mem := range m.report.Token.Payload.Members {
		have[mem.Key] = true
	}
	var out []string
	for _, e := range p.Claims {
		if have[e.Name] || e.Family || e.Status == "undocumented" {
			continue
		}
		if e.Name == "environment" {
			out = slices.Insert(out, 0, e.Name)
			continue
		}
		out = append(out, e.Name)
	}
	return out
}

// openAdd asks for the name of the claim to add, the catalog's to pick
// with tab.
func (m Model) openAdd() Model {
	names := m.addableClaims()
	if len(names) == 0 {
		m.setFlash("nothing to add: the token has every claim its issuer's catalog lists", false)
		return m
	}
	m.openPrompt(promptAdd, "add claim: ")
	m.promptIn.SetValue(names[0])
	m.promptIn.CursorEnd()
	m.promptChoices = names
	m.editPick = 0
	m.refresh()
	return m
}

// addNameKey reads the added claim's name; enter asks for its value.
func (m Model) addNameKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if msg.Type != tea.KeyEnter {
		return m.editKey(msg) // tab picks, esc cancels, typing as in an edit
	}
	name := strings.TrimSpace(m.promptIn.Value())
	m.prompt, m.promptChoices = promptNone, nil
	switch {
	case name == "":
		m.refresh()
		return m, nil
	case slices.ContainsFunc(m.report.Token.Payload.Members, func(mem decode.Member) bool { return mem.Key == name }):
		m.setFlash(name+" is in the token already: e edits it", false) // the footer escapes it
		m.refresh()
		return m, nil
	}
	m.openPrompt(promptEdit, "add "+escape.Text(name)+": ")
	m.editAt, m.addName = -1, name
	m.promptChoices = m.knownValues(name, decode.Value{Kind: decode.String})
	m.editPick = -1
	if len(m.promptChoices) > 0 {
		m.editPick = 0
		m.promptIn.SetValue(m.promptChoices[0])
		m.promptIn.CursorEnd()
	}
	m.refresh()
	return m, nil
}

// applyAdd adds claim name with value text to the claims shown, where
// the catalog's alphabetical order of GitHub's tokens puts it, and
// rebuilds sub (an environment changes its context).
func (m Model) applyAdd(name, text string) (Model, tea.Cmd) {
	cur := m.report.Token.Payload
	next := clonePayload(cur)
	at := slices.IndexFunc(next.Members, func(mem decode.Member) bool { return mem.Key > name })
	if at < 0 {
		at = len(next.Members)
	}
	next.Members = slices.Insert(next.Members, at, decode.Member{Key: name, Value: decode.Value{Kind: decode.String, Text: text}})
	m, cmd := m.pushEdit(cur, next, name)
	m.claimSel = at // the added claim stays selected (no filter: pickable)
	if m.filter.Value() != "" {
		m.claimSel = 0
	}
	return m, cmd
}

// deleteClaim takes claim number i (in payload order) out of the claims
// shown, and rebuilds sub without it.
func (m Model) deleteClaim(i int) (Model, tea.Cmd) {
	cur := m.report.Token.Payload
	if i < 0 || i >= len(cur.Members) {
		return m, nil
	}
	next := clonePayload(cur)
	name := next.Members[i].Key
	next.Members = slices.Delete(next.Members, i, i+1)
	return m.pushEdit(cur, next, name)
}

// deleteSelected is the delete key on the selected claim.
func (m Model) deleteSelected() (Model, tea.Cmd) {
	c := m.selectedClaim()
	if c == nil || m.report.Token == nil {
		return m, nil
	}
	return m.deleteClaim(m.visibleClaims()[m.claimSel])
}

// addedClaim reports whether the claims shown hold name and the token
// itself does not: the what-if added it.
func (m Model) addedClaim(name string) bool {
	return !slices.ContainsFunc(m.realReport().Token.Payload.Members, func(mem decode.Member) bool { return mem.Key == name })
}

// policyEnvironments are the environments the loaded policies name, for
// the value of an added environment: each condition's accepted values
// of environment, and the environment context of each accepted sub
// (wildcards and patterns left out: they name no one environment). A
// pick goes into the input as it is: a name escaping would change is
// left out too (policy text is hostile; no environment GitHub allows
// holds such a character).
func policyEnvironments(results []policy.Result) []string {
	var out []string
	add := func(env string) {
		if env != "" && !strings.ContainsAny(env, "*?[]()|^$\\") && pickable(env) && !slices.Contains(out, env) {
			out = append(out, env)
		}
	}
	for _, r := range results {
		for _, c := range r.Conditions {
			for _, v := range c.Expected {
				switch {
				case slices.Contains(c.Claims, "environment"):
					add(v)
				case slices.Contains(c.Claims, "sub"):
					add(ghsub.Environment(v))
				}
			}
		}
	}
	return out
}
