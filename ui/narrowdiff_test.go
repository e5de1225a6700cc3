package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// Long values with hyphens: the role trusts region 1, the token comes
// from region 2, so the first difference is near the end of a value wider
// than a narrow screen.
const (
	longRepo      = "example-platform-engineering/infrastructure-deployment-pipelines"
	longTrusted   = "repo:" + longRepo + ":environment:production-eu-west-1"
	longTokenSub  = "repo:" + longRepo + ":environment:production-eu-west-2"
	longRoleTrust = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
"Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
"Action":"sts:AssumeRoleWithWebIdentity",
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":%q}}}]}`
)

// longSubModel is the inspector at w×h on a demo-signed token whose sub
// the loaded role does not trust, at the last character but one.
func longSubModel(t *testing.T, w, h int) Model {
	t.Helper()
	iat := fixedNow().Add(-time.Minute).Unix()
	payload := fmt.Sprintf(`{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","sub":%q,"repository":%q,"repository_owner":"example-platform-engineering","environment":"production-eu-west-2","iat":%d,"nbf":%d,"exp":%d}`,
		longTokenSub, longRepo, iat, iat, iat+300)
	role := policytest.ParseOne(t, aws.New(), "role.json", fmt.Sprintf(longRoleTrust, longTrusted))
	s := inspect.NewSession(demoOptions(t)).WithPolicies(policyset.FromPolicies(role))
	m, _ := newTestModel(t, s, policytest.SignedDemo(t, payload, ""), w, h)
	return m
}

// TestNarrowDiffGolden: the claim detail of sub and the policy detail at
// 60, 80 and 120 columns keep every value whole (no cut at a hyphen) and
// show the first difference around the difference, the caret under the
// differing character (issue 16, item 7).
func TestNarrowDiffGolden(t *testing.T) {
	for _, size := range [][2]int{{60, 20}, {80, 24}, {120, 35}} {
		for _, screen := range []struct {
			name  string
			open  func(t *testing.T, m Model) Model
			whole []string // values that must stand whole on one line
		}{
			{"claim-detail", func(t *testing.T, m Model) Model {
				m = selectClaim(t, m, "sub")
				if !m.wide() {
					m = keys(t, m, "enter")
				}
				return m
			}, []string{longTokenSub, "https://github.com/" + longRepo}},
			{"policy-detail", func(t *testing.T, m Model) Model { return keys(t, m, "4", "enter") },
				[]string{longTokenSub, `"` + longTrusted + `"`}},
		} {
			t.Run(fmt.Sprintf("%s-%dx%d", screen.name, size[0], size[1]), func(t *testing.T) {
				m := screen.open(t, longSubModel(t, size[0], size[1]))
				text := m.paneContent(m.vp.Width)
				lines := strings.Split(text, "\n")
				caretUnderDifference(t, lines)
				for _, whole := range screen.whole {
					if !strings.Contains(text, whole) {
						t.Errorf("%q is not whole on any line:\n%s", whole, text)
					}
				}
				golden.RequireEqual(t, []byte(strings.Repeat("-", m.vp.Width)+"|\n"+text+"\n"))
			})
		}
	}
}

// caretUnderDifference fails unless the pane has exactly one caret line
// and its ^ stands under the first character where the expected and
// token lines above it differ, everything before it alike.
func caretUnderDifference(t *testing.T, lines []string) {
	t.Helper()
	var found []int
	for i, l := range lines {
		if strings.TrimSpace(ansi.Strip(l)) == "^" {
			found = append(found, i)
		}
	}
	if len(found) != 1 || found[0] < 2 {
		t.Fatalf("caret lines at %v, want one under a first difference:\n%s", found, strings.Join(lines, "\n"))
	}
	// The values here are ASCII and …: a rune is a column.
	i := found[0]
	col := len([]rune(ansi.Strip(lines[i]))) - 1
	expected, token := []rune(ansi.Strip(lines[i-2])), []rune(ansi.Strip(lines[i-1]))
	start := strings.Index(string(expected), "expected: ")
	if start < 0 || !strings.HasPrefix(string(token), string(expected[:start])+"token:    ") {
		t.Fatalf("no expected/token pair above the caret:\n%s", strings.Join(lines[i-2:i+1], "\n"))
	}
	start += len("expected: ")
	if col < start || col >= min(len(expected), len(token)) || string(expected[start:col]) != string(token[start:col]) || expected[col] == token[col] {
		t.Errorf("caret at column %d is not under the first difference:\n%s", col, strings.Join(lines[i-2:i+1], "\n"))
	}
}

// TestRawSegmentsFillThePane: a segment of the token is hard-wrapped at
// the pane's width, never cut at a '-' nor left wider than the pane.
func TestRawSegmentsFillThePane(t *testing.T) {
	for _, w := range []int{60, 80, 120} {
		m := keys(t, plainDemo(t, w, 24), "5")
		text := m.paneContent(m.vp.Width)
		for _, seg := range m.report.Token.Segments {
			var rows []string
			for l := range strings.SplitSeq(text[strings.Index(text, seg.Text[:8]):], "\n") {
				if l == "" || strings.Contains(l, " ") {
					break
				}
				rows = append(rows, l)
			}
			for i, r := range rows {
				if len(r) > m.vp.Width || i < len(rows)-1 && len(r) != m.vp.Width {
					t.Errorf("%d columns, %s row %d is %d wide, want the pane's %d:\n%s", w, seg.Name, i, len(r), m.vp.Width, strings.Join(rows, "\n"))
				}
			}
			if got := strings.Join(rows, ""); got != seg.Text {
				t.Errorf("%d columns: %s reads %q, want %q", w, seg.Name, got, seg.Text)
			}
		}
	}
}

// TestSidewaysScroll: a value wider than the pane, kept whole, is read by
// scrolling sideways with → and ←, which the footer offers, where it has
// room, while the text is wider than the pane (issue 16, item 7).
func TestSidewaysScroll(t *testing.T) {
	wide := selectClaim(t, longSubModel(t, 120, 35), "sub")
	if foot := lastLine(wide.View()); !strings.Contains(foot, "←/→ scroll sideways") {
		t.Errorf("footer %q does not offer ←/→", foot)
	}
	m := longSubModel(t, 60, 20)
	if foot := lastLine(m.View()); strings.Contains(foot, "←/→") {
		t.Errorf("the claim list offers ←/→: %q", foot)
	}
	m = keys(t, selectClaim(t, m, "sub"), "enter")
	tail := "-pipelines:environment:production-eu-west-2"
	if strings.Contains(m.vp.View(), tail) {
		t.Fatalf("the sub's end shows before scrolling:\n%s", m.vp.View())
	}
	m = keys(t, m, "right", "right")
	if !strings.Contains(m.vp.View(), tail) {
		t.Errorf("→ → does not bring the sub's end into view:\n%s", m.vp.View())
	}
	m = keys(t, m, "left", "left")
	if !strings.Contains(m.vp.View(), "repo:example-platform") {
		t.Errorf("← ← does not go back to the start:\n%s", m.vp.View())
	}
}

// TestEmptyPoliciesNameWhole: the empty Policies pane wraps its list of
// providers at spaces at every width, so "octo-sts" stays one word.
func TestEmptyPoliciesNameWhole(t *testing.T) {
	m := keys(t, plainDemo(t, 80, 24), "4")
	for w := 20; w <= 100; w++ {
		if v := m.policyList(w, 10); !strings.Contains(v, "octo-sts") {
			t.Errorf("%d columns: octo-sts is cut:\n%s", w, v)
		}
	}
}
