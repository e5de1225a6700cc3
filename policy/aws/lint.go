package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Lint rule ids.
const (
	// RuleNoSubCondition: a GitHub OIDC provider trusted without scoping sub
	// with StringEquals, StringLike or StringEqualsIgnoreCase. IAM refuses
	// such policies (MalformedPolicyDocument).
	RuleNoSubCondition = "aws-no-sub-condition"
	// RuleForAllValuesInAllow: ForAllValues: passes on a missing key.
	RuleForAllValuesInAllow = "aws-forallvalues-in-allow"
	// RuleWildcardInStringEquals: * or ? under an equality operator.
	RuleWildcardInStringEquals = "aws-wildcard-in-stringequals"
	// RuleSubOrgWide: a sub pattern that admits every repository of an owner.
	RuleSubOrgWide = "aws-sub-org-wide"
	// RuleSubAnyRef: a sub pattern that admits every branch, tag, pull
	// request and environment of a repository.
	RuleSubAnyRef = "aws-sub-any-ref"
	// RuleNoAudCondition: no condition on the audience.
	RuleNoAudCondition = "aws-no-aud-condition"
	// RulePrincipalWildcard: Principal "*".
	RulePrincipalWildcard = "aws-principal-wildcard"
	// RuleKeyNotEvaluated: a condition on a claim AWS does not put in the
	// request, so the key is always missing.
	RuleKeyNotEvaluated = "aws-key-not-evaluated"
	// RuleDuplicateKey: the same JSON key twice in one object.
	RuleDuplicateKey = "aws-duplicate-key"
	// RuleAudClientID (token-dependent): the token's aud is not
	// sts.amazonaws.com, so the OIDC provider must list it as a client ID.
	RuleAudClientID = "aws-aud-client-id"
)

// malformedSub is IAM's refusal, as observed in June 2024 (reference §2.4).
const malformedSub = "MalformedPolicyDocument: Trust policy with trusted principal %s must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, %s:sub which is not scoped to all."

// lintPolicy finds what is wrong with the policy itself, whatever the token.
func lintPolicy(t *trustPolicy, dups []string) []policy.Finding {
	out := []policy.Finding{}
	add := func(rule, sev, format string, a ...any) {
		out = append(out, policy.Finding{Rule: rule, Severity: sev, Message: fmt.Sprintf(format, a...)})
	}
	for _, s := range t.statements {
		allow := s.effect == "Allow"
		if allow && s.principal.any {
			add(RulePrincipalWildcard, policy.SevWarning, "%s trusts Principal \"*\": every identity provider (and, with sts:AssumeRole, every AWS principal) may try this role, held back only by its conditions; name the OIDC provider instead, e.g. {\"Federated\": \"arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com\"}", s.group)
		}
		if allow {
			for i, prov := range s.principal.providers {
				if !isGitHubProvider(strings.ToLower(prov)) {
					continue
				}
				if !scopesSub(s, prov) {
					extra := ""
					if hasKey(s, prov, "job_workflow_ref") {
						extra = "; a third-party comment claims a job_workflow_ref condition now satisfies this check instead of sub (unverified)"
					}
					add(RuleNoSubCondition, policy.SevError, "%s trusts GitHub's OIDC provider %s without a StringEquals, StringLike or StringEqualsIgnoreCase condition on %s:sub that is not \"*\": any repository on that issuer could assume the role. IAM refuses such a policy: \""+malformedSub+"\" (observed June 2024; when IAM began enforcing it is uncertain, so older roles may still exist%s)", s.group, s.principal.arns[i], prov, s.principal.arns[i], prov, extra)
				}
				if !hasKey(s, prov, "aud") {
					add(RuleNoAudCondition, policy.SevInfo, "%s has no condition on %s:aud: STS still checks aud against the OIDC provider's client-ID list, but a condition (\"sts.amazonaws.com\") keeps tokens minted for other audiences out even if the list grows", s.group, prov)
				}
			}
		}
		for _, c := range s.conds {
			if c.kind != keyProvider {
				continue
			}
			if allow && c.set == setAll {
				add(RuleForAllValuesInAllow, policy.SevWarning, "%s uses %s on %s in an Allow statement: ForAllValues: is true when the key is missing or empty, and GitHub's keys are single-valued; use %s without the prefix", s.group, c.op, c.key, strings.TrimPrefix(c.op, "ForAllValues:"))
			}
			if c.equality() {
				if w := policy.WildcardInEquality(c.op, c.bareWildValues()); w != "" {
					add(RuleWildcardInStringEquals, policy.SevWarning, "%s, %s: %s; use StringLike for a pattern", s.group, c.key, w)
				}
			}
			if allow && c.base == opStringLike && c.claim == "sub" {
				lintSubPatterns(s, c, add)
			}
			if msg := notEvaluated(c); msg != "" {
				add(RuleKeyNotEvaluated, policy.SevInfo, "%s conditions on %s, %s", s.group, c.key, msg)
			}
		}
	}
	if len(dups) > 0 {
		add(RuleDuplicateKey, policy.SevWarning, "the document repeats a JSON key (%s): how IAM reads a duplicate is not documented, and many JSON readers keep only one copy; oidcscope evaluates every copy: merge them", strings.Join(dups, "; "))
	}
	return out
}

// notEvaluated says why a condition on a GitHub issuer's key can never
// see a value ("" when AWS evaluates the key).
func notEvaluated(c *condition) string {
	if !isGitHubProvider(c.prefix) {
		return ""
	}
	if _, ok := defaultKeyClaim(c.claim); ok || (isGitHubClaim(c.claim) && githubKeyIssuer(c.prefix)) {
		return ""
	}
	if isGitHubClaim(c.claim) {
		return "a GitHub key that AWS's data lists for token.actions.githubusercontent.com, its enterprise and ghe.com issuers but not for GitHub Enterprise Server (HOST/_services/token): if AWS does not read it for this issuer, the key is always missing"
	}
	return fmt.Sprintf("which is not a key AWS evaluates for GitHub (AWS reads %s and, for GitHub's issuers, %s, per the %s): the key is always missing from the request. To condition on %s, include it in a customized sub",
		defaultKeysText, strings.Join(EvaluatedGitHubClaims(), ", "), keysSourceShort, c.claim)
}

// keysSourceShort names EvaluatedGitHubClaimsSource in a message.
const keysSourceShort = "AWS Service Authorization Reference, iam-data of 2026-09-26"

// bareWildValues are the values holding a * or ? outside ${…}: literal
// characters under an equality operator, and likely a slip.
func (c *condition) bareWildValues() []string {
	var out []string
	for i := range c.vals {
		if c.vals[i].bareWild {
			out = append(out, c.values[i])
		}
	}
	return out
}

// scopesSub reports whether the statement scopes <prov>:sub the way IAM
// demands: StringEquals, StringLike or StringEqualsIgnoreCase (exactly
// these names) with a value that is not all wildcards.
func scopesSub(s *statement, prov string) bool {
	for _, c := range s.conds {
		if c.prefix != strings.ToLower(prov) || c.claim != "sub" {
			continue
		}
		if c.op != "StringEquals" && c.op != "StringLike" && c.op != "StringEqualsIgnoreCase" {
			continue
		}
		for _, v := range c.values {
			if c.op != "StringLike" || strings.Trim(v, "*") != "" {
				return true
			}
		}
	}
	return false
}

func hasKey(s *statement, prov, claim string) bool {
	return slices.ContainsFunc(s.conds, func(c *condition) bool {
		return c.prefix == strings.ToLower(prov) && c.claim == claim
	})
}

// pins reports whether the statement pins a claim exactly (a positive
// equality or a wildcard-free StringLike).
func pins(s *statement, prefix, claim string) bool {
	return slices.ContainsFunc(s.conds, func(c *condition) bool {
		if c.prefix != prefix || c.claim != claim || c.negated() || c.ifExist || c.set != setNone {
			return false
		}
		return c.base == opStringEquals || c.base == opStringEqualsIgnoreCase ||
			(c.base == opStringLike && !slices.ContainsFunc(c.values, policy.HasWildcard))
	})
}

// lintSubPatterns flags StringLike sub patterns that admit a whole owner
// ("repo:octo-org/*", "repo:octo-org/*:*", "repo:*") or every context of a
// repository ("repo:octo-org/octo-repo:*"): one finding per rule and
// condition, naming every such pattern.
func lintSubPatterns(s *statement, c *condition, add func(rule, sev, format string, a ...any)) {
	var anyOwner, orgWide, anyRef []string
	for _, p := range c.values {
		rest, ok := strings.CutPrefix(p, "repo:")
		if !ok {
			continue
		}
		if strings.HasPrefix(rest, "*") || strings.HasPrefix(rest, "?") {
			anyOwner = append(anyOwner, escape.Quoted(p))
			continue
		}
		owner, repo, ok := strings.Cut(rest, "/")
		if !ok || policy.HasWildcard(owner) {
			continue
		}
		if strings.HasPrefix(repo, "*") {
			orgWide = append(orgWide, escape.Quoted(p))
			continue
		}
		name, ctx, ok := strings.Cut(repo, ":")
		if ok && !policy.HasWildcard(name) && strings.HasPrefix(ctx, "*") {
			anyRef = append(anyRef, escape.Quoted(p))
		}
	}
	if len(anyOwner) > 0 {
		add(RuleSubOrgWide, policy.SevWarning, "%s: StringLike %s on %s admits every repository of every owner on this issuer; pin owner and repository (and pair with :repository_id)", s.group, strings.Join(anyOwner, ", "), c.key)
	}
	if len(orgWide) > 0 {
		add(RuleSubOrgWide, policy.SevWarning, "%s: StringLike %s on %s admits every repository of the owner (any branch, tag, pull request or environment unless the rest of the pattern narrows it); pin the repository (repo:OWNER/<name>:…) and its repository_id", s.group, strings.Join(orgWide, ", "), c.key)
	}
	if len(anyRef) > 0 && !pins(s, c.prefix, "ref") && !pins(s, c.prefix, "environment") {
		add(RuleSubAnyRef, policy.SevWarning, "%s: StringLike %s on %s admits any branch, tag, pull request or environment of the repository; pin the context (…:ref:refs/heads/main or …:environment:prod) unless every ref may assume the role", s.group, strings.Join(anyRef, ", "), c.key)
	}
}

// tokenLint finds what depends on this token: an audience the OIDC
// provider must list as a client ID.
func (t *trustPolicy) tokenLint(r *request) []policy.Finding {
	if !r.pathOK {
		return nil
	}
	aud, ok := r.tok.Strings("aud")
	if !ok || slices.Contains(aud, policy.InfoOf(policy.AWS).Audience) {
		return nil
	}
	for _, s := range t.statements {
		if s.effect == "Allow" && slices.Contains(s.principal.providers, r.path) {
			return []policy.Finding{{Rule: RuleAudClientID, Severity: policy.SevInfo, Message: fmt.Sprintf(
				"the token's aud is %s, not sts.amazonaws.com: besides the policy, STS checks aud against the client-ID list of the OIDC provider for %s (\"InvalidIdentityToken: Incorrect token audience\" when it is missing); aws-actions/configure-aws-credentials requests sts.amazonaws.com by default",
				strings.Join(aud, ", "), r.iss)}}
		}
	}
	return nil
}
