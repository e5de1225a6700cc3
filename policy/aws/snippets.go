package aws

import (
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Snippets are ready-to-paste condition entries, one per claim AWS can
// condition on, keyed with the token's issuer: sub (a list of its legacy
// and immutable forms, so the entry still admits this token), aud, and
// EvaluatedGitHubClaims for the claims the token carries. Each admits this
// token when pasted into the block its note names: StringEquals, or
// ForAnyValue:StringEquals for an array aud. Values are written with
// literalValue, so a "${" in a claim is not read as a policy variable.
func (provider) Snippets(tok policy.Token) []policy.Snippet {
	r := newRequest(tok)
	if !r.pathOK {
		return nil
	}
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim string, vals []string, note string) {
		// One entry to paste into a StringEquals block: "key": value.
		qs := make([]string, len(vals))
		for i, v := range vals {
			qs[i] = quote(literalValue(v, false))
		}
		val := qs[0]
		if len(qs) > 1 {
			val = "[" + strings.Join(qs, ", ") + "]"
		}
		out = append(out, policy.Snippet{Provider: policy.AWS, Claim: claim, Text: quote(r.path+":"+claim) + ": " + val, Note: note})
	}
	if subj, err := subjectsOf(tok); err == nil {
		forms := subj.exact()
		note := "StringEquals (case-sensitive): exactly this repository and context; IAM requires a StringEquals, StringLike or StringEqualsIgnoreCase on sub for GitHub's provider"
		if len(forms) > 1 {
			note += "; both forms, legacy repo:OWNER/REPO and immutable repo:OWNER@ID/REPO@ID, so the role survives GitHub's 2026 switch to immutable subjects"
		}
		add("sub", forms, note)
	}
	if !tok.Duplicated("aud") {
		if auds, ok := audKeyValues(tok); ok && len(auds) > 0 {
			note := "StringEquals: the audience; sts.amazonaws.com is what aws-actions/configure-aws-credentials requests"
			if !containsString(auds, policy.InfoOf(policy.AWS).Audience) {
				note += "; this token's aud differs, so the OIDC provider must list it as a client ID"
			}
			if v, _ := tok.Claim("aud"); v.Kind == decode.Array && tok.Count("azp") == 0 {
				note = "ForAnyValue:StringEquals (paste into that block, not StringEquals): this token's aud is an array, a multivalued key, and AWS requires a set operator for one; " + note
			}
			add("aud", auds, note)
		}
	}
	if !r.githubKeys {
		return out
	}
	for _, claim := range EvaluatedGitHubClaims() {
		if v, ok := stringClaim(tok, claim); ok {
			add(claim, []string{v}, "StringEquals; a GitHub key AWS STS evaluates in role trust policies ("+keysSourceShort+")")
		}
	}
	return out
}

// audKeyValues are what the aud key holds: the token's azp when it sets
// one (IAM's Default tab), else its aud.
func audKeyValues(tok policy.Token) ([]string, bool) {
	if tok.Count("azp") > 0 {
		if tok.Duplicated("azp") {
			return nil, false
		}
		s, ok := tok.String("azp")
		return []string{s}, ok
	}
	return tok.Strings("aud")
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
