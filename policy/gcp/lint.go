package gcp

import (
	"fmt"
	"slices"
	"strings"

	"cel.dev/cel-go/common/ast"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Lint rule ids.
const (
	// RuleNoCondition: a GitHub provider without an attribute condition
	// that reads a claim trusts every repository on GitHub; creating one
	// now fails [G6].
	RuleNoCondition = "gcp-no-attribute-condition"
	// RuleNamesOnly: the condition pins the repository only by mutable
	// names (repository_owner, repository…), no immutable ID.
	RuleNamesOnly = "gcp-condition-names-only"
	// RuleSubjectTooLong: this token's google.subject is over 127 bytes
	// (token-dependent).
	RuleSubjectTooLong = "gcp-subject-too-long"
	// RuleUnmappedMember: an IAM member binds an attribute the mapping
	// does not produce, so it never matches.
	RuleUnmappedMember = "gcp-unmapped-claim-in-member"
	// RuleAudiencesMismatch: oidc.allowedAudiences replaces the default
	// audience that google-github-actions/auth requests.
	RuleAudiencesMismatch = "gcp-allowed-audiences-mismatch"
	// RuleWholePool: principalSet://…/* grants every identity of the pool.
	RuleWholePool = "gcp-member-whole-pool"
)

// Rules lists every rule id, for documentation and tests.
var Rules = []string{RuleNoCondition, RuleNamesOnly, RuleSubjectTooLong, RuleUnmappedMember, RuleAudiencesMismatch, RuleWholePool}

// githubIssuer recognises GitHub Actions issuers: github.com (and its
// per-enterprise form), GHE.com data residency, GHES.
var githubIssuer = lazyre.New(`^https://token\.actions\.(githubusercontent\.com|[^/]+\.ghe\.com)(/|$)|/_services/token/?$`)

// nameClaims name things that can be renamed, transferred or re-registered;
// idClaims pin them immutably.
var (
	nameClaims = []string{"repository_owner", "repository", "sub", "job_workflow_ref", "workflow_ref", "workflow", "actor"}
	idClaims   = []string{"repository_owner_id", "repository_id"}
)

// immutableSub reports whether s is a sub, or a sub's start, in the
// immutable repo:OWNER@ID/REPO@ID form.
func immutableSub(s string) bool {
	sub, ok := ghsub.Parse(s)
	return ok && sub.Repo.Immutable()
}

// staticLint finds what is wrong with the provider whatever the token.
func (p *gcpPolicy) staticLint() []policy.Finding {
	out := []policy.Finding{}
	add := func(rule, sev, format string, args ...any) {
		out = append(out, policy.Finding{Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	github := githubIssuer().MatchString(p.issuer)
	c := p.condition
	switch {
	case github && c == nil:
		add(RuleNoCondition, policy.SevError, "a GitHub provider without attributeCondition accepts a token from any repository on GitHub; creating one now fails with \"Error 400: The attribute condition must reference one of the provider's claims\": add e.g. assertion.repository_owner_id == '<REPOSITORY_OWNER_ID>'")
	case github && c.err == "" && len(p.claimsVia(c.refs)) == 0:
		add(RuleNoCondition, policy.SevError, "the attribute condition %s reads no claim, so it does not restrict which repository's tokens are accepted; Google Cloud refuses it: \"Error 400: The attribute condition must reference one of the provider's claims\"", escape.Quoted(c.src))
	}
	if c != nil && c.err == "" {
		claims := p.claimsVia(c.refs)
		var names []string
		for _, n := range claims {
			if slices.Contains(nameClaims, n) {
				names = append(names, n)
			}
		}
		pinned := slices.ContainsFunc(claims, func(n string) bool { return slices.Contains(idClaims, n) }) || hasImmutableSubLiteral(c.root)
		if len(names) > 0 && !pinned {
			add(RuleNamesOnly, policy.SevWarning, "the attribute condition pins the repository only by mutable names (%s): an owner or repository name that is renamed, transferred or deleted can be taken by someone else; pin the immutable IDs instead, e.g. assertion.repository_owner_id == '<REPOSITORY_OWNER_ID>' && assertion.repository_id == '<REPOSITORY_ID>' (IDs are strings in the token, so quote them)", strings.Join(names, ", "))
		}
	}
	if len(p.audiences) > 0 && !(p.hasRes && slices.ContainsFunc(p.audiences, func(a string) bool { return slices.Contains(p.res.DefaultAudiences(), a) })) {
		def := "https://iam.googleapis.com/<provider name>"
		if p.hasRes {
			def = p.res.DefaultAudiences()[0]
		}
		add(RuleAudiencesMismatch, policy.SevInfo, "oidc.allowedAudiences [%s] replaces the default audience %s, which google-github-actions/auth requests unless its audience input is set: set that input to one of the allowed audiences, or empty the list to use the default", strings.Join(p.audiences, ", "), def)
	}
	for _, m := range p.members {
		if p.hasRes && m.pool != "" && m.pool != p.res.PoolPath() {
			continue
		}
		switch m.kind {
		case memberAttribute, memberGroup:
			if t := m.target(); !p.mapsTarget(t) {
				add(RuleUnmappedMember, policy.SevWarning, "member %s binds %s, which attributeMapping does not map: it never matches (Google Cloud binds only mapped attributes; add %s = assertion.%s)", m.ref.text, t, t, strings.TrimPrefix(strings.TrimPrefix(t, "attribute."), "google."))
			}
		case memberAll:
			add(RuleWholePool, policy.SevWarning, "member %s grants every identity of the pool: any token this provider (or another provider of the pool) accepts; bind principalSet://…/attribute.repository_id/<id> instead", m.ref.text)
		}
	}
	return out
}

// hasImmutableSubLiteral: the expression compares with a sub in the
// immutable repo:OWNER@ID/REPO@ID form, which pins the IDs.
func hasImmutableSubLiteral(e ast.Expr) bool {
	if e == nil {
		return false
	}
	found := false
	ast.PreOrderVisit(e, ast.NewExprVisitor(func(x ast.Expr) {
		if s, ok := celclaims.LiteralString(x); ok && immutableSub(s) {
			found = true
		}
	}))
	return found
}

// tokenLint finds what only this token reveals.
func (ev *evaluation) tokenLint() []policy.Finding {
	var out []policy.Finding
	if ev.hasSubj && len(ev.subject) > MaxSubjectBytes {
		expr := ""
		for _, m := range ev.p.mappings {
			if m.target == "google.subject" && m.expr != nil {
				expr = m.expr.src
			}
		}
		msg := fmt.Sprintf("google.subject = %s gives %d bytes for this token, over Google Cloud's %d-byte limit, so the token is rejected", expr, len(ev.subject), MaxSubjectBytes)
		if strings.Contains(expr, "assertion.sub") {
			msg += ": customised sub templates (include_claim_keys) and long branch or environment names make sub long; map a shorter value, e.g. assertion.sub.split(':')[1] for a default sub, or an ID such as 'repo:' + assertion.repository_id"
		}
		out = append(out, policy.Finding{Rule: RuleSubjectTooLong, Severity: policy.SevError, Message: msg})
	}
	return out
}
