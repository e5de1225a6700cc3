package redact

import (
	"sort"
	"strings"
)

// pair is one value and its placeholder.
type pair struct{ old, new string }

// replacer rewrites strings. exact pairs (signature and payload segments)
// are replaced wherever they occur; words (IDs, jti) only where they stand
// alone, between characters that are not letters or digits, so the ID 74
// is replaced in "octo-repo@74" and in ".../runs/74/..." but not inside
// "1740" or a commit hash.
type replacer struct {
	exact *strings.Replacer // nil: none
	words []pair            // longest first
}

func newReplacer(exact, words []pair) *replacer {
	r := &replacer{}
	for _, p := range words {
		if p.old != "" { // an empty word would match everywhere
			r.words = append(r.words, p)
		}
	}
	var args []string
	for _, p := range exact {
		if p.old != "" {
			args = append(args, p.old, p.new)
		}
	}
	if len(args) > 0 {
		r.exact = strings.NewReplacer(args...)
	}
	// Longest first, so an ID that is a prefix of another never wins.
	sort.SliceStable(r.words, func(i, j int) bool { return len(r.words[i].old) > len(r.words[j].old) })
	return r
}

func (r *replacer) apply(s string) string {
	if r.exact != nil {
		s = r.exact.Replace(s)
	}
	return r.replaceWords(s)
}

// replaceWords scans s once, so a placeholder it writes is never scanned
// again for another value.
func (r *replacer) replaceWords(s string) string {
	if !r.anyWordIn(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		if i > 0 && isWordByte(s[i-1]) {
			i++
			continue
		}
		n := r.wordAt(s, i)
		if n < 0 {
			i++
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r.words[n].new)
		i += len(r.words[n].old)
		last = i
	}
	b.WriteString(s[last:])
	return b.String()
}

// wordAt returns the index of the word standing alone at s[i:], or -1. A
// number is not alone where it is one part of a longer number (a date,
// a time, a version): GitHub Enterprise Server's IDs start at 1, and its
// repository 12 must not turn 2025-12-31 or release-1.12 into placeholders.
func (r *replacer) wordAt(s string, i int) int {
	for n, w := range r.words {
		end := i + len(w.old)
		if !strings.HasPrefix(s[i:], w.old) || end < len(s) && isWordByte(s[end]) {
			continue
		}
		if digits(w.old) && (joinsNumber(s, i-1, -1) || joinsNumber(s, end, 1)) {
			continue
		}
		return n
	}
	return -1
}

// joinsNumber reports whether s[at] is a separator of a number's parts
// ('.', '-' or ':') with a digit beyond it, away from the word (step -1:
// before it, 1: after it).
func joinsNumber(s string, at, step int) bool {
	next := at + step
	if at < 0 || at >= len(s) || next < 0 || next >= len(s) {
		return false
	}
	return strings.IndexByte(".-:", s[at]) >= 0 && s[next] >= '0' && s[next] <= '9'
}

func (r *replacer) anyWordIn(s string) bool {
	for _, w := range r.words {
		if strings.Contains(s, w.old) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
