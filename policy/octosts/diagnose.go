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
func (tp *trustPolicy) explainFailure(m *meter, f *field, values []string) []string {
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
	if tp.mode == AnchorGrouped {
		for _, v := range values {
			if f.onlyUngrouped(m, v) {
				d = append(d, fmt.Sprintf("octo-sts releases that anchor as \"^\" + pattern + \"$\" (before the GHSA-mwqh-2vg8-rhj3 fix, e.g. octo-sts/app @cb87fc17) would accept %s through the ungrouped alternation", escape.Quoted(v)))
				break
			}
		}
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
// because octo-sts does not group the pattern before anchoring it.
func ungroupedPass(f *field, v string) string {
	if len(f.shape.bars) == 0 {
		return fmt.Sprintf("WARNING: %s passes %s only because (?m) at the pattern's top level makes the \"$\" octo-sts appends match at any line end; scope the flag as (?m:…) or drop it", escape.Quoted(v), f.key)
	}
	alts := alternatives(f.value, f.shape.bars)
	return fmt.Sprintf("WARNING: %s passes %s only because octo-sts anchors it as \"^\" + pattern + \"$\" without a group: \"|\" binds looser than ^ and $, so %s is anchored only at the start and %s only at the end, and this value is not wholly any alternative. Write %s: %s. (octo-sts/app later groups patterns, GHSA-mwqh-2vg8-rhj3: whether your octo-sts accepts this token depends on its version.)",
		escape.Quoted(v), f.key, escape.Quoted(alts[0]), escape.Quoted(alts[len(alts)-1]), f.key, yamlQuote("(?:"+f.value+")"))
}
