package aws

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Where AWS does not document an answer, oidcscope picks the best-sourced
// reading and the diagnosis names the other one with its outcome.

// word says a three-valued outcome in a diagnosis.
func (t tri) word() string {
	switch t {
	case triYes:
		return "pass"
	case triNo:
		return "fail"
	}
	return "depend on the AWS request"
}

// multiNote explains a multivalued key (an array aud) under an operator
// without a set prefix, and what the other reading would answer.
func (c *condition) multiNote(v value, vals []resolvedValue) string {
	alt := triNo
	for _, x := range v.values {
		alt = max(alt, c.matchOne(x, vals, strings.EqualFold))
	}
	if c.negated() {
		alt = alt.not()
	}
	return fmt.Sprintf("the token's %s is an array %s, so the key is multivalued: \"Multivalued context keys require a condition set operator\" (IAM docs, \"Single-valued vs. multivalued context keys\"), and without ForAnyValue: or ForAllValues: AWS's simulator library fails the condition, citing AWS; oidcscope does the same. AWS does not document what STS does with an array aud here: if it compared each element, passing when any matches (a negated operator when none does), this condition would %s. A token that sets azp is read through azp instead, a single value",
		c.claim, v.actual, alt.word())
}

// foldNote says when an IgnoreCase outcome rests on a character outside
// ASCII folding to an ASCII letter (ſ and s, the Kelvin sign K and k): AWS
// does not document which case folding its IgnoreCase operators use.
// oidcscope folds with Unicode simple case folding (strings.EqualFold; Java's
// equalsIgnoreCase matches these pairs too).
func (c *condition) foldNote(v value, vals []resolvedValue, got tri) string {
	if c.base != opStringEqualsIgnoreCase && c.base != opStringNotEqualsIgnoreCase {
		return ""
	}
	alt := c.testFold(v, vals, foldWithinASCII)
	if alt == got {
		return ""
	}
	return fmt.Sprintf("this outcome rests on a character outside ASCII matching an ASCII letter when case is ignored (as ſ matches s, and the Kelvin sign K matches k): AWS does not document which case folding %s uses; oidcscope uses Unicode simple case folding, and under a folding that keeps ASCII and other letters apart the condition would %s",
		c.op, alt.word())
}

// foldWithinASCII compares ignoring case with Unicode simple folding,
// except that a character outside ASCII never matches an ASCII one.
func foldWithinASCII(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if (ra < utf8.RuneSelf) != (rb < utf8.RuneSelf) || !strings.EqualFold(a[:na], b[:nb]) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}
