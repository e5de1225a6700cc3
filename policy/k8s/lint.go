package k8s

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Lint rule ids.
const (
	RuleMutableName       = "k8s-rule-on-mutable-name"
	RuleUsernameNoPrefix  = "k8s-username-no-prefix"
	RuleMultipleAudiences = "k8s-multiple-audiences-policy"
	RuleNoClaimValidation = "k8s-no-claim-validation"
	RuleUsernameMutable   = "k8s-username-mutable"
	RuleEmailIndexForm    = "k8s-email-index-form"
)

// mutableNames maps a claim naming something renameable to the claims
// that pin the same thing immutably (k8sinfo's, which snippets share).
var mutableNames = k8sinfo.MutableNames

var mutableOrder = []string{"repository", "repository_owner", "actor", "workflow"}

// idClaims anchor a username to an immutable identity.
var idClaims = []string{"repository_id", "repository_owner_id", "actor_id"}

// githubIssuer recognises GitHub Actions issuers: github.com (and its
// per-enterprise form), GHE.com data residency, GHES.
var githubIssuer = lazyre.New(`^https://token\.actions\.(githubusercontent\.com|[^/]+\.ghe\.com)(/|$)|/_services/token/?$`)

// lint checks every authenticator; findings of a document with several
// name the authenticator.
func (p *k8sPolicy) lint(tok policy.Token) []policy.Finding {
	out := []policy.Finding{}
	for _, a := range p.auths {
		for _, f := range a.lint(tok) {
			if len(p.auths) > 1 {
				f.Message = fmt.Sprintf("%s (%s): %s", a.path, a.spec.Issuer.URL, f.Message)
			}
			out = append(out, f)
		}
	}
	return out
}

func (a *authenticator) lint(tok policy.Token) []policy.Finding {
	var out []policy.Finding
	add := func(rule, sev, msg string) {
		out = append(out, policy.Finding{Rule: rule, Severity: sev, Message: msg})
	}
	iss := a.spec.Issuer

	if len(iss.Audiences) > 1 && iss.AudienceMatchPolicy != MatchAny {
		add(RuleMultipleAudiences, policy.SevError, fmt.Sprintf("issuer.audiences lists %d audiences without audienceMatchPolicy: MatchAny: kube-apiserver refuses the configuration", len(iss.Audiences)))
	}

	if githubIssuer().MatchString(iss.URL) && len(a.spec.ClaimValidationRules) == 0 {
		aud := "one of its audiences"
		if len(iss.Audiences) > 0 {
			aud = "audience " + iss.Audiences[0]
		}
		add(RuleNoClaimValidation, policy.SevError, fmt.Sprintf("no claimValidationRules: a token of ANY repository on %s requested with %s is accepted; pin the repository, e.g. claims.repository_owner_id == '<id>' && claims.repository_id == '<id>'", iss.URL, aud))
	}

	read := a.validationClaims()
	for _, m := range mutableOrder {
		if !slices.Contains(read, m) || slices.ContainsFunc(mutableNames[m], func(id string) bool { return slices.Contains(read, id) }) {
			continue
		}
		pin := mutableNames[m][0]
		hint := fmt.Sprintf("claims.%s == '<%s>'", pin, pin)
		if v, ok := tok.String(pin); ok {
			hint = fmt.Sprintf("claims.%s == %s", pin, celclaims.Quote(v))
		}
		why := "a name that changes on rename or transfer and can then be registered by someone else"
		if m == "workflow" {
			why = "the workflow's display name, which anyone who can push a workflow file can set"
		}
		add(RuleMutableName, policy.SevWarning, fmt.Sprintf("claimValidationRules read %s (%s) without %s: prefer %s", m, why, pin, hint))
	}

	u := a.spec.ClaimMappings.Username
	switch {
	case u.Claim != "" && (u.Prefix == nil || *u.Prefix == ""):
		msg := fmt.Sprintf("username is the bare %s claim: it can collide with other users of the cluster (another issuer's users, or names RBAC already binds); set prefix, e.g. \"github:\"", u.Claim)
		if u.Prefix == nil {
			msg += " (and prefix is required when claim is set: there is no default prefix)"
		}
		add(RuleUsernameNoPrefix, policy.SevWarning, msg)
	case a.username.cel != nil && a.username.cel.root != nil:
		if c, bare := claimOf(a.username.cel.root); bare {
			add(RuleUsernameNoPrefix, policy.SevWarning, fmt.Sprintf("username expression is the bare claims.%s: it can collide with other users of the cluster; prepend a prefix, e.g. 'github:' + claims.%s", c, c))
		}
	}

	if m := a.username.cel; m != nil && m.root != nil && indexes(m.root, "email") && !selects(m.root, "email") {
		add(RuleEmailIndexForm, policy.SevWarning, "username.expression reads claims['email'] by index: kube-apiserver requires claims.email_verified to be used only when the expression selects claims.email (or claims.?email), so the index form gets around that rule and an unverified email can become the username; write claims.email and check claims.email_verified == true")
	}

	if claims := a.usernameClaims(); !slices.ContainsFunc(idClaims, func(id string) bool { return slices.Contains(claims, id) }) {
		var mutable []string
		for _, c := range claims {
			sub, _ := tok.String("sub")
			if mutableNames[c] != nil || c == "sub" && !ghsub.IsImmutable(sub) {
				mutable = append(mutable, c)
			}
		}
		if len(mutable) > 0 {
			add(RuleUsernameMutable, policy.SevInfo, fmt.Sprintf("username derives from %s, which changes when the repository or owner is renamed or transferred (the legacy sub repo:OWNER/REPO:… included): RBAC bindings on the old name stop matching, and a new repository with the old name would match them; include repository_id in the username or bind RBAC to an ID-based group", strings.Join(mutable, ", ")))
		}
	}
	return out
}

// validationClaims are the claims the claimValidationRules read.
func (a *authenticator) validationClaims() []string {
	var out []string
	for _, r := range a.rules {
		switch {
		case r.cel != nil:
			out = append(out, r.cel.claims...)
		case r.spec.Claim != "":
			out = append(out, r.spec.Claim)
		}
	}
	return out
}

func (a *authenticator) usernameClaims() []string {
	if a.username.cel != nil {
		return a.username.cel.claims
	}
	if a.username.claim != "" {
		return []string{a.username.claim}
	}
	return nil
}
