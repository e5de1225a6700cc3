package gcpinfo

import (
	"fmt"
	"slices"

	"github.com/oidcscope/oidcscope/policy"
)

// snippetClaims are the claims worth a CEL term, most useful first.
var snippetClaims = []string{
	"repository_id", "repository_owner_id", "repository", "repository_owner", "sub",
	"ref", "ref_type", "ref_protected", "environment", "job_workflow_ref", "workflow_ref",
	"event_name", "actor_id", "runner_environment", "repository_visibility", "enterprise_id",
}

// mappedClaims get an attributeMapping snippet.
var mappedClaims = []string{"repository_id", "repository_owner_id", "ref", "environment", "job_workflow_ref"}

// ownerClaims name who owns the repository (its owner, its enterprise): a
// term or member on one of them alone lets in every repository of it.
var ownerClaims = []string{"repository_owner", "repository_owner_id", "enterprise_id"}

// betterIDs steers name claims to the IDs that pin the same thing.
var betterIDs = map[string]string{
	"repository":       "repository_id",
	"repository_owner": "repository_owner_id",
	"actor":            "actor_id",
}

// Snippets are the provider's ready-to-paste pieces of a provider and its IAM bindings
// for this token: the issuer, the audience, a CEL term per claim for
// attributeCondition (IDs quoted: they are strings), attributeMapping
// entries, and principal/principalSet members (only for IDs of digits, a
// sub MemberValue accepts, and a pool from aud it accepts; else with the
// placeholders or none). A term or member on an owner claim is Wide: it
// is for the lists of what the token satisfies, not to paste in place of
// a failing condition.
func Snippets(tok policy.Token) []policy.Snippet {
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: policy.GCP, Claim: claim, Text: text, Note: note})
	}
	// grant adds a condition term or an IAM member: Wide on an owner claim.
	grant := func(claim, text, note string) {
		add(claim, text, note)
		out[len(out)-1].Wide = slices.Contains(ownerClaims, claim)
	}
	pool := Placeholder
	if iss, ok := tok.String("iss"); ok && !tok.Duplicated("iss") {
		add("iss", `"issuerUri": `+policy.QuoteJSON(iss, false), "oidc.issuerUri: compared with iss exactly")
	}
	if auds, ok := tok.Strings("aud"); ok && len(auds) > 0 && !tok.Duplicated("aud") {
		defaulted := false
		for _, a := range auds {
			if r, ok := AudienceResource(a); ok {
				defaulted = true
				if MemberValue(r.PoolPath()) { // else members keep the placeholders
					pool = r
				}
				add("aud", `"allowedAudiences": []`, fmt.Sprintf("the token's aud %s is the default audience of provider %s: leave oidc.allowedAudiences empty", a, r.Name()))
				break
			}
		}
		if !defaulted {
			add("aud", `"allowedAudiences": [`+policy.QuoteJSON(auds[0], false)+`]`, "oidc.allowedAudiences: the token's aud must be one of them; without the list, aud must be https://iam.googleapis.com/<provider name> (google-github-actions/auth's default)")
		}
	}
	for _, claim := range snippetClaims {
		v, ok := tok.String(claim)
		if !ok || tok.Duplicated(claim) {
			continue
		}
		note := "CEL term for attributeCondition (join terms with &&)"
		if id := betterIDs[claim]; id != "" {
			note += fmt.Sprintf("; %s is mutable, prefer %s", claim, id)
		}
		grant(claim, "assertion."+claim+" == "+policy.QuoteCEL(v), note)
	}
	for _, claim := range mappedClaims {
		if _, ok := tok.String(claim); ok && !tok.Duplicated(claim) {
			add(claim, `"attribute.`+claim+`": "assertion.`+claim+`"`, "attributeMapping entry: makes the claim usable in IAM bindings (principalSet://…/attribute."+claim+"/<value>) and as attribute."+claim+" in the condition")
		}
	}
	for _, claim := range []string{"repository_id", "repository_owner_id"} {
		if v, ok := tok.String(claim); ok && Digits(v) && !tok.Duplicated(claim) {
			grant(claim, fmt.Sprintf("principalSet://%s/%s/attribute.%s/%s", IAMHost, pool.PoolPath(), claim, v), "IAM member: every identity of the pool with this "+claim+"; needs attribute."+claim+" in attributeMapping")
		}
	}
	if sub, ok := tok.String("sub"); ok && sub != "" && !tok.Duplicated("sub") {
		if len(sub) <= MaxSubjectBytes {
			if MemberValue(sub) { // else no member: it would not paste as the sub
				add("sub", fmt.Sprintf("principal://%s/%s/subject/%s", IAMHost, pool.PoolPath(), sub), "IAM member for exactly this google.subject (with google.subject = assertion.sub)")
			}
		} else if text, subject, ok := shortSubject(tok); ok {
			add("sub", text, fmt.Sprintf("attributeMapping entry, in place of google.subject = assertion.sub: this sub is %d bytes, over google.subject's %d-byte limit; this maps %s (%d bytes)", len(sub), MaxSubjectBytes, subject, len(subject)))
		}
	}
	return out
}

// shortSubject is a google.subject mapping for a token whose sub is over
// the limit, and the subject it maps for this token, which must fit too:
// the first of SubjectMappings after the sub itself.
func shortSubject(tok policy.Token) (text, subject string, ok bool) {
	for _, m := range SubjectMappings()[1:] {
		if s, ok := m.Value(tok); ok {
			return m.Text(), s, true
		}
	}
	return "", "", false
}
