package k8sinfo

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// YAMLQuote writes s as a double-quoted YAML scalar (a JSON string, which
// YAML reads the same), escaping control and invisible characters.
func YAMLQuote(s string) string {
	if escape.Verbatim(s) {
		return `"` + s + `"`
	}
	return policy.QuoteJSON(s, true)
}

// Snippets are the conditions a claimValidationRules entry can make of
// this token's claims: a CEL term per claim and, for the claims worth
// pinning exactly, a claim/requiredValue rule; plus issuer.url and
// issuer.audiences.
func Snippets(tok policy.Token) []policy.Snippet {
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: policy.K8s, Claim: claim, Text: text, Note: note})
	}
	if iss, ok := tok.String("iss"); ok && !tok.Duplicated("iss") {
		add("iss", "url: "+YAMLQuote(iss), "jwt[].issuer.url: compared with iss exactly")
	}
	if auds, ok := tok.Strings("aud"); ok && len(auds) > 0 && !tok.Duplicated("aud") {
		quoted := make([]string, len(auds))
		for i, a := range auds {
			quoted[i] = YAMLQuote(a)
		}
		note := "jwt[].issuer.audiences: the token's aud must contain one"
		if len(auds) > 1 {
			note += "; several audiences need audienceMatchPolicy: MatchAny"
		}
		add("aud", "audiences: ["+strings.Join(quoted, ", ")+"]", note)
	}
	for _, claim := range snippetClaims {
		v, ok := tok.String(claim)
		if !ok || tok.Duplicated(claim) {
			continue
		}
		note := "CEL term for a claimValidationRules expression (join terms with &&)"
		if ids := MutableNames[claim]; ids != nil {
			note += fmt.Sprintf("; %s is mutable, prefer %s", claim, ids[0])
		}
		add(claim, "claims."+claim+" == "+policy.QuoteCEL(v), note)
		if slices.Contains(requiredValueClaims, claim) {
			add(claim, fmt.Sprintf("- {claim: %s, requiredValue: %s}", claim, YAMLQuote(v)), "claimValidationRules entry: the claim must be this exact string")
		}
	}
	return out
}

var snippetClaims = []string{
	"repository_id", "repository_owner_id", "repository", "repository_owner", "sub",
	"ref", "ref_type", "ref_protected", "environment", "job_workflow_ref", "workflow_ref",
	"event_name", "actor_id", "runner_environment", "repository_visibility", "enterprise_id",
}

var requiredValueClaims = []string{"repository_id", "repository_owner_id", "ref", "environment", "job_workflow_ref"}

// MutableNames maps a claim naming something renameable to the claims
// that pin the same thing immutably.
var MutableNames = map[string][]string{
	"repository":       {"repository_id"},
	"repository_owner": {"repository_owner_id", "repository_id"},
	"actor":            {"actor_id"},
	"workflow":         {"job_workflow_ref", "workflow_ref"},
}
