package entra

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// Snippets are the credential fields and flexible-expression terms this
// token satisfies, ready to paste. Flexible terms only for github.com's
// issuer, the one the documentation covers.
func (provider) Snippets(tok policy.Token) []policy.Snippet {
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: policy.Entra, Claim: claim, Text: text, Note: note})
	}
	iss, _, issProblem := claimString(tok, "iss")
	if issProblem == "" && iss != "" {
		add("iss", member("issuer", iss), "standard and flexible credentials: compared exactly, case-sensitively")
	}
	sub, _, subProblem := claimString(tok, "sub")
	forms, haveForms := tokenRepoForms(tok)
	if subProblem == "" && sub != "" {
		add("sub", member("subject", sub), "standard credential: the whole sub, exact and case-sensitive, no wildcards")
		if legacy, immutable, ok := forms.both(sub); haveForms && ok {
			other, form := immutable, "immutable (repo:OWNER@ID/REPO@ID)"
			if sub == immutable {
				other, form = legacy, "legacy (repo:OWNER/REPO)"
			}
			add("sub", member("subject", other), "the "+form+" form of this subject: it does not match this token, add it as a second credential so the trust survives GitHub's subject migration")
		}
	}
	if auds, _, _, problem := claimAudiences(tok); problem == "" && slices.Contains(auds, AzureAudience) {
		add("aud", member("audiences", []string{AzureAudience}), "the one audience Entra documents")
	}
	if iss != GitHubIssuer {
		return out
	}
	const flex = "flexible credential (preview) term, joined to others with ` and `"
	if subProblem == "" && haveForms {
		if prefix, _, _, ok := forms.split(sub); ok {
			add("sub", "claims['sub'] matches '"+prefix+"*'", flex+": every run of the repository; '*' is taken to match across '/' "+assumedNote)
		}
	}
	for _, claim := range []string{"job_workflow_ref", "repository_id", "repository_owner_id"} {
		v, _, problem := claimString(tok, claim)
		if problem != "" || v == "" || strings.ContainsRune(v, '\'') {
			continue
		}
		note := flex
		if claim != "job_workflow_ref" {
			note += "; the 2026 documentation requires repository_id or repository_owner_id next to sub"
		}
		add(claim, "claims['"+claim+"'] eq '"+v+"'", note)
	}
	return out
}
