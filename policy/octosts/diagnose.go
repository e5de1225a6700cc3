package octosts

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// explainFailure says why no value matched: the shared diagnoses plus what
// is particular to octo-sts (RE2 not glob, case, anchoring, issuers).
func (tp *trustPolicy) explainFailure(ev *evaluation, f *field, values []string) []string {
	m := ev.m
	actual := firstOr(values, "")
	d := []string{checkTokenError(f, values)}
	if !f.pattern {
		d = append(d, policy.Mismatch(policy.OctoSTS, f.claim, []string{f.value}, actual, true)...)
		if w := policy.WildcardInEquality(f.key, []string{f.value}); w != "" {
			d = append(d, w+"; use "+f.key+"_pattern with a regular expression (.* for any run of characters)")
		}
		if f.claim == "iss" {
			d = append(d, issuerNotes(f.value, actual)...)
		}
		return d
	}
	d = append(d, policy.PatternMismatch(policy.OctoSTS, f.claim, []string{f.value}, actual, f.literalPrefix)...)
	if caseOnly(m, f, values) {
		d = append(d, fmt.Sprintf("%s matches when case is ignored: octo-sts patterns are case-sensitive unless they start with (?i)", f.key))
	}
	if g := globStar(f.value); g != "" {
		d = append(d, fmt.Sprintf("%s in %s is RE2, not a glob: it repeats %s zero or more times; write %s to match any run of characters", escape.Quoted(g), f.key, escape.Quoted(g[:1]), escape.Quoted(g[:1]+".*")))
	}
	if v, ok := ev.leaked[f]; ok {
		d = append(d, fmt.Sprintf("%s accepts %s through its ungrouped reading %s: %s. %s refuses it. %s",
			olderOctoSTS, escape.Quoted(v), yamlQuote("^"+f.value+"$"), olderReading(f), fixedOctoSTS, leakFix(f)))
	}
	if f.claim == "iss" {
		d = append(d, issuerNotes("", actual)...)
	}
	return d
}

// checkTokenError is the error octo-sts's CheckToken returns (and the
// exchange answers with) for this failure.
func checkTokenError(f *field, values []string) string {
	v := firstOr(values, "")
	switch {
	case f.claim == "aud" && f.pattern:
		return fmt.Sprintf("trust policy: audience_pattern %s did not match any of %s", escape.Quoted(f.value), quotedList(values))
	case f.claim == "aud":
		return fmt.Sprintf("trust policy: audience %s did not match any of %s", escape.Quoted(f.value), quotedList(values))
	case f.key == "issuer_pattern" || f.key == "subject_pattern":
		return fmt.Sprintf("trust policy: %s %s did not match pattern %s", strings.TrimSuffix(f.key, "_pattern"), escape.Quoted(v), escape.Quoted(f.value))
	case f.key == "issuer" || f.key == "subject":
		return fmt.Sprintf("trust policy: %s %s did not match %s", f.key, escape.Quoted(v), escape.Quoted(f.value))
	}
	return fmt.Sprintf("trust policy: claim %s did not match %s", escape.Quoted(f.claim), escape.Quoted(f.re.String()))
}

// caseOnly reports a pattern that would match some value
// case-insensitively, as far as m pays for.
func caseOnly(m *meter, f *field, values []string) bool {
	if f.re == nil {
		return false
	}
	folded, err := regexp.Compile("(?i)" + f.re.String())
	if err != nil {
		return false
	}
	for _, v := range values {
		if matched, ok := m.match(f, folded, v); ok && matched {
			return true
		}
	}
	return false
}

const githubIssuer = "https://token.actions.githubusercontent.com"

// issuerNotes explains the usual issuer slips: an enterprise's unique
// issuer and a trailing slash.
func issuerNotes(expected, actual string) []string {
	var out []string
	if strings.HasPrefix(actual, githubIssuer+"/") && actual != githubIssuer+"/" {
		out = append(out, fmt.Sprintf("the token comes from an enterprise with a unique issuer (%s): the policy must name that issuer", actual))
	}
	if expected != "" && strings.TrimSuffix(expected, "/") == strings.TrimSuffix(actual, "/") && expected != actual {
		out = append(out, "the issuers differ only by a trailing slash: octo-sts compares the issuer exactly")
	}
	return out
}

// ungroupedPass is the loud warning on a condition that passes only
// because octo-sts/app up to v0.8.0 (AnchorCaretDollar) does not group the
// pattern before anchoring it.
func ungroupedPass(f *field, v string) string {
	return fmt.Sprintf("WARNING: %s passes %s only because octo-sts/app up to v0.8.0 (@cb87fc17) anchors it as %s, without a group: %s. %s refuses it. %s",
		escape.Quoted(v), f.key, yamlQuote("^"+f.value+"$"), olderReading(f), fixedOctoSTS, leakFix(f))
}
