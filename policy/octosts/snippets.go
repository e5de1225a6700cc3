package octosts

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// snippetClaims are the claims worth a claim_pattern, in display order.
// Per-run values (jti, run_id, sha, check_run_id, …) are left out, and so
// are times: octo-sts refuses non-string claims.
var snippetClaims = []string{
	"repository_id", "repository_owner_id", "repository", "repository_owner",
	"ref", "ref_type", "ref_protected", "environment",
	"job_workflow_ref", "workflow_ref", "event_name", "runner_environment",
	"repository_visibility", "actor_id", "enterprise_id", "enterprise", "base_ref", "head_ref",
}

var snippetNotes = map[string]string{
	"repository_id":       "immutable: survives renames, cannot be re-registered",
	"repository_owner_id": "immutable owner ID",
	"job_workflow_ref":    "the workflow file that defines the job, at its ref (the reusable workflow when called)",
	"workflow_ref":        "the top-level (caller) workflow",
	"ref_protected":       "a string \"true\"/\"false\" in GitHub tokens",
	"environment":         "present only when the job references an environment",
}

// Snippets are single octo-sts conditions for this token: issuer, subject
// (exact and as a grouped pattern trusting both forms), audience, and a
// claim_pattern entry per useful string or boolean claim.
func (p *Provider) Snippets(tok policy.Token) []policy.Snippet {
	out := make([]policy.Snippet, 0, 32) // room for a GitHub token's
	add := func(claim, text, note string) {
		out = append(out, policy.Snippet{Provider: policy.OctoSTS, Claim: claim, Text: text, Note: note})
	}
	if iss, ok := tok.String("iss"); ok {
		add("iss", "issuer: "+yamlQuote(iss), "compared exactly")
	}
	if sub, ok := tok.String("sub"); ok {
		add("sub", "subject: "+yamlQuote(sub), "compared exactly: this one subject form only")
		if rs, ok := splitSubject(tok); ok {
			note := "RE2, anchored by octo-sts; the (?:…|…) group keeps both alternatives anchored"
			if rs.immutable != "" {
				note = "trusts the legacy and the immutable subject form; " + note
			}
			add("sub", "subject_pattern: "+yamlQuote(rs.pattern(regexp.QuoteMeta(rs.tail))), note)
		}
	}
	if auds, ok := tok.Strings("aud"); ok {
		for _, a := range auds {
			note := "any of the token's aud values may match"
			if a == p.domain() {
				note = "the default: a policy with no audience line requires aud " + p.domain()
			}
			add("aud", "audience: "+yamlQuote(a), note)
		}
	}
	names := append([]string{}, snippetClaims...)
	for _, m := range tok.Payload.Members {
		if strings.HasPrefix(m.Key, "repo_property_") && !m.Duplicate {
			names = append(names, m.Key)
		}
	}
	for _, c := range names {
		v, ok := tok.Claim(c)
		if !ok || (v.Kind != decode.String && v.Kind != decode.Bool) || v.Text == "" || tok.Duplicated(c) {
			continue
		}
		note := snippetNotes[c]
		if v.Kind == decode.Bool {
			note = "a JSON boolean: octo-sts matches it as \"true\"/\"false\""
		}
		add(c, fmt.Sprintf("claim_pattern:\n  %s: %s", yamlKey(c), yamlQuote(regexp.QuoteMeta(v.Text))), note)
	}
	return out
}
