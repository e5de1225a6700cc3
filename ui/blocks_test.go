package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/verify"
)

// renderings are one report as the text report, the Markdown summary and
// the terminal UI's panes show it, normalised so that only the words
// count: styles stripped, whitespace (layout, wrapping) removed, and
// Markdown's own escapes and code-span backticks dropped.
type renderings struct {
	text, markdown, ui string
	policyPanes        []string // the UI's detail pane of each policy, in view.Policies order
}

var sgrCodes = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func normalised(s string) string {
	s = sgrCodes.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), "")
}

// mdNormalised also drops backslashes and backticks, which Markdown adds
// around text; apply it to what is looked for too.
func mdNormalised(s string) string {
	return strings.NewReplacer(`\`, "", "`", "").Replace(normalised(s))
}

func render(t *testing.T, r *inspect.Report) renderings {
	t.Helper()
	var text, md bytes.Buffer
	if err := report.Text(&text, r, asciiRenderer()); err != nil {
		t.Fatal(err)
	}
	if err := report.Markdown(&md, report.MarkdownSection{Heading: "token", Report: r}); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Renderer: asciiRenderer(), Now: fixedNow, Getenv: func(string) string { return "" }})
	m.report, m.screen, m.width, m.height = r, screenInspector, 200, 50
	pane := func(p pane) string {
		m.pane = p
		return m.paneContent(1000)
	}
	var ui strings.Builder
	ui.WriteString(m.statusLine() + "\n" + pane(paneErrors) + pane(paneHeader) + pane(paneSignature))
	for i := range r.Claims {
		m.claimSel = i
		ui.WriteString(pane(paneDetail))
	}
	out := renderings{text: normalised(text.String()), markdown: mdNormalised(md.String())}
	m.policyOpen = true
	for i := range r.Policies {
		m.policySel = i
		p := pane(panePolicies)
		ui.WriteString(p)
		out.policyPanes = append(out.policyPanes, normalised(p))
	}
	out.ui = normalised(ui.String())
	return out
}

// has reports where a block's text is missing.
func (rs renderings) missing(needle string) []string {
	if normalised(needle) == "" {
		return nil
	}
	var out []string
	if !strings.Contains(rs.text, normalised(needle)) {
		out = append(out, "text")
	}
	if !strings.Contains(rs.markdown, mdNormalised(needle)) {
		out = append(out, "markdown")
	}
	if !strings.Contains(rs.ui, normalised(needle)) {
		out = append(out, "ui")
	}
	return out
}

// checkShown reports each of needles missing from a rendering of the
// case name.
func (rs renderings) checkShown(t *testing.T, name string, needles []string) {
	t.Helper()
	for _, n := range needles {
		if where := rs.missing(n); len(where) > 0 {
			t.Errorf("%s: %q missing from %v", name, n, where)
		}
	}
}

// needles are the texts of r's blocks that every rendering shows.
func needles(r *inspect.Report) []string {
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	h := view.HeadlineOf(r)
	add(h.Issuer, h.ProfileName)
	sig := view.SignatureOf(r)
	add(sig.Mark.Word, sig.Alg, sig.Kid)
	for _, c := range view.Checks(r) {
		add(c.Name, c.Detail)
	}
	for _, p := range view.Problems(r) {
		add(p.Message)
	}
	for i := range r.Claims {
		c := view.ClaimOf(r.Claims[i])
		add(c.Name, c.Value)
		if c.Entry != nil {
			add(c.Entry.Summary)
		}
		for _, n := range c.Notes {
			add(n.Detail)
		}
		if c.Time != nil && c.Time.Err == "" {
			add(c.Time.UTC.Format(time.RFC3339))
		}
	}
	if s := view.SubjectOf(r.Subject); s != nil {
		add(s.Raw, s.Unparsed, s.Rule, s.Alternate, s.AlternateNote)
		add(s.Contradictions...)
		add(s.Notes...)
		for _, p := range s.Parts {
			add(p.Key, p.Value, p.Decoded, p.FromClaim)
		}
	}
	return out
}

// policyNeedles are the texts of a detailed policy's block.
func policyNeedles(p view.Policy) []string {
	out := []string{p.Name, p.Summary, p.Error, p.ProviderAnswer}
	for _, c := range p.Conditions {
		out = append(out, c.Expression)
		if c.Failed {
			if len(c.Claims) > 0 && !c.Absent {
				out = append(out, c.Actual)
			}
			out = append(out, c.Diagnosis...)
		}
	}
	if len(p.Instead) > 0 {
		out = append(out, view.InsteadTitle(p.ProviderName))
	}
	for _, sn := range p.Instead {
		out = append(out, sn.Claim, sn.Note, sn.Text)
	}
	for _, f := range p.Lint {
		out = append(out, f.Rule, f.Message)
	}
	return out
}

func samplePolicies(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", "policies", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range paths {
		if filepath.Base(p) != "README.md" {
			out = append(out, p)
		}
	}
	return out
}

func fixtureTokens(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "fixtures", fixtures.StaticDir, "*.jwt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixture tokens: %v", err)
	}
	return paths
}

// TestSameBlocksEverywhere: for every fixture token and every sample
// policy, each block's text appears in the text report, the Markdown
// summary and the terminal UI, and under a denied policy, the conditions
// the token satisfies instead appear in all three, after that policy.
func TestSameBlocksEverywhere(t *testing.T) {
	policies := samplePolicies(t)
	insteadSeen := 0
	for _, tokPath := range fixtureTokens(t) {
		input, err := os.ReadFile(tokPath)
		if err != nil {
			t.Fatal(err)
		}
		for _, polPath := range policies {
			name := strings.TrimSuffix(filepath.Base(tokPath), ".jwt") + "×" + filepath.Base(filepath.Dir(polPath)) + "/" + filepath.Base(polPath)
			r := inspect.Run(context.Background(), inspect.Options{
				Input: input, Source: verify.Source{Offline: true}, At: fixedNow(), Leeway: verify.DefaultLeeway,
				Now:       func() time.Time { return fixedNow() },
				Policies:  policyset.Loader{}.Load([]string{polPath}, nil, nil),
				Providers: policyset.All(),
			})
			rs := render(t, r)
			rs.checkShown(t, name, needles(r))
			// The policies the reports detail (errors first, at most
			// view.DetailLimit), each found in the UI's pane of its own.
			all := view.Policies(r)
			shown, _ := view.Details(all, false)
			for _, p := range shown {
				i := slices.IndexFunc(all, func(q view.Policy) bool { return q.Source == p.Source && q.Name == p.Name })
				for _, n := range policyNeedles(p) {
					if where := rs.missing(n); len(where) > 0 {
						t.Errorf("%s: policy %s: %q missing from %v", name, p.Name, n, where)
					}
					if nn := normalised(n); nn != "" && !strings.Contains(rs.policyPanes[i], nn) {
						t.Errorf("%s: policy %s: %q missing from its UI pane", name, p.Name, n)
					}
				}
				if len(p.Instead) > 0 {
					insteadSeen++
					checkInsteadAfter(t, name, rs, p)
				}
			}
		}
	}
	if insteadSeen == 0 {
		t.Error("no denied policy had conditions to satisfy instead: the test checks nothing")
	}
}

// checkInsteadAfter: the satisfies-instead title and its first snippet
// follow the policy's name in each rendering.
func checkInsteadAfter(t *testing.T, name string, rs renderings, p view.Policy) {
	t.Helper()
	title, first := view.InsteadTitle(p.ProviderName), p.Instead[0].Text
	for _, c := range []struct {
		where, out string
		norm       func(string) string
	}{{"text", rs.text, normalised}, {"markdown", rs.markdown, mdNormalised}, {"ui", rs.ui, normalised}} {
		at := strings.Index(c.out, c.norm(p.Name))
		if at < 0 {
			continue // reported above
		}
		rest := c.out[at:]
		ti := strings.Index(rest, c.norm(title))
		if ti < 0 || !strings.Contains(rest[ti:], c.norm(first)) {
			t.Errorf("%s: %s: under denied policy %s, no %q followed by its conditions", name, c.where, p.Name, title)
		}
	}
}
