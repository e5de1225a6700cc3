package entra

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Lint rule ids. Each is stable; tests fire and silence every one.
const (
	RuleSubjectWhitespace     = "entra-subject-whitespace"    // subject or issuer with leading/trailing whitespace
	RuleSubjectCase           = "entra-subject-case"          // token-dependent: subject equals sub ignoring case only
	RuleAudienceCount         = "entra-audience-count"        // audiences must hold exactly one value
	RuleAudienceNonstandard   = "entra-audience-nonstandard"  // audience other than api://AzureADTokenExchange
	RuleWildcardInSubject     = "entra-wildcard-in-subject"   // '*' or '?' in a standard subject (compared literally)
	RuleIssuerTrailingSlash   = "entra-issuer-trailing-slash" // issuer ending in '/'
	RuleFlexibleMissingID     = "entra-flexible-missing-id"   // no repository_id / repository_owner_id term
	RuleFlexibleMissingSub    = "entra-flexible-missing-sub"  // no claims['sub'] term
	RuleFlexibleIssuer        = "entra-flexible-issuer"       // flexible credential for an issuer the docs do not cover
	RuleLimit20               = "entra-limit-20"              // more than 20 credentials for one app/identity
	RuleDuplicateCredential   = "entra-duplicate-credential"  // same (issuer, subject) or name twice for one app/identity
	RuleNameInvalid           = "entra-name-invalid"          // name outside 3–120 of [A-Za-z0-9_-], alphanumeric first
	RuleFieldTooLong          = "entra-field-too-long"        // issuer or subject longer than 600 characters
	RuleMatchesAssumption     = "entra-matches-assumption"    // token-dependent: a match relies on '*' spanning '/'
	maxFieldLength            = 600
	portalNoPatterns          = "the Entra portal says: \"Pattern matching isn't supported for branches and tags\""
	caseOnlyAADSTS            = `Entra answers AADSTS7002138: "The subject matches with case-insensitive comparison, but not with case-sensitive comparison"`
	noMatchAADSTS             = `AADSTS700213 / AADSTS70021: "No matching federated identity record found for presented assertion"`
	assumedNote               = "(assumed: not documented)"
	flexibleRequirementsNotes = "the 2026 flexible-credential documentation requires claims['sub'] plus claims['repository_id'] or claims['repository_owner_id'] for GitHub; the 2024 version listed only sub and job_workflow_ref (a documented requirement: oidcscope could not confirm that Entra enforces it when the credential is created)"
)

// validName is the rule for a credential name: 3 to 120 characters,
// letters, digits, '-' and '_', starting with a letter or digit. (A
// regular expression with {2,119} compiled to a program of thousands of
// instructions at every start of the program, for one lint rule.)
func validName(name string) bool {
	if len(name) < 3 || len(name) > 120 {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		alnum := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
		if !alnum && (i == 0 || c != '-' && c != '_') {
			return false
		}
	}
	return true
}

func finding(rule, severity, format string, a ...any) policy.Finding {
	return policy.Finding{Rule: rule, Severity: severity, Message: fmt.Sprintf(format, a...)}
}

// lintCredential finds what is wrong with a credential on its own.
func lintCredential(c *credential) []policy.Finding {
	var out []policy.Finding
	if c.shapeErr != "" {
		return out
	}
	if c.hasName && !validName(c.name) {
		out = append(out, finding(RuleNameInvalid, policy.SevWarning,
			"name %s: Entra requires 3–120 characters of A–Z, a–z, 0–9, '-' and '_', starting with a letter or digit", escape.Quoted(c.name)))
	}
	if c.issuerErr == "" {
		if strings.TrimSpace(c.issuer) != c.issuer {
			out = append(out, finding(RuleSubjectWhitespace, policy.SevWarning,
				"the issuer %s has leading or trailing whitespace: Entra compares it exactly with the token's iss, which has none", escape.Quoted(c.issuer)))
		}
		if strings.HasSuffix(strings.TrimSpace(c.issuer), "/") {
			out = append(out, finding(RuleIssuerTrailingSlash, policy.SevWarning,
				"the issuer %s ends in '/': Entra compares issuers exactly and GitHub's iss has no trailing slash (%s)", escape.Quoted(c.issuer), GitHubIssuer))
		}
		if utf8.RuneCountInString(c.issuer) > maxFieldLength {
			out = append(out, finding(RuleFieldTooLong, policy.SevWarning, "the issuer is longer than the %d characters Entra allows", maxFieldLength))
		}
	}
	if c.hasSubject && c.subjectErr == "" {
		if strings.TrimSpace(c.subject) != c.subject {
			out = append(out, finding(RuleSubjectWhitespace, policy.SevWarning,
				"the subject %s has leading or trailing whitespace: Entra compares it exactly with the token's sub", escape.Quoted(c.subject)))
		}
		if policy.HasWildcard(c.subject) {
			out = append(out, finding(RuleWildcardInSubject, policy.SevWarning,
				"%s; %s. Use a flexible credential (preview) with claims['sub'] matches '…', or one credential per subject",
				policy.WildcardInEquality("a standard federated credential", []string{c.subject}), portalNoPatterns))
		}
		if utf8.RuneCountInString(c.subject) > maxFieldLength {
			out = append(out, finding(RuleFieldTooLong, policy.SevWarning, "the subject is longer than the %d characters Entra allows", maxFieldLength))
		}
	}
	if c.audErr == "" {
		if len(c.audiences) != 1 {
			out = append(out, finding(RuleAudienceCount, policy.SevError,
				"audiences holds %d values; Entra requires exactly one (normally %s)", len(c.audiences), AzureAudience))
		}
		for _, a := range c.audiences {
			if a != AzureAudience {
				out = append(out, finding(RuleAudienceNonstandard, policy.SevInfo,
					"audience %s is not %s, the value Entra documents and azure/login requests by default", escape.Quoted(a), AzureAudience))
			}
		}
	}
	if c.expr != nil {
		out = append(out, lintExpression(c)...)
	}
	return out
}

func lintExpression(c *credential) []policy.Finding {
	var out []policy.Finding
	if c.issuerErr == "" && c.issuer != GitHubIssuer {
		if isGitHubFamily(c.issuer) {
			out = append(out, finding(RuleFlexibleIssuer, policy.SevWarning,
				"flexible credentials for GitHub are documented for the issuer %s only; %s (enterprise, GHE.com or GHES issuer) is not covered", GitHubIssuer, escape.Quoted(c.issuer)))
		} else {
			out = append(out, finding(RuleFlexibleIssuer, policy.SevInfo,
				"the claims and operators Entra accepts for issuer %s are not in oidcscope's reference (it covers GitHub's): the expression is evaluated as written", escape.Quoted(c.issuer)))
		}
	}
	if !isGitHubFamily(c.issuer) {
		return out
	}
	var sub, id bool
	for _, t := range c.expr.Terms {
		switch t.Claim {
		case "sub":
			sub = true
		case "repository_id", "repository_owner_id":
			id = true
		}
	}
	if !sub {
		out = append(out, finding(RuleFlexibleMissingSub, policy.SevError, "the expression has no claims['sub'] term: %s", flexibleRequirementsNotes))
	}
	if !id {
		out = append(out, finding(RuleFlexibleMissingID, policy.SevError,
			"the expression pins neither claims['repository_id'] nor claims['repository_owner_id']: %s. The IDs also survive renames and re-creation of a repository", flexibleRequirementsNotes))
	}
	return out
}

// lintDocument adds the findings that need every credential of an app or
// identity: the 20-credential limit and duplicates.
func lintDocument(creds []*credential) {
	groups := map[string][]*credential{}
	var order []string
	for _, c := range creds {
		if c.shapeErr != "" {
			continue
		}
		if _, seen := groups[c.group]; !seen {
			order = append(order, c.group)
		}
		groups[c.group] = append(groups[c.group], c)
	}
	for _, g := range order {
		members := groups[g]
		if len(members) > MaxCredentials {
			for _, c := range members {
				c.lint = append(c.lint, finding(RuleLimit20, policy.SevInfo,
					"this document holds %d federated credentials for one app or identity; Entra allows at most %d per app registration or user-assigned managed identity (max 20 per app/identity)", len(members), MaxCredentials))
			}
		}
		subjects := map[string]string{} // issuer+subject → first name
		names := map[string]bool{}
		for _, c := range members {
			if c.hasName {
				if names[c.name] {
					c.lint = append(c.lint, finding(RuleDuplicateCredential, policy.SevError,
						"another credential of this app or identity is also named %s; names are unique per app/identity", escape.Quoted(c.name)))
				}
				names[c.name] = true
			}
			if !c.hasSubject || c.subjectErr != "" || c.issuerErr != "" {
				continue
			}
			key := c.issuer + "\x00" + c.subject
			if first, dup := subjects[key]; dup {
				c.lint = append(c.lint, finding(RuleDuplicateCredential, policy.SevError,
					"credential %s repeats the issuer and subject of %s; Entra keeps (issuer, subject) unique per app/identity", escape.Quoted(c.name), escape.Quoted(first)))
				continue
			}
			subjects[key] = c.name
		}
	}
}
