package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
)

// An opened policy has conditions of its own to copy: those the token
// satisfies in place of its failing ones (view.Instead). There Y copies
// the ▸ one and [ ] choose it, as on a claim's detail; the claim selected
// in the Claims pane, out of sight, is not what the reader means.

// openedPolicy is the policy opened in the Policies pane, if one is.
func (m Model) openedPolicy() (view.Policy, bool) {
	ps := m.policies()
	if !m.policyOpen || m.reachOpen || m.policySel >= len(ps) {
		return view.Policy{}, false
	}
	return view.PolicyOf(m.report, ps[m.policySel]), true
}

// openedPolicyKey handles Y, [ and ] in an opened policy.
func (m Model) openedPolicyKey(msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	p, ok := m.openedPolicy()
	if !ok {
		return m, nil, false
	}
	switch {
	case matches(msg, m.keys.CopyCondition):
		if len(p.Instead) == 0 {
			m.setFlash(noInsteadReason(p), false)
			return m, nil, true
		}
		sn, ok := m.rawSnippet(p.Instead[clamp(m.insteadSel, 0, len(p.Instead)-1)])
		if !ok {
			return m, nil, true
		}
		m, cmd := m.copySnippet(sn)
		return m, cmd, true
	case matches(msg, m.keys.PrevCondition), matches(msg, m.keys.NextCondition):
		if matches(msg, m.keys.PrevCondition) {
			m.insteadSel--
		} else {
			m.insteadSel++
		}
		m.insteadSel = clamp(m.insteadSel, 0, len(p.Instead)-1)
		m.refresh()
		m.scrollToCondition()
		return m, nil, true
	}
	return m, nil, false
}

// rawSnippet is the token's own condition that v, escaped for the screen,
// shows: the one the clipboard gets.
func (m Model) rawSnippet(v view.Snippet) (policy.Snippet, bool) {
	for _, c := range m.report.Claims {
		for _, sn := range c.WouldSatisfy {
			if view.Snippets([]policy.Snippet{sn})[0] == v {
				return sn, true
			}
		}
	}
	return policy.Snippet{}, false
}

// noInsteadReason says why an opened policy has no condition to copy.
func noInsteadReason(p view.Policy) string {
	for _, c := range p.Conditions {
		if c.Failed {
			return "nothing to copy: the claims this policy's failing conditions read give no ready-to-paste " + p.ProviderName + " condition"
		}
	}
	return "nothing to copy: no condition of this policy fails, so none is offered instead"
}

// openedPolicyKeys are the footer's and help's keys of an opened policy:
// Y and [ ] only where there is a condition to copy and to choose.
func openedPolicyKeys(m Model, k KeyMap) []key.Binding {
	out := []key.Binding{described(k.Back, "close policy"), described(k.Copy, "copy policy name")}
	if p, ok := m.openedPolicy(); ok && len(p.Instead) > 0 {
		out = append(out, k.CopyCondition)
		if len(p.Instead) > 1 {
			out = append(out, key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "choose condition")))
		}
	}
	return append(out, k.WhoCanAssume, k.UnloadPolicy)
}
