package octosts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Lint rule ids.
const (
	RuleUnanchoredAlternation = "octosts-unanchored-alternation"
	RuleMultilineFlag         = "octosts-multiline-flag"
	RuleSubjectAnyRepo        = "octosts-subject-pattern-any-repo"
	RuleIssuerBroad           = "octosts-issuer-pattern-broad"
	RuleNoIDClaim             = "octosts-no-id-claim"
	RuleDotUnescaped          = "octosts-dot-unescaped"
	RulePermissionValue       = "octosts-permission-value"
	RuleCompilesOnlyUngrouped = "octosts-pattern-compiles-only-ungrouped"
	RuleUnquotedScalar        = "octosts-unquoted-scalar"
	RuleDuplicatedClaim       = "octosts-duplicated-claim"
	RuleRepositoriesOrgOnly   = "octosts-repositories-org-only"
	RuleYAMLBooleanKey        = "octosts-yaml-boolean-key"
)

// patterns lists the compiled pattern fields in octo-sts's order.
func (tp *trustPolicy) patterns() []*field {
	var out []*field
	for _, f := range append([]*field{tp.issuer, tp.subject, tp.audience}, tp.claims...) {
		if f != nil && f.pattern && !f.broken() {
			out = append(out, f)
		}
	}
	return out
}

// policyLint finds what is wrong with the policy whatever the token.
func policyLint(tp *trustPolicy) []policy.Finding {
	var out []policy.Finding
	m := newMeter() // the probes below run every pattern against values of their own
	for _, f := range tp.patterns() {
		out = append(out, alternationLint(tp, f)...)
		if fd, ok := ungroupedOnlyLint(tp, f); ok {
			out = append(out, fd)
		}
	}
	if f := tp.subject; f != nil && f.pattern && !f.broken() {
		if fd, ok := anyRepoLint(m, tp, f, ownersIn(f.value)); ok {
			out = append(out, fd)
		}
	}
	if f := tp.issuer; f != nil && f.pattern && !f.broken() {
		if fd, ok := broadIssuerLint(m, f); ok {
			out = append(out, fd)
		}
	}
	if fd, ok := noIDLint(tp); ok {
		out = append(out, fd)
	}
	for _, f := range tp.patterns() {
		for _, w := range unescapedDots(f.value) {
			fixed := strings.ReplaceAll(w, ".", `\.`)
			out = append(out, policy.Finding{Rule: RuleDotUnescaped, Severity: policy.SevInfo, Message: fmt.Sprintf(
				"%s %s: the \".\" in %s matches any character, not just a dot; if a literal dot is meant write %s (in YAML double quotes %s)",
				f.key, yamlQuote(f.value), escape.Quoted(w), fixed, yamlQuote(fixed))})
		}
	}
	for _, k := range []string{"false", "true"} {
		if _, ok := tp.doc.ClaimPattern[k]; ok {
			out = append(out, policy.Finding{Rule: RuleYAMLBooleanKey, Severity: policy.SevWarning, Message: fmt.Sprintf(
				"claim_pattern has a claim named %s: YAML 1.1, which octo-sts's parser speaks, reads an unquoted y, n, yes, no, on, off, true or false as a boolean, so the claim name was probably one of those; quote it", escape.Quoted(k))})
		}
	}
	out = append(out, permissionLint(tp.doc.Permissions)...)
	out = append(out, unquotedScalarLint(tp.doc.unquoted)...)
	if len(tp.doc.Repositories) > 0 {
		out = append(out, policy.Finding{Rule: RuleRepositoriesOrgOnly, Severity: policy.SevInfo, Message: "repositories: is read only from the organization's policy (the .github repository, used when the exchange asks for scope=<org>); in a repository's own .sts.yaml octo-sts's strict parse refuses the whole file"})
	}
	return out
}

// alternationLint reports a top-level "|" and a top-level (?m): harmless
// to octo-sts since PR #1643, which groups the pattern, but octo-sts/app
// up to v0.8.0 compiles "^" + p + "$", where they leave a side unanchored.
func alternationLint(tp *trustPolicy, f *field) []policy.Finding {
	var out []policy.Finding
	old := yamlQuote("^" + f.value + "$")
	if len(f.shape.bars) > 0 {
		alts := alternatives(f.value, f.shape.bars)
		leak := fmt.Sprintf("where ^ anchors only %s and $ only %s, so a value that merely starts with the first alternative or ends with the last is accepted (e.g. \"evil-\" + a value of the last)",
			yamlQuote(alts[0]), yamlQuote(alts[len(alts)-1]))
		msg := fmt.Sprintf("%s %s has a top-level \"|\": %s anchors each alternative as a whole value, but %s compiles %s, %s there. %s",
			f.key, yamlQuote(f.value), fixedOctoSTS, olderOctoSTS, old, leak, alternationFix(f))
		sev := policy.SevWarning
		if tp.mode == AnchorCaretDollar {
			sev = policy.SevError
			msg = fmt.Sprintf("%s %s has a top-level \"|\": octo-sts/app up to v0.8.0 (@cb87fc17), the anchoring selected here, compiles %s, %s; %s anchors each alternative as a whole value. %s",
				f.key, yamlQuote(f.value), old, leak, fixedOctoSTS, alternationFix(f))
		}
		out = append(out, policy.Finding{Rule: RuleUnanchoredAlternation, Severity: sev, Message: msg})
	}
	if f.shape.multiline {
		msg := fmt.Sprintf("%s %s sets (?m) at its top level: %s scopes it to the pattern, but %s compiles %s, where it also applies to the \"$\" appended, which then matches at any line end, so there a value with a newline after a match passes; scope it as (?m:…) or drop it",
			f.key, yamlQuote(f.value), fixedOctoSTS, olderOctoSTS, old)
		if tp.mode == AnchorCaretDollar {
			msg = fmt.Sprintf("%s %s sets (?m) at its top level: it also applies to the \"$\" octo-sts/app up to v0.8.0 appends, which then matches at any line end, so a value with a newline after a match passes; scope it as (?m:…) or drop it",
				f.key, yamlQuote(f.value))
		}
		out = append(out, policy.Finding{Rule: RuleMultilineFlag, Severity: policy.SevWarning, Message: msg})
	}
	return out
}

// noIDLint: a GitHub policy that pins no immutable ID trusts names, which
// can be re-registered after a rename or deletion.
func noIDLint(tp *trustPolicy) (policy.Finding, bool) {
	if !tp.looksGitHub() || tp.claimPinned("repository_id") || tp.claimPinned("repository_owner_id") {
		return policy.Finding{}, false
	}
	return policy.Finding{Rule: RuleNoIDClaim, Severity: policy.SevInfo, Message: "no claim_pattern on repository_id or repository_owner_id: the policy trusts owner and repository names, which someone else can register after a rename or deletion; pin the immutable IDs, e.g. claim_pattern: {repository_id: \"<id>\", repository_owner_id: \"<id>\"}"}, true
}

func (tp *trustPolicy) looksGitHub() bool {
	for _, f := range []*field{tp.issuer, tp.subject} {
		if f == nil {
			continue
		}
		v := strings.ReplaceAll(f.value, `\.`, ".")
		if strings.Contains(v, "token.actions.") || strings.Contains(v, "/_services/token") || strings.Contains(v, "repo:") {
			return true
		}
	}
	return false
}

// tokenLint adds what only this token reveals: a value that only the
// ungrouped "^" + p + "$" of octo-sts/app up to v0.8.0 accepts, and a
// subject pattern open to every repository of the token's owner.
func tokenLint(ev *evaluation, tp *trustPolicy, tok policy.Token, fields []*field) []policy.Finding {
	var out []policy.Finding
	for _, f := range fields {
		v, ok := ev.leaked[f]
		if f == nil || !ok {
			continue
		}
		old := yamlQuote("^" + f.value + "$")
		fd := policy.Finding{Rule: RuleUnanchoredAlternation, Severity: policy.SevWarning, Message: fmt.Sprintf(
			"this token's %s %s matches %s only through the ungrouped reading %s: %s refuses it, while %s accepts it. %s",
			f.claim, escape.Quoted(v), f.key, old, fixedOctoSTS, olderOctoSTS, leakFix(f))}
		if tp.mode == AnchorCaretDollar {
			fd.Severity, fd.Message = policy.SevError, fmt.Sprintf(
				"this token's %s %s satisfies %s only through the ungrouped reading %s of octo-sts/app up to v0.8.0: %s refuses it. %s",
				f.claim, escape.Quoted(v), f.key, old, fixedOctoSTS, leakFix(f))
		}
		out = append(out, fd)
	}
	out = append(out, duplicateLint(tp, tok)...)
	owner, ok := tok.String("repository_owner")
	if f := tp.subject; ok && f != nil && f.pattern && !f.broken() && !slices.Contains(ownersIn(f.value), owner) {
		if fd, found := anyRepoLint(ev.m, tp, f, []string{owner}); found && !hasRule(tp.lint, RuleSubjectAnyRepo) {
			out = append(out, fd)
		}
	}
	return out
}

func hasRule(fs []policy.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}

// duplicateLint names each claim the policy reads that the token repeats:
// octo-sts decides on the last copy (encoding/json), and so does
// oidcscope, but other readers may take the first.
func duplicateLint(tp *trustPolicy, tok policy.Token) []policy.Finding {
	claims := []string{"iss", "sub", "aud"}
	for _, f := range tp.claims {
		if !slices.Contains(claims, f.claim) {
			claims = append(claims, f.claim)
		}
	}
	var out []policy.Finding
	for _, c := range claims {
		if n := tok.Count(c); n > 1 {
			v, _ := last(tok, c)
			out = append(out, policy.Finding{Rule: RuleDuplicatedClaim, Severity: policy.SevWarning, Message: fmt.Sprintf(
				"the token carries %s %d times: octo-sts reads it with encoding/json, which keeps the last copy (%s), and oidcscope evaluates that copy too; a reader that keeps the first would decide differently. GitHub never issues such a token", c, n, policy.Shorten(valueText(v), 200))})
		}
	}
	return out
}
