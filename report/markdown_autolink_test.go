package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/report"
)

// The autolinks of GitHub-flavoured Markdown (cmark-gfm's autolink
// extension): "www." and a scheme's "://" are recognised in the source
// text, so an escaped "." or ":" stops them; an e-mail address is
// recognised after backslash escapes are resolved and adjacent text is
// joined, so only something that is not text (a code span) stops it. An
// xmpp: or mailto: address is an e-mail address with a prefix.
var (
	gfmWWW    = regexp.MustCompile(`(?i)www\.`)
	gfmScheme = regexp.MustCompile(`(?i)(https?|ftp)://`)
	gfmEmail  = regexp.MustCompile(`[A-Za-z0-9.+_-]+@[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.[A-Za-z0-9]`)
	mdEscapes = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
	codeSpans = regexp.MustCompile("`+[^`]*`+")
)

// autolinks returns what GitHub would turn into a link in Markdown prose
// (code blocks removed).
func autolinks(md string) []string {
	var out []string
	out = append(out, gfmWWW.FindAllString(md, -1)...)
	out = append(out, gfmScheme.FindAllString(md, -1)...)
	text := codeSpans.ReplaceAllString(md, " ")   // a code span is not text
	text = mdEscapes.ReplaceAllString(text, "$1") // escapes resolve to text
	return append(out, gfmEmail.FindAllString(text, -1)...)
}

// reads is how prose reads once rendered: escapes resolved, code spans
// shown as their content.
func reads(md string) string {
	md = codeSpans.ReplaceAllStringFunc(md, func(s string) string { return strings.Trim(s, "`") })
	return mdEscapes.ReplaceAllString(md, "$1")
}

// TestMarkdownAutolinks: outside text in Markdown prose never becomes a
// link GitHub made (a phishing link in a step summary), and still reads
// as it was written.
func TestMarkdownAutolinks(t *testing.T) {
	for _, in := range []string{
		"see www.evil.example/login",
		"WWW.EVIL.EXAMPLE",
		"(www.evil.example)",
		"_www.evil.example",
		"go to https://evil.example/login now",
		"http://evil.example",
		"ftp://evil.example",
		"mail admin@evil.example",
		"first.last+tag@mail.evil.example.",
		"mailto:admin@evil.example",
		"xmpp:admin@evil.example/res",
		"repo:octo-org@65/octo-repo@74:ref:refs/heads/main",
		"@octocat and a@b",
	} {
		var buf bytes.Buffer
		if err := report.MarkdownProblem(&buf, "heading", in, "", ""); err != nil {
			t.Fatal(err)
		}
		md := buf.String()
		checkMarkdown(t, md)
		line := strings.Split(md, "\n")[4] // ## oidcscope, blank, ### heading, blank, the problem
		if got := reads(line); got != in {
			t.Errorf("%q is written %q, which reads %q", in, line, got)
		}
	}
	// The detector finds each kind.
	for _, raw := range []string{"www.x.example", "https://x.example", `a\@b.example`, "a@b.example", "`a`a@b.example"} {
		if len(autolinks(raw)) == 0 {
			t.Errorf("autolinks(%q) found nothing", raw)
		}
	}
}
