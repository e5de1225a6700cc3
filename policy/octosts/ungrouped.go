package octosts

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// ungroupedOnlyLint reports, under AnchorCaretDollar, a pattern that
// compiles only as octo-sts/app up to v0.8.0 (@cb87fc17) wraps it,
// "^" + p + "$" (pkg/octosts/trust_policy.go, Compile): octo-sts after
// PR #1643 (pkg/octosts/pattern.go, compileAnchored) compiles p on its own
// and then as "^(?:p)$", and refuses it. Under AnchorGrouped the policy is
// an error and the errored condition says the same (olderCompiles).
func ungroupedOnlyLint(tp *trustPolicy, f *field) (policy.Finding, bool) {
	if tp.mode != AnchorCaretDollar || f.re == nil {
		return policy.Finding{}, false
	}
	_, err := compilePattern(f.value, AnchorGrouped)
	if err == nil {
		return policy.Finding{}, false
	}
	how, anchorLost, fix := ungroupedReading(f.value)
	sev := policy.SevWarning
	if anchorLost {
		sev = policy.SevError
	}
	return policy.Finding{Rule: RuleCompilesOnlyUngrouped, Severity: sev, Message: fmt.Sprintf(
		"%s %s compiles only because octo-sts/app @cb87fc17 (and its releases up to v0.8.0) compiles %s, without a group: %s. %s compiles the pattern on its own, then as \"^(?:…)$\", and refuses it (%v), so there every exchange for this identity fails with \"unable to compile trust policy\". %s",
		f.key, yamlQuote(f.value), yamlQuote("^"+f.value+"$"), how, fixedOctoSTS, err, fix)}, true
}

// olderCompiles says, for a pattern octo-sts refuses, what octo-sts/app up
// to v0.8.0 made of it instead; "" when it refused it too.
func olderCompiles(p string) string {
	if _, err := compilePattern(p, AnchorCaretDollar); err != nil {
		return ""
	}
	how, _, fix := ungroupedReading(p)
	return fmt.Sprintf("%s compiles it anyway, as %s without a group, and evaluates it: %s. %s", olderOctoSTS, yamlQuote("^"+p+"$"), how, fix)
}

// ungroupedReading says what "^" + p + "$" makes of p, whether that loses
// one of the anchors, and how to write p so that it compiles alone.
func ungroupedReading(p string) (how string, anchorLost bool, fix string) {
	if unclosedQuote(p) {
		return "the \\Q quotes to the end of the pattern and takes the \"$\" octo-sts appends as a literal character, so a value must contain \"$\" there and may go on after it (the end is not anchored)",
			true, "Close the quote with \\E."
	}
	if n := len(p) - len(strings.TrimRight(p, `\`)); n%2 == 1 {
		return "the trailing backslash escapes the \"$\" octo-sts appends, so a value must contain \"$\" there and may go on after it (the end is not anchored)",
			true, "Drop the trailing \\, or write \\\\ for a literal backslash."
	}
	if p != "" && strings.ContainsRune("*?+{", rune(p[0])) {
		op := p[:1]
		if end := strings.IndexByte(p, '}'); op == "{" && end > 0 {
			op = p[:end+1] // {n}, {n,}, {n,m}
		}
		if op == "*" || op == "?" || strings.HasPrefix(op, "{0") || strings.HasPrefix(op, "{,") {
			return fmt.Sprintf("the leading %s repeats the \"^\" octo-sts prepends, which may then occur zero times, so the start is not anchored", escape.Quoted(op)),
				true, fmt.Sprintf("Drop the %s, or write .* if any prefix is meant.", escape.Quoted(op))
		}
		return fmt.Sprintf("the leading %s repeats the \"^\" octo-sts prepends (harmless there)", escape.Quoted(op)), false, fmt.Sprintf("Drop the %s.", escape.Quoted(op))
	}
	return "the pattern is not valid on its own", false, "Make the pattern valid on its own."
}

// unclosedQuote reports a \Q that no \E closes, outside classes.
func unclosedQuote(p string) bool {
	return !scanPattern(p, func(i int) int { return i })
}
