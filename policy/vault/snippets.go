package vault

import (
	"encoding/json"
	"io"

	"github.com/oidcscope/oidcscope/policy"
)

// snippetClaims are the GitHub claims worth binding in bound_claims, IDs
// first.
var snippetClaims = []struct{ claim, note string }{
	{"repository_id", "immutable: survives renames and transfers"},
	{"repository_owner_id", "immutable owner ID"},
	{"ref", "the triggering ref; pull requests get refs/pull/<n>/merge"},
	{"environment", "present only when the job references an environment"},
	{"job_workflow_ref", "the workflow file that defines the job, at its ref"},
	{"workflow_ref", "the top-level (caller) workflow, at its ref"},
	{"ref_type", "branch or tag"},
	{"event_name", "the triggering event"},
	{"repository_visibility", "public, private or internal"},
	{"runner_environment", "github-hosted or self-hosted"},
	{"enterprise_id", "the enterprise's ID"},
	{"actor_id", "immutable ID of the account that started the run"},
	{"repository", "mutable name: prefer repository_id"},
	{"repository_owner", "mutable name: prefer repository_owner_id"},
}

// Snippets are role fields this token satisfies, ready to paste into a
// role: bound_claims entries (bound_claims_type "string"), bound_subject,
// bound_audiences, and the config's bound_issuer.
func (provider) Snippets(tok policy.Token) []policy.Snippet {
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: policy.Vault, Claim: claim, Text: text, Note: note})
	}
	for _, c := range snippetClaims {
		v, _, problem := claimString(tok, c.claim)
		if problem != "" || v == "" {
			continue
		}
		add(c.claim, member(c.claim, v), "bound_claims entry (exact, case- and type-sensitive under bound_claims_type \"string\"): "+c.note)
	}
	if sub, _, problem := claimString(tok, "sub"); problem == "" && sub != "" {
		add("sub", member("bound_subject", sub), "exact, no glob, one subject only: it fails when GitHub changes the repository's subject form; prefer bound_claims on the IDs")
	}
	if tok.Duplicated("aud") {
		return out
	}
	if auds, ok := tok.Strings("aud"); ok && len(auds) > 0 && auds[0] != "" {
		add("aud", member("bound_audiences", auds[:1]), "required: Vault refuses a token with an aud when the role binds none")
	}
	if iss, _, problem := claimString(tok, "iss"); problem == "" && iss != "" {
		add("iss", member("bound_issuer", iss), "auth config, not role: vault write auth/jwt/config bound_issuer=… oidc_discovery_url=…; compared exactly")
	}
	return out
}

// newEncoder writes indented JSON without HTML escaping.
func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc
}
