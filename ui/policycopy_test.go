package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// TestOpenPolicyCopiesItsCondition: Y in an opened policy copies the
// condition the token satisfies instead of that policy's failing one (the
// ▸ one, chosen with [ ]), never the condition of the claim selected in
// the hidden Claims pane; with none, it copies nothing and says why. The
// footer lists Y only where it acts.
func TestOpenPolicyCopiesItsCondition(t *testing.T) {
	s := inspect.NewSession(demoOptions(t)).WithPolicies(demoPolicySet(t))
	m, clip := newTestModel(t, s, demoToken(t), 100, 30)
	m = selectClaim(t, m, "actor") // a claim with conditions of its own
	m = keys(t, m, "4")
	ps := m.policies()
	with, without, several := -1, -1, -1
	for i, p := range ps {
		n := len(view.PolicyOf(m.report, p).Instead)
		switch {
		case n > 1 && several < 0:
			several = i
		case n == 1 && with < 0:
			with = i
		case n == 0 && without < 0:
			without = i
		}
	}
	if with < 0 || without < 0 {
		t.Fatalf("the demo's policies lack one with and one without a condition instead (%d, %d)", with, without)
	}
	open := func(i int) Model {
		t.Helper()
		o := keys(t, m, "g")
		for range i {
			o = keys(t, o, "j")
		}
		o = keys(t, o, "enter")
		if !o.policyOpen || o.policySel != i {
			t.Fatalf("policy %d did not open", i)
		}
		return o
	}

	o := open(with)
	want := view.PolicyOf(o.report, ps[with]).Instead[0].Text
	if !strings.Contains(o.View(), "Y copy condition") {
		t.Errorf("the footer of a policy with a condition instead lacks Y:\n%s", o.View())
	}
	clip.Reset()
	o = keys(t, o, "Y")
	if clip.Len() == 0 {
		t.Fatalf("Y copied nothing; status: %q", o.flash)
	}
	if got := clipboard(t, clip); got != want {
		t.Errorf("Y in an open policy copied %q, want its condition %q", got, want)
	}

	o = open(without)
	if strings.Contains(o.View(), "Y copy condition") {
		t.Errorf("the footer of a policy without a condition instead lists Y:\n%s", o.View())
	}
	clip.Reset()
	o = keys(t, o, "Y")
	if clip.Len() != 0 {
		t.Errorf("Y in a policy without a condition instead copied %q", clipboard(t, clip))
	}
	if !strings.Contains(o.flash, "nothing to copy") {
		t.Errorf("Y in a policy without a condition instead says %q", o.flash)
	}

	if several < 0 {
		return
	}
	o = open(several)
	sns := view.PolicyOf(o.report, ps[several]).Instead
	o = keys(t, o, "]", "Y")
	if got := clipboard(t, clip); got != sns[1].Text {
		t.Errorf("] Y copied %q, want the second %q", got, sns[1].Text)
	}
	o = keys(t, o, "[", "Y")
	if got := clipboard(t, clip); got != sns[0].Text {
		t.Errorf("[ Y copied %q, want the first %q", got, sns[0].Text)
	}
}
