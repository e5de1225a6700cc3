package octosts

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// A top-level "|" in a pattern: octo-sts since PR #1643 anchors each
// alternative as a whole value, octo-sts/app up to v0.8.0 anchors the
// first only at the start and the last only at the end. What the author
// meant decides the fix: alternatives that are whole values are grouped;
// later alternatives that read as the end of the first (a tag after a
// branch, "prod|staging" after "…:environment:") need the first's
// beginning, which grouping alone would not give them.

// alternationFix is the sentence that says how to write f's top-level
// alternation so that every octo-sts version reads it as meant.
func alternationFix(f *field) string {
	alts := alternatives(f.value, f.shape.bars)
	head, tail := laterTail(alts)
	if tail == "" {
		return fmt.Sprintf("Group the alternation, which every octo-sts version anchors as a whole value: %s.", yamlQuote("(?:"+f.value+")"))
	}
	if fc, ok := factorTail(alts); ok {
		return fmt.Sprintf("The later alternatives read as the end of the first (%s lacks its beginning %s), and each alternative must match the whole value, so grouped as written they would match no value of that form; factor the common beginning out instead: %s.",
			escape.Quoted(tail), escape.Quoted(head), yamlQuote(fc.fixed))
	}
	return fmt.Sprintf("Each alternative must match the whole value by itself: %s lacks the beginning %s of the first, so it matches no value of that form; write every alternative in full and group them as (?:…|…).",
		escape.Quoted(tail), escape.Quoted(head))
}

// laterTail is the first alternative's beginning (its first segment) and
// the first later alternative that lacks it; tail is "" when every
// alternative is a whole value of the same form.
func laterTail(alts []string) (head, tail string) {
	head = firstSegment(alts[0])
	for _, b := range alts[1:] {
		if head != "" && !strings.HasPrefix(b, head) {
			return head, b
		}
	}
	return head, ""
}

// firstSegment is p's text up to and including its first ":" or "/",
// leading flags aside; "" when p has no such separator before its end.
func firstSegment(p string) string {
	if strings.HasPrefix(p, "(?") {
		if j, _, _, closed := flags(p, 2); closed {
			p = p[j+1:]
		}
	}
	i := strings.IndexAny(p, ":/")
	if i < 0 || i == len(p)-1 {
		return ""
	}
	return p[:i+1]
}

// factoring is factorTail's rewrite of an alternation and what it means.
type factoring struct {
	fixed string   // P(?:rest|b1'|b2'…)
	meant []string // first, then P's cut + each b: the whole values the alternatives stand for
}

// factorTail rewrites first|b1|b2… , where the b read as the end of
// first, as P(?:rest|b1'|b2'…): P is first's beginning up to the segment
// every b starts with (or, for b of a single segment, up to first's last
// segment), extended over the segments they all share. ok is false when
// no such cut is certain or safe. Each cut is outside escapes, classes
// and groups, so the text joined is the patterns concatenated: fixed
// accepts exactly what meant's alternatives do.
func factorTail(alts []string) (factoring, bool) {
	first, later := alts[0], alts[1:]
	cuts := segmentCuts(first)
	k := -1
	for _, c := range cuts {
		if seg := firstSegment(first[c:]); seg != "" && allHavePrefix(later, seg) {
			k = c
			break
		}
	}
	if k < 0 && len(cuts) > 0 && !anyHasSeparator(later) {
		k = cuts[len(cuts)-1]
	}
	if k < 0 {
		return factoring{}, false
	}
	shared := 0 // bytes of first[k:] every later branch starts with, whole segments only
	for _, c := range segmentCuts(first[k:]) {
		if !allHavePrefix(later, first[k:k+c]) {
			break
		}
		shared = c
	}
	prefix := first[:k+shared]
	parts := []string{first[k+shared:]}
	meant := []string{first}
	for _, b := range later {
		parts = append(parts, b[shared:])
		meant = append(meant, first[:k]+b)
	}
	for _, p := range append([]string{prefix}, parts...) {
		if p != "" && strings.ContainsRune("*+?{", rune(p[0])) {
			return factoring{}, false // a repetition would bind to what precedes the cut
		}
		if _, err := regexp.Compile(p); err != nil {
			return factoring{}, false
		}
	}
	fixed := prefix + "(?:" + strings.Join(parts, "|") + ")"
	if _, err := compilePattern(fixed, AnchorGrouped); err != nil {
		return factoring{}, false
	}
	return factoring{fixed: fixed, meant: meant}, true
}

// segmentCuts are the offsets just after each ":" or "/" of p outside
// escapes, classes and groups, short of its end: where p can be cut into
// two patterns.
func segmentCuts(p string) []int {
	var out []int
	depth := 0
	scanPattern(p, func(i int) int {
		switch p[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ':', '/':
			if depth == 0 && i+1 < len(p) {
				out = append(out, i+1)
			}
		}
		return i
	})
	return out
}

func allHavePrefix(ss []string, prefix string) bool {
	for _, s := range ss {
		if !strings.HasPrefix(s, prefix) {
			return false
		}
	}
	return true
}

func anyHasSeparator(ss []string) bool {
	for _, s := range ss {
		if strings.ContainsAny(s, ":/") {
			return true
		}
	}
	return false
}

// olderReading explains how "^" + p + "$" lets v in: the top-level "|"
// anchors the first alternative only at the start and the last only at
// the end, or a top-level (?m) reaches the closing "$".
func olderReading(f *field) string {
	if len(f.shape.bars) == 0 {
		return "the (?m) at the pattern's top level also applies to the \"$\" appended, which then matches at any line end"
	}
	alts := alternatives(f.value, f.shape.bars)
	return fmt.Sprintf("\"|\" binds looser than ^ and $, so %s is anchored only at the start and %s only at the end, and this value is not wholly any alternative",
		escape.Quoted(alts[0]), escape.Quoted(alts[len(alts)-1]))
}

// leakFix says how to close what olderReading found.
func leakFix(f *field) string {
	if len(f.shape.bars) == 0 {
		return "Scope the flag as (?m:…) or drop it."
	}
	return alternationFix(f)
}
