package entra

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// The flexible credential's expression terms: one condition per term,
// eq exact and matches by wildcard (reference §3.2). matches is taken to
// follow AWS StringLike's wildcards (policy.MatchWildcard): whole-string
// matching, case sensitivity and '*' spanning '/' are assumptions Entra
// does not document, so a result that rests on one says so (assumedNote).

// expressionConditions tests each term of a flexible credential; the
// findings note matches that relied on an undocumented assumption.
// Matching is paid from one policy.WildcardMeter for all the terms.
func (c *credential) expressionConditions(tok policy.Token) ([]policy.Condition, []policy.Finding) {
	if c.expr == nil {
		cond := policy.Condition{Expression: c.exprText, Claims: []string{}, Expected: []string{}, Group: exprGroup}
		if cond.Expression == "" {
			cond.Expression = exprGroup
		}
		return []policy.Condition{errored(cond, c.exprDiagnosis()...)}, nil
	}
	var conds []policy.Condition
	var lint []policy.Finding
	m := policy.NewWildcardMeter()
	for i, t := range c.expr.Terms {
		cond, f := c.termCondition(tok, i, t, m)
		conds = append(conds, cond)
		lint = append(lint, f...)
	}
	return conds, lint
}

// exprDiagnosis shows a grammar error under the expression with a caret.
func (c *credential) exprDiagnosis() []string {
	out := []string{c.exprErr}
	if at := c.exprAt; at >= 0 && at <= len(c.exprText) {
		out = append(out, "  "+c.exprText, "  "+strings.Repeat(" ", utf8.RuneCountInString(c.exprText[:at]))+"^")
	}
	return out
}

func (c *credential) termCondition(tok policy.Token, i int, t term, m *policy.WildcardMeter) (policy.Condition, []policy.Finding) {
	cond := policy.Condition{Expression: t.Text, Claims: []string{t.Claim}, Expected: []string{t.Comparand}, Group: exprGroup}
	if msg := c.termErrs[i]; msg != "" {
		return errored(cond, msg), nil
	}
	val, absent, problem := claimString(tok, t.Claim)
	cond.Actual, cond.Absent = val, absent
	if problem != "" {
		return failed(cond, problem), nil
	}
	if t.Op == opEq {
		if val == t.Comparand {
			cond.Result = policy.Pass
			return cond, nil
		}
		var diag []string
		if w := policy.WildcardInEquality("eq", []string{t.Comparand}); w != "" {
			diag = append(diag, w+" (use matches for '*' and '?')")
		}
		return failed(cond, append(diag, policy.Mismatch(policy.Entra, t.Claim, []string{t.Comparand}, val, true)...)...), nil
	}
	if !m.Afford(policy.WildcardCost(t.Comparand, val)) {
		return errored(cond, overBudget(t, val)), nil
	}
	if policy.MatchWildcard(t.Comparand, val) {
		cond.Result = policy.Pass
		var lint []policy.Finding
		if re := c.inSeg[i]; re != nil && m.Afford(policy.WildcardCost(t.Comparand, val)) && !re.MatchString(val) {
			lint = append(lint, finding(RuleMatchesAssumption, policy.SevInfo,
				"%s holds for %s only because '*' is taken to match across '/' %s", t.Text, escape.Quoted(val), assumedNote))
		}
		return cond, lint
	}
	return failed(cond, matchesDiagnosis(t, val, m)...), nil
}

// matchesDiagnosis explains a failed matches term; the hints that need
// more matching than m affords are left out.
func matchesDiagnosis(t term, val string, m *policy.WildcardMeter) []string {
	var out []string
	if m.Afford(policy.WildcardCost(t.Comparand, val)) && policy.MatchWildcard(strings.ToLower(t.Comparand), strings.ToLower(val)) {
		out = append(out, "the pattern matches when case is ignored; matches is taken to be case-sensitive like the standard credential "+assumedNote)
	} else if m.Afford(policy.WildcardCost(t.Comparand+"*", val)) && policy.MatchWildcard(t.Comparand+"*", val) {
		out = append(out, "the pattern matches the start of the value but not all of it; matches is taken to compare the whole string "+assumedNote+": end the pattern with '*' to allow more")
	}
	out = append(out, policy.PatternMismatch(policy.Entra, t.Claim, []string{t.Comparand}, val, policy.WildcardPrefix)...)
	if len(out) == 0 {
		out = append(out, fmt.Sprintf("the value starts with the pattern's literal part %s, but the rest does not fit %s ('*' stands for any run of characters, '?' for exactly one)", escape.Quoted(policy.WildcardPrefix(t.Comparand)), escape.Quoted(t.Comparand)))
	}
	return out
}
