package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/simulate"
)

// whatIf is the what-if: the inspected token's claims as the user edited
// them (issue 19). The real token's report stays beside the edited one,
// for the side-by-side and to return to.
type whatIf struct {
	real *inspect.Report // the token's own report; nil while nothing was edited
	// edits is the stack of payloads, one per edit, the last shown; u
	// pops one.
	edits []claimEdit
	gen   int // the edited report awaited; older answers are dropped
}

// claimEdit is the payload after one edit, and what the edit was, for
// the status line.
type claimEdit struct {
	payload decode.Value
	claim   string
	subNote string // why sub was not rebuilt, when it was not
	// followNote says which claims followed the edit as GitHub would
	// issue them (simulate.Follow), or why none did; followWarn: it
	// says an edited claim is not what GitHub would issue.
	followNote string
	followWarn bool
}

// editing reports whether the report shown is an edited one (an edit
// back to the token's own claims shows the real report again).
func (m Model) editing() bool {
	return m.whatIf.real != nil && m.report != m.whatIf.real
}

// realReport is the report of the token itself, edited or not.
func (m Model) realReport() *inspect.Report {
	if m.whatIf.real != nil {
		return m.whatIf.real
	}
	return m.report
}

// applyEdit sets claim number i (in payload order) of the report shown to
// v, rebuilds sub by simulate's context rule when the edit changes a part
// of it, and inspects the edited claims.
func (m Model) applyEdit(i int, v decode.Value) (Model, tea.Cmd) {
	cur := m.report.Token.Payload
	if i < 0 || i >= len(cur.Members) {
		return m, nil
	}
	next := clonePayload(cur)
	name := next.Members[i].Key
	next.Members[i].Value = v
	return m.pushEdit(cur, next, name)
}

// pushEdit shows next, the claims cur after a change to claim name (an
// edit, an added or a deleted claim), as the newest edit; the claims
// built from it follow (the refs of a pull request's event), except
// those the user edited, and sub is rebuilt unless it is the claim
// changed.
func (m Model) pushEdit(cur, next decode.Value, name string) (Model, tea.Cmd) {
	e := claimEdit{payload: next, claim: name}
	if name != "sub" {
		edited := []string{name}
		for _, prev := range m.whatIf.edits {
			edited = append(edited, prev.claim)
		}
		own := cur // the token's own claims: the protection of its own ref
		if m.whatIf.real != nil && m.whatIf.real.Token != nil {
			own = m.whatIf.real.Token.Payload
		}
		e.payload, e.followNote, e.followWarn = follow(own, cur, next, edited)
		e.payload, e.subNote = resubject(cur, e.payload)
	}
	if m.whatIf.real == nil {
		m.whatIf.real = m.report
	}
	m.whatIf.edits = append(m.whatIf.edits, e)
	return m.showEdit()
}

// undoEdit drops the last edit; with none left, the real token shows.
func (m Model) undoEdit() (Model, tea.Cmd) {
	w := &m.whatIf
	if w.real == nil || len(w.edits) == 0 {
		m.setFlash("nothing to undo", false)
		return m, nil
	}
	w.edits = w.edits[:len(w.edits)-1]
	if len(w.edits) == 0 {
		return m.realAgain("undone: the token's own claims")
	}
	m, cmd := m.showEdit()
	if m.editing() {
		n := m.whatIf.count()
		m.setFlash(fmt.Sprintf("undone: %d %s left", n, plural(n, "edit", "edits")), false)
	}
	return m, cmd
}

// count is how many claims the edits shown change from the token's own:
// a claim edited twice counts once, and one edited back not at all (sub
// rebuilt by the context rule is part of the edit that rebuilt it). At
// least 1 while the claims shown are not the token's own.
func (w whatIf) count() int {
	if w.real == nil || w.real.Token == nil || len(w.edits) == 0 {
		return 0
	}
	own, shown := w.real.Token.Payload, w.edits[len(w.edits)-1].payload
	var seen []string
	n := 0
	for _, e := range w.edits {
		if slices.Contains(seen, e.claim) {
			continue
		}
		seen = append(seen, e.claim)
		if !sameClaim(own, shown, e.claim) {
			n++
		}
	}
	return max(n, 1)
}

// sameClaim reports whether a and b hold claim name alike: both without
// it, or both with the same JSON value.
func sameClaim(a, b decode.Value, name string) bool {
	va, oka := claimJSON(a, name)
	vb, okb := claimJSON(b, name)
	return oka == okb && bytes.Equal(va, vb)
}

// claimJSON is the first value of claim name in v, as JSON.
func claimJSON(v decode.Value, name string) ([]byte, bool) {
	mv, ok := v.Get(name)
	if !ok {
		return nil, false
	}
	js, err := mv.MarshalJSON()
	return js, err == nil
}

// showEdit shows the last edit's payload: the real report when the
// claims are the token's own again, else their inspection.
func (m Model) showEdit() (Model, tea.Cmd) {
	w := &m.whatIf
	e := w.edits[len(w.edits)-1]
	w.gen++
	claims, err := json.Marshal(e.payload)
	if err != nil {
		m.setFlash("cannot edit: "+err.Error(), true)
		w.edits = w.edits[:len(w.edits)-1]
		return m, nil
	}
	own, _ := json.Marshal(w.real.Token.Payload)
	if bytes.Equal(claims, own) {
		return m.realAgain("the token's own claims again: its real report")
	}
	switch {
	case e.subNote != "" && e.followNote != "":
		m.setFlash("sub kept: "+e.subNote+"; "+e.followNote, true)
	case e.subNote != "":
		m.setFlash("sub kept: "+e.subNote, true)
	case e.followNote != "":
		m.setFlash(e.followNote, e.followWarn)
	}
	return m, editedCmd(w.gen, m.session, claims)
}

// afterReport redraws for a report that changed under the panes.
func (m *Model) afterReport() {
	m.clampSelection()
	m.refresh()
}

// realAgain shows the token's own report (every edit undone, or edited
// back to its claims) and ends the what-if: no undo history is kept
// behind the real report, so what u takes back is always what shows.
func (m Model) realAgain(flash string) (Model, tea.Cmd) {
	m.report = m.whatIf.real
	m.whatIf.real, m.whatIf.edits = nil, nil
	m.whatIf.gen++ // an edited inspection under way is not wanted now
	if m.pane == paneCompare && m.previous == nil {
		m.pane = paneClaims // nothing left to compare
	}
	m, cmd := m.reachAgain()
	m.afterReport()
	m.setFlash(flash, false)
	return m, cmd
}

// editedMsg is the inspection of edited claims.
type editedMsg struct {
	gen    int
	report *inspect.Report
}

// editedCmd inspects claims alone, off the UI goroutine: every policy is
// evaluated again (the claims changed); nothing is fetched.
func editedCmd(gen int, s inspect.Session, claims []byte) tea.Cmd {
	return func() tea.Msg {
		return editedMsg{gen: gen, report: s.InspectClaims(context.Background(), claims, inspect.Edited)}
	}
}

func (m Model) gotEdited(msg editedMsg) (tea.Model, tea.Cmd) {
	if msg.gen != m.whatIf.gen || m.whatIf.real == nil {
		return m, nil
	}
	m.report = msg.report
	m.retime()
	m, cmd := m.reachAgain()
	m.afterReport()
	return m, cmd
}

// reinspect inspects the token again (policies loaded or unloaded) and,
// while editing, its edited claims with it.
func (m *Model) reinspect() tea.Cmd {
	m.gen++
	m.refetching = false // r's fetch, if under way, is dropped with its gen
	cmd := inspectCmd(m.gen, m.session, m.input)
	if !m.editing() {
		return cmd
	}
	m.whatIf.gen++
	claims, err := json.Marshal(m.whatIf.edits[len(m.whatIf.edits)-1].payload)
	if err != nil {
		return cmd
	}
	return tea.Batch(cmd, editedCmd(m.whatIf.gen, m.session, claims))
}

// follow sets in next the claims GitHub would change with the edit from
// before (simulate.FollowToken has the rules; own, the token's own
// claims, gives back what only the repository knows, such as whether its
// ref is protected), leaving the claims the user edited; the note says
// what followed, or why nothing could, and warn that a claim kept as
// edited is not what GitHub would issue.
func follow(own, before, next decode.Value, edited []string) (decode.Value, string, bool) {
	f, err := simulate.FollowToken(claimMap(own), claimMap(before), claimMap(next), edited...)
	if err != nil {
		return next, err.Error(), true
	}
	for k, v := range f.Claims {
		if i := slices.IndexFunc(next.Members, func(m decode.Member) bool { return m.Key == k }); i >= 0 {
			next.Members[i].Value = decode.Value{Kind: decode.String, Text: v}
		}
	}
	return next, f.Note, len(f.Conflicts) > 0
}

// resubject rebuilds sub in next when the edit changed a part of it: the
// context rule over the claims before and after gives two subs, and they
// differ. A sub in no form GitHub issues is kept, with the reason.
func resubject(before, next decode.Value) (decode.Value, string) {
	i := slices.IndexFunc(next.Members, func(m decode.Member) bool { return m.Key == "sub" })
	if i < 0 || next.Members[i].Value.Kind != decode.String {
		return next, ""
	}
	sub := next.Members[i].Value.Text
	was, err := simulate.Resubject(claimMap(before), sub)
	if err != nil {
		return next, ""
	}
	now, err := simulate.Resubject(claimMap(next), sub)
	if err != nil {
		return next, err.Error()
	}
	if now != was {
		next.Members[i].Value = decode.Value{Kind: decode.String, Text: now}
	}
	return next, ""
}

// claimMap is a payload as simulate reads claims: each name's first
// value.
func claimMap(v decode.Value) map[string]any {
	out, _ := v.Interface().(map[string]any)
	return out
}

// clonePayload copies the members, so an edit leaves the reports' own
// payloads alone.
func clonePayload(v decode.Value) decode.Value {
	v.Members = slices.Clone(v.Members)
	return v
}
