package ui

import (
	"fmt"
	"strings"
	"testing"
)

// TestFocusedPaneKeys: the footer and the ? help show the focused pane's
// own keys (its component's KeyMap) and the shared ones, and no other
// pane's.
func TestFocusedPaneKeys(t *testing.T) {
	m, _ := demoModel(t, 200, 50)
	cases := []struct {
		keys       []string
		want, not  []string
		footerLast string
	}{
		{nil, []string{"enter open claim", "y copy value", "[ ] choose condition"}, []string{"open policy", "copy the whole token"}, "q quit"},
		{[]string{"enter"}, []string{"esc back to the claims", "Y copy condition"}, []string{"open claim"}, "q quit"},
		{[]string{"2"}, nil, []string{"copy value", "open claim", "copy the whole token"}, "q quit"},
		{[]string{"4"}, []string{"enter open policy", "y copy policy name"}, []string{"copy value", "open claim"}, "q quit"},
		{[]string{"5"}, []string{"y copy the whole token"}, []string{"copy value", "open claim"}, "q quit"},
	}
	for _, tc := range cases {
		got := keys(t, m, tc.keys...)
		footer := got.footer()
		for _, w := range append(tc.want, "tab next pane", "? help") {
			if !strings.Contains(footer, w) {
				t.Errorf("%v: footer lacks %q: %s", tc.keys, w, footer)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(footer, w) {
				t.Errorf("%v: footer shows another pane's %q: %s", tc.keys, w, footer)
			}
		}
		if !strings.HasSuffix(footer, tc.footerLast) {
			t.Errorf("%v: footer does not end with %q: %s", tc.keys, tc.footerLast, footer)
		}
		help := keys(t, got, "?").paneContent(200)
		for _, w := range append(tc.want, "re-fetch keys", "load policy") {
			// The help lays a key and its description out in columns.
			k, desc, _ := strings.Cut(w, " ")
			if k == "[" {
				k, desc, _ = strings.Cut(w, "] ")
			}
			if !strings.Contains(help, k) || !strings.Contains(help, desc) {
				t.Errorf("%v: help lacks %q", tc.keys, w)
			}
		}
	}
}

// TestNarrowFooterKeepsHelp: on a narrow screen the footer drops keys
// before "? help • q quit" rather than cutting those off.
func TestNarrowFooterKeepsHelp(t *testing.T) {
	for _, w := range []int{60, 80, 100} {
		m, _ := demoModel(t, w, 24)
		f := m.footer()
		if !strings.HasSuffix(f, "? help • q quit") || len([]rune(f)) > w {
			t.Errorf("%d columns: footer %q", w, f)
		}
	}
}

// TestEveryPaneHasAComponent: each pane maps to its own component type.
func TestEveryPaneHasAComponent(t *testing.T) {
	seen := map[string]pane{}
	for p := range paneCount {
		name := strings.TrimPrefix(strings.TrimSuffix(typeName(p.component()), "Pane"), "ui.")
		if q, dup := seen[name]; dup {
			t.Errorf("panes %s and %s share the component %s", paneNames[p], paneNames[q], name)
		}
		seen[name] = p
		if !strings.EqualFold(name, paneNames[p]) {
			t.Errorf("pane %s has the component %s", paneNames[p], name)
		}
	}
}

func typeName(v any) string { return fmt.Sprintf("%T", v) }
