package vault

import (
	"fmt"
	"strings"

	"github.com/ryanuber/go-glob"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// boundDiagnosis explains why no bound value matched the token's.
func boundDiagnosis(claimsType, claim string, expected, actual []value) []string {
	var out []string
	var exp []string
	for _, e := range expected {
		if e.kind == kString {
			exp = append(exp, e.text)
		}
	}
	single := ""
	isSingle := len(actual) == 1 && actual[0].kind == kString
	if isSingle {
		single = actual[0].text
	}
	if len(actual) != 1 {
		out = append(out, fmt.Sprintf("the token's %s is a list of %d values; none matches a bound value", claim, len(actual)))
	}
	if claimsType == TypeGlob {
		out = append(out, globNotes(exp, actual)...)
		if claim == "sub" && isSingle {
			out = append(out, subPatternForm(exp, single)...)
		}
		if isSingle && len(exp) > 0 {
			out = append(out, policy.PatternMismatch(policy.Vault, claim, exp, single, literalPrefix)...)
		}
		return out
	}
	out = append(out, typeNotes(expected, actual)...)
	if w := policy.WildcardInEquality(`bound_claims_type "string"`, exp); w != "" {
		out = append(out, w+`: set "bound_claims_type": "glob" to match patterns (it applies to every bound claim of the role)`)
	}
	if claim == "ref" && strings.HasPrefix(single, "refs/pull/") {
		out = append(out, "pull request runs get ref refs/pull/<number>/merge, not the branch")
	}
	if isSingle && len(exp) > 0 {
		out = append(out, policy.Mismatch(policy.Vault, claim, exp, single, true)...)
	}
	return out
}

// typeNotes finds bound and token values that print alike but differ in
// type, which Go's == tells apart.
func typeNotes(expected, actual []value) []string {
	for _, e := range expected {
		for _, a := range actual {
			switch {
			case e.kind == a.kind:
				continue
			case e.kind == kNumber && a.kind == kFloat:
				if eq, _ := equal(value{kind: kFloat, text: e.text}, a); eq {
					return []string{fmt.Sprintf("the token's list holds %s, but numbers inside a list stay float64 in Vault and never equal a bound number (a json.Number)", a.describe())}
				}
			case e.text == a.text && e.kind <= kNumber && a.kind <= kNumber:
				return []string{fmt.Sprintf("the role binds %s but the token holds %s: Vault compares with Go's ==, which tells types apart (GitHub sends every claim except exp, iat and nbf as a string: quote the bound value)", e.describe(), a.describe())}
			}
		}
	}
	return nil
}

// globNotes explains glob misses that are not about the literal prefix.
func globNotes(patterns []string, actual []value) []string {
	var out []string
	for _, p := range patterns {
		if strings.ContainsAny(p, "?[") {
			out = append(out, escape.Quoted(p)+": go-glob knows only '*'; '?' and '[' are literal characters")
			break
		}
	}
	skipped := 0
	for _, a := range actual {
		if a.kind != kString {
			skipped++
			continue
		}
		for _, p := range patterns {
			if glob.Glob(strings.ToLower(p), strings.ToLower(a.text)) {
				out = append(out, fmt.Sprintf("%s matches %s only when case is ignored: go-glob matches case-sensitively", escape.Quoted(p), escape.Quoted(a.text)))
				return out
			}
		}
	}
	if skipped > 0 {
		out = append(out, fmt.Sprintf("glob matching skips token values that are not strings (%d here)", skipped))
	}
	return out
}

// literalPrefix is a glob's text before its first '*'.
func literalPrefix(p string) string {
	if i := strings.IndexByte(p, '*'); i >= 0 {
		return p[:i]
	}
	return p
}

// legacyPattern reads the owner of a glob written for the legacy form,
// repo:OWNER/…: a pattern, not a sub, so ghsub does not parse it.
var legacyPattern = lazyre.New(`^repo:([^/:@*]+)/`)

// subPatternForm notes a sub pattern written for the legacy repo:OWNER/
// form when the token has the immutable repo:OWNER@ID/REPO@ID form.
func subPatternForm(patterns []string, sub string) []string {
	s, ok := ghsub.Parse(sub)
	if !ok || !s.Repo.Immutable() {
		return nil
	}
	for _, p := range patterns {
		if lp := legacyPattern().FindStringSubmatch(p); lp != nil && lp[1] == s.Repo.Owner {
			return []string{"the token's sub uses the immutable form repo:OWNER@ID/REPO@ID but the pattern expects repo:OWNER/…: list both forms, or bind repository_owner_id and repository_id instead"}
		}
	}
	return nil
}
