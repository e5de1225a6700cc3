package redact

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// A diagnosis may align the policy's value above the token's with a caret
// under the first difference ("first difference at character 29"). Both
// were computed on the real values, so once the IDs are hidden the position
// and the caret would still tell how long a hidden ID is and how many of
// its first digits the policy guessed right; and a token line cut short
// may end in the first digits of an ID, which the word rule does not
// replace. Such an alignment is therefore computed again from the redacted
// values, and a difference inside a hidden ID is a sentence without a
// position.

// Sentences that replace an alignment whose first difference lies inside
// a hidden value.
const (
	insideID       = "differs inside a redacted ID (%s): position not shown"
	insideRedacted = "differs only inside redacted text: position not shown"
)

// fixDiagnoses rewrites the diagnoses of out, the walked copy of orig,
// from orig's: the walk has already replaced the IDs in each line, but
// only the original values tell where an alignment's lines came from.
func fixDiagnoses(out, orig *inspect.Report, r *replacer) {
	for i, p := range orig.Policies {
		for j, c := range p.Conditions {
			out.Policies[i].Conditions[j].Diagnosis = r.diagnosis(c.Diagnosis)
		}
	}
	for i, c := range orig.Claims {
		for j, cc := range c.Conditions {
			out.Claims[i].Conditions[j].Diagnosis = r.diagnosis(cc.Diagnosis)
		}
	}
}

// diagnosis redacts the lines of one diagnosis, realigning alignments.
func (r *replacer) diagnosis(lines []string) []string {
	if lines == nil {
		return nil
	}
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		if e, t, ok := alignment(lines[i:]); ok {
			out = append(out, r.realign(e, t)...)
			i += 3
			continue
		}
		out = append(out, r.apply(lines[i]))
	}
	return out
}

// alignment recognises the four lines policy.Align writes at the start of
// lines, and returns the two values they compare.
func alignment(lines []string) (expected, token string, ok bool) {
	if len(lines) < 4 || !strings.HasPrefix(lines[0], "first difference at character ") {
		return "", "", false
	}
	e, ok1 := strings.CutPrefix(lines[1], "  expected: ")
	t, ok2 := strings.CutPrefix(lines[2], "  token:    ")
	if !ok1 || !ok2 || !slices.Equal(policy.Align(e, t), lines[:4]) {
		return "", "", false
	}
	return e, t, true
}

// realign aligns the redacted values of one alignment.
func (r *replacer) realign(expected, token string) []string {
	e, t := r.apply(expected), r.cutToken(token)
	i := policy.FirstDiff(e, t)
	for _, s := range []string{t, e} {
		if name, ok := r.placeholderAt(s, i); ok {
			return []string{fmt.Sprintf(insideID, name)}
		}
	}
	if out := policy.Align(e, t); out != nil {
		return out
	}
	return []string{insideRedacted}
}

// cutToken redacts a token line that may be cut short (a pattern's
// diagnosis shows the token's value only a little past the pattern's
// literal prefix): a tail that is the start of a hidden value, standing
// alone at its start, is replaced like the whole value.
func (r *replacer) cutToken(t string) string {
	for i := 0; i < len(t); i++ {
		if i > 0 && isWordByte(t[i-1]) || !isWordByte(t[i]) {
			continue
		}
		for _, w := range r.words {
			if len(t)-i < len(w.old) && strings.HasPrefix(w.old, t[i:]) {
				return r.apply(t[:i]) + w.new
			}
		}
	}
	return r.apply(t)
}

// placeholderAt returns the placeholder of s that covers byte i.
func (r *replacer) placeholderAt(s string, i int) (string, bool) {
	for _, w := range r.words {
		for off := 0; ; {
			j := strings.Index(s[off:], w.new)
			if j < 0 || off+j > i {
				break
			}
			if i < off+j+len(w.new) {
				return w.new, true
			}
			off += j + len(w.new)
		}
	}
	return "", false
}
