package policy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/escape"
)

// Absent explains a claim the token does not carry.
func Absent(claim string) string {
	switch claim {
	case "environment":
		return "the token has no environment claim: the job does not reference an environment (add `environment: <name>` to the job)"
	}
	return "the token has no " + claim + " claim"
}

// Mismatch explains why actual equals none of the expected values under an
// exact comparison. provider names who compares (for the case note and the
// audience hint); caseSensitive says how it compares.
func Mismatch(provider, claim string, expected []string, actual string, caseSensitive bool) []string {
	var out []string
	best := closest(expected, actual)
	if caseSensitive && strings.EqualFold(best, actual) {
		out = append(out, fmt.Sprintf("differs only in case: %s compares %s case-sensitively", ProviderName(provider), claim))
	}
	if claim == "sub" {
		out = append(out, subForms(provider, expected, actual)...)
	}
	if claim == "aud" {
		if p, _ := byID(provider); p.Audience != "" && actual != p.Audience {
			want := p.Audience
			out = append(out, fmt.Sprintf("%s expects aud %q by default; request the token with that audience", ProviderName(provider), want))
		}
	}
	out = append(out, AlignNamed(best, actual)...)
	return out
}

// PatternMismatch explains a failed wildcard or regular-expression match:
// the sub form checks, and where the pattern's literal prefix stops fitting.
func PatternMismatch(provider, claim string, patterns []string, actual string, literalPrefix func(string) string) []string {
	var out []string
	if claim == "sub" {
		out = append(out, subForms(provider, patterns, actual)...)
	}
	for _, p := range patterns {
		prefix := literalPrefix(p)
		if strings.HasPrefix(actual, prefix) {
			continue
		}
		if strings.EqualFold(actual[:min(len(actual), len(prefix))], prefix) {
			out = append(out, fmt.Sprintf("pattern %s differs from the token only in case before its first wildcard; %s matches case-sensitively", escape.Quoted(p), ProviderName(provider)))
		}
		out = append(out, AlignNamed(prefix, actual[:min(len(actual), len(prefix)+16)])...)
		break
	}
	return out
}

// WildcardInEquality warns when a value compared literally contains
// wildcard characters, a common slip (StringEquals with "repo:o/r:*").
func WildcardInEquality(op string, values []string) string {
	for _, v := range values {
		if strings.ContainsAny(v, "*?") {
			return fmt.Sprintf("%s contains a wildcard, but %s compares literally", escape.Quoted(v), op)
		}
	}
	return ""
}

// Align shows two strings one above the other with a caret under the first
// difference. It always writes these four lines: redact recognises them
// and aligns the redacted values again.
func Align(expected, actual string) []string {
	out, _ := align(expected, actual)
	return out
}

// AlignNamed is Align followed by a line naming each character at the
// difference that is not ASCII (runeNotes): under the caret, a Cyrillic о
// looks like the o the policy expects. Mismatch and PatternMismatch use
// it; a provider aligning values itself should too.
func AlignNamed(expected, actual string) []string {
	out, i := align(expected, actual)
	if out == nil {
		return nil
	}
	return append(out, runeNotes(expected[i:], actual[i:])...)
}

// align is Align, and the byte offset of the difference.
func align(expected, actual string) ([]string, int) {
	if expected == actual {
		return nil, 0
	}
	i := FirstDiff(expected, actual)
	col := utf8.RuneCountInString(expected[:i])
	return []string{
		"first difference at character " + strconv.Itoa(col+1) + ":",
		"  expected: " + expected,
		"  token:    " + actual,
		caretLine(col),
	}, i
}

// caretLine puts a caret under column col of the two lines above it. Short
// lines, the usual ones, are slices of one constant: a policy set of
// thousands of roles aligns thousands of subjects.
func caretLine(col int) string {
	const pad = "                                                                                                                                ^"
	const indent = 12 // "  expected: "
	if indent+col < len(pad) {
		return pad[len(pad)-1-indent-col:]
	}
	return strings.Repeat(" ", indent+col) + "^"
}

// FirstDiff is the byte offset of the first difference of a and b, backed
// up to a rune boundary: where Align puts its caret.
func FirstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Back up to a rune boundary so the caret sits under a whole character.
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	return i
}

// closest picks the expected value sharing the longest prefix with
// actual, ignoring case.
func closest(expected []string, actual string) string {
	best, bestN := "", -1
	lowActual := ""
	for _, e := range expected {
		var n int
		if isASCII(e) && isASCII(actual) {
			n = foldedPrefix(e, actual) // the common case, without allocating
		} else {
			if lowActual == "" {
				lowActual = strings.ToLower(actual)
			}
			n = FirstDiff(strings.ToLower(e), lowActual)
		}
		if n > bestN {
			best, bestN = e, n
		}
	}
	return best
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldedPrefix is firstDiff of two ASCII strings, lower-cased.
func foldedPrefix(a, b string) int {
	lower := func(c byte) byte {
		if 'A' <= c && c <= 'Z' {
			return c + 'a' - 'A'
		}
		return c
	}
	i := 0
	for i < len(a) && i < len(b) && lower(a[i]) == lower(b[i]) {
		i++
	}
	return i
}

// subForms compares the shape of GitHub subjects (claims/ghsub parses
// them): which context (the job's
// environment wins over a pull request, which wins over the ref) and which
// repo form (legacy owner/name or immutable owner@ID/name@ID). provider
// says which claims can pin a branch when sub cannot.
func subForms(provider string, expected []string, actual string) []string {
	var out []string
	got := ghsub.Context(actual)
	var wants []string
	for _, e := range expected {
		if f := ghsub.Context(e); f != "" && !slices.Contains(wants, f) {
			wants = append(wants, f)
		}
	}
	if got != "" && len(wants) > 0 && !slices.Contains(wants, got) {
		msg := fmt.Sprintf("the token's sub is in %s form but the policy expects %s form", got, strings.Join(wants, " or "))
		switch got {
		case "environment":
			msg += ": a job that references an environment always gets environment:<name> in sub, whatever the branch"
			if slices.Contains(wants, "ref") {
				msg += environmentFormAdvice(provider, actual)
			}
		case "pull_request":
			msg += ": pull request events get :pull_request, not the ref"
		case "ref":
			msg += ": a job without an environment gets ref:<ref> (add the environment to the job, or trust the ref)"
		}
		out = append(out, msg)
	}
	gotImm := ghsub.IsImmutable(actual)
	for _, e := range expected {
		eImm, eLeg := ghsub.IsImmutable(e), ghsub.IsLegacy(e)
		switch {
		case gotImm && eLeg:
			out = append(out, "the token's sub uses the immutable form repo:OWNER@ID/REPO@ID but the policy expects the legacy form: trust both during the migration")
			return out
		case !gotImm && ghsub.IsLegacy(actual) && eImm:
			out = append(out, "the policy expects the immutable form repo:OWNER@ID/REPO@ID but this repository still gets the legacy form: trust both")
			return out
		}
	}
	return out
}
