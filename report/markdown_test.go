package report_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

func TestMarkdownGolden(t *testing.T) {
	cases := map[string][]report.MarkdownSection{
		"push-main-denied":         {{Heading: "Token for audience sts.amazonaws.com", Report: pushMainDenied(t)}},
		"markdown-injection":       {{Heading: "Token for audience <b>|`x`", Report: markdownInjection(t)}},
		"provider-error-injection": {{Heading: "Provider error", Report: providerErrorInjection(t)}},
	}
	for name, r := range reports(t) {
		cases[name] = []report.MarkdownSection{{Heading: name, Report: r}}
	}
	for name, sections := range cases {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.Markdown(&buf, sections...); err != nil {
				t.Fatal(err)
			}
			checkMarkdown(t, buf.String())
			golden(t, "markdown/"+name+".md", buf.Bytes())
		})
	}
}

func TestMarkdownProblem(t *testing.T) {
	var buf bytes.Buffer
	err := report.MarkdownProblem(&buf, "Could not fetch the token", "the token endpoint refused the request: HTTP 403 <b>Forbidden</b> |x| (see www.evil.example/login or write to admin@evil.example)",
		"permissions:\n  id-token: write\n  contents: read\n", "yaml")
	if err != nil {
		t.Fatal(err)
	}
	checkMarkdown(t, buf.String())
	golden(t, "markdown/problem.md", buf.Bytes())
}

// providerErrorInjection is a pasted Entra error whose quoted subject
// would drive Markdown and a terminal: a code span's backticks, HTML, a
// table border, an autolink, an escape sequence and a bidi override.
func providerErrorInjection(t *testing.T) *inspect.Report {
	t.Helper()
	return fixedRun(t, inspect.Options{
		Input:    []byte("##[error]" + entraSubjectError("repo:octo-org/octo-repo:environment:``p`rod|<img src=x> www.evil.example \x1b[2J\u202e")),
		Source:   verify.Source{Offline: true},
		Policies: policyset.Loader{}.Load([]string{"../fixtures/policies/entra/graph-list-environment-prod.json"}, nil, nil),
	})
}

// TestMarkdownDeniedContent names what the summary must say about a
// denial, independently of the golden bytes.
func TestMarkdownDeniedContent(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Markdown(&buf, report.MarkdownSection{Heading: "t", Report: pushMainDenied(t)}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"**❌ 1 of 2 policies deny this token.**",
		"| ❌ deny | AWS |",
		"| ✅ allow | Google Cloud |",
		"- ❌ `StringEquals \"token.actions.githubusercontent.com:sub\":",                            // the failing condition
		"  - token sub: `repo:octo-org/octo-repo:ref:refs/heads/main`",                              // what the token holds
		"the token's sub is in ref form but the policy expects environment form",                    // the diagnosis
		"    expected\\: repo\\:octo-org/octo-repo\\:environment\\:prod",                            // not in a code block: must fail
		"Conditions this token satisfies instead (AWS, ready to paste)",                             // the suggestion
		`"token.actions.githubusercontent.com:sub": ["repo:octo-org/octo-repo:ref:refs/heads/main"`, // ready to paste
		"- **Signature** ✅ valid · RS256 · kid `oidcscope-demo`",
		"| `check_run_id` | `\"61532875419\"` | 🆕 NEW |",
		"#### Subject (default form)",
	} {
		if strings.Contains(want, "expected\\:") {
			if strings.Contains(md, want) {
				t.Errorf("the aligned diagnosis is prose, not a code block")
			}
			continue
		}
		if !strings.Contains(md, want) {
			t.Errorf("want %q in\n%s", want, md)
		}
	}
	if !strings.Contains(md, "  expected: repo:octo-org/octo-repo:environment:prod\n") {
		t.Errorf("the aligned diagnosis lost its alignment")
	}
}

var (
	fenceRE     = regexp.MustCompile("(?ms)^ *(```+)[a-z]*\n.*?^ *```+\n")
	allowedTags = regexp.MustCompile(`^</?(details|summary|br)>`)
	cellBorder  = regexp.MustCompile(`(^|[^\\])\|`)
)

// blankCodeSpans replaces the content of every code span with x's, so
// what is left is what Markdown reads. A span opens with a run of n
// backticks that is not backslash-escaped and closes with the next run of
// exactly n.
func blankCodeSpans(s string) string {
	b := []byte(s)
	run := func(i int) int {
		n := 0
		for i+n < len(b) && b[i+n] == '`' {
			n++
		}
		return n
	}
	for i := 0; i < len(b); i++ {
		if b[i] != '`' || i > 0 && b[i-1] == '\\' {
			continue
		}
		n := run(i)
		for j := i + n; j < len(b); j++ {
			if b[j] == '\n' {
				break // spans never cross lines here
			}
			if m := run(j); m > 0 {
				if m == n {
					for k := i; k < j+m; k++ {
						b[k] = 'x'
					}
					i = j + m - 1
					break
				}
				j += m - 1
			}
		}
	}
	return string(b)
}

// unsafeRunes lists characters that must never reach a reader raw.
func unsafeRunes(s string) []string {
	var bad []string
	for i, r := range s {
		if r == utf8.RuneError || r != '\n' && (r < 0x20 || r == 0x7f || escape.Unsafe(r)) {
			bad = append(bad, fmt.Sprintf("%U at byte %d", r, i))
		}
	}
	return bad
}

// checkMarkdown asserts what must hold of any Markdown report, whatever
// the token: no raw control or invisible characters, no HTML of the
// token's (only our <details>, <summary> and <br>), no autolinks, and
// every table row with as many cells as its header.
func checkMarkdown(t *testing.T, md string) {
	t.Helper()
	if bad := unsafeRunes(md); len(bad) > 0 {
		t.Errorf("raw unsafe characters: %v", bad)
	}
	prose := fenceRE.ReplaceAllString(md, "")
	prose = blankCodeSpans(prose)
	for i := 0; i < len(prose); i++ {
		if prose[i] == '<' && (i == 0 || prose[i-1] != '\\') && !allowedTags.MatchString(prose[i:]) {
			t.Errorf("raw HTML: …%s…", prose[max(0, i-40):min(len(prose), i+40)])
		}
	}
	if links := autolinks(prose); len(links) > 0 {
		t.Errorf("GitHub would make links of %q", links)
	}
	cells := -1
	for _, line := range strings.Split(prose, "\n") {
		if !strings.HasPrefix(line, "|") {
			cells = -1
			continue
		}
		n := len(cellBorder.FindAllString(line, -1))
		if cells < 0 {
			cells = n
		} else if n != cells {
			t.Errorf("a table row with %d cell borders, the header has %d: %s", n, cells, line)
		}
	}
}
