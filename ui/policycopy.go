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
func (m Model) openedPolicy() (policy.Result, bool) {
	ps := m.policies()
	if !m.policyOpen || m.reachOpen || m.policySel >= len(ps) {
		return policy.Result{}, false
	}
	return ps[m.policySel], true
}

// openedPolicyKey handles Y, [ and ] in an opened policy.
func (m Model) openedPolicyKey(msg tea.KeyMsg) (Model, tea.Cmd, bool) {
	p, ok := m.openedPolicy()
	if !ok {
		return m, nil, false
	}
	instead := view.InsteadSnippets(m.report, p)
	switch {
	case matches(msg, m.keys.CopyCondition):
		if len(instead) == 0 {
			m.setFlash(noInsteadReason(view.PolicyOf(m.report, p)), false)
			return m, nil, true
		}
		m, cmd := m.copyInstead(instead[clamp(m.insteadSel, 0, len(instead)-1)], p)
		return m, cmd, true
	case matches(msg, m.keys.PrevCondition), matches(msg, m.keys.NextCondition):
		if matches(msg, m.keys.PrevCondition) {
			m.insteadSel--
		} else {
			m.insteadSel++
		}
		m.insteadSel = clamp(m.insteadSel, 0, len(instead)-1)
		m.refresh()
		m.scrollToCondition()
		return m, nil, true
	}
	return m, nil, false
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
	if p, ok := m.openedPolicy(); ok {
		n := len(view.InsteadSnippets(m.report, p))
		if n > 0 {
			out = append(out, k.CopyCondition)
		}
		if n > 1 {
			out = append(out, key.NewBinding(key.WithKeys("[", "]"), key.WithHelp("[ ]", "choose condition")))
		}
	}
	return append(out, k.WhoCanAssume, k.UnloadPolicy)
}
