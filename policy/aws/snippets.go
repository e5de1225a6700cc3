package aws

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// Snippets are ready-to-paste condition entries, one per claim AWS can
// condition on, keyed with the token's issuer: sub (a list of its legacy
// and immutable forms, so the entry still admits this token), aud, and the
// 2026 keys for the claims the token carries. Each admits this token when
// pasted into a StringEquals block.
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
			qs[i] = quote(v)
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
		if auds, ok := tok.Strings("aud"); ok && len(auds) > 0 {
			note := "StringEquals: the audience; sts.amazonaws.com is what aws-actions/configure-aws-credentials requests"
			if !containsString(auds, policy.DefaultAudience[policy.AWS]) {
				note += "; this token's aud differs, so the OIDC provider must list it as a client ID"
			}
			add("aud", auds, note)
		}
	}
	if !r.github {
		return out
	}
	for _, claim := range keys2026Order {
		if v, ok := stringClaim(tok, claim); ok {
			add(claim, []string{v}, "StringEquals; a 2026 AWS STS key for GitHub known from secondary sources (not AWS's own documentation): verify it in your partition")
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
