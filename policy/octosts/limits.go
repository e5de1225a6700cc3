package octosts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
)

// Caps on the work patterns may cost. Go's regexp, which octo-sts uses,
// runs in time proportional to the pattern's compiled program times the
// length of the value (linear in the value, but not in both), so a 1 KB
// pattern against a 700 KB claim takes seconds and a 10 KB one minutes.
// octo-sts compiles patterns of any size (regexp's own limits aside: a
// thousand repetitions, nesting) and matches the claims of tokens GitHub
// minted, which are short; oidcscope reads hostile tokens and policies
// alike, so it caps both sides and says so as an error verdict.
const (
	// MaxPatternBytes: a *_pattern longer than this is not compiled.
	// Trust policies' patterns are tens to hundreds of bytes.
	MaxPatternBytes = 4 << 10
	// MaxPatternInsts caps a pattern's compiled program: "a{1000}" is
	// seven bytes and a thousand instructions.
	MaxPatternInsts = 10_000
	// MatchBudget caps, for one policy and one token, the sum over every
	// match of program instructions × (value bytes + 1): well under a
	// second of matching, for the worst patterns measured.
	MatchBudget = 1 << 25
)

// overBytes and overInsts say why a pattern is not evaluated.
func overBytes(key string, n int) string {
	return fmt.Sprintf("%s is %d bytes, more than the %d oidcscope compiles (Go's regexp, which octo-sts uses, matches in time proportional to pattern and claim, so oidcscope caps both)", key, n, MaxPatternBytes)
}

func overInsts(key string, n int) string {
	return fmt.Sprintf("%s compiles to %d instructions, more than the %d oidcscope runs (Go's regexp, which octo-sts uses, matches in time proportional to pattern and claim, so oidcscope caps both)", key, n, MaxPatternInsts)
}

// programSize estimates the instructions regexp compiles text into, from
// the parse tree, without building the program (a 4 KB pattern can
// compile to hundreds of thousands of instructions: building them to
// count them would be the work the cap avoids). ok is false when text
// does not parse; compiling it then fails with regexp's own error.
func programSize(text string) (n int, ok bool) {
	re, err := syntax.Parse(text, syntax.Perl)
	if err != nil {
		return 0, false
	}
	return treeSize(re), true
}

// treeSize follows regexp/syntax's compiler: a literal takes one
// instruction per rune, a repetition copies its operand, an alternation
// adds a split per branch; everything else takes one.
func treeSize(re *syntax.Regexp) int {
	n := 0
	for _, sub := range re.Sub {
		n += treeSize(sub)
	}
	switch re.Op {
	case syntax.OpLiteral:
		return max(len(re.Rune), 1)
	case syntax.OpCapture:
		return n + 2
	case syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpConcat:
		return n + 1
	case syntax.OpAlternate:
		return n + len(re.Sub)
	case syntax.OpRepeat:
		if re.Max < 0 { // x{n,}: n copies, the last one looping
			return n*max(re.Min, 1) + 1
		}
		return n*re.Max + re.Max - re.Min // x{n,m}: m copies, m-n of them optional
	}
	return n + 1
}

// meter is what matching may still spend for one policy and one token
// (or, at compile time, on one policy's probes). It is not shared: a
// compiled policy is evaluated concurrently.
type meter struct{ left int }

func newMeter() *meter { return &meter{left: MatchBudget} }

// match runs re, compiled from f's pattern, on v if the budget allows; ok
// is false, and nothing is spent, when it does not.
func (m *meter) match(f *field, re *regexp.Regexp, v string) (matched, ok bool) {
	cost := f.insts * (len(v) + 1)
	if cost > m.left {
		return false, false
	}
	m.left -= cost
	return re.MatchString(v), true
}

// overBudget says why a condition was not decided.
func overBudget(f *field, v string) string {
	return fmt.Sprintf("oidcscope stopped matching %s against the token's %d-byte %s: %d pattern instructions × %d claim bytes would pass the %d (instructions × bytes) it spends on one policy and token (Go's regexp, which octo-sts uses, matches in time proportional to both)",
		f.key, len(v), f.claim, f.insts, len(v), MatchBudget)
}
