package entra

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// The conditions every credential has: issuer and audience, and the
// standard credential's subject. Exact, case-sensitive comparisons with
// diagnoses for the usual slips (reference §3.1).

// issuerCondition compares the issuer with iss.
func (c *credential) issuerCondition(tok policy.Token) policy.Condition {
	cond := policy.Condition{Expression: member("issuer", c.issuer), Claims: []string{"iss"}, Expected: []string{c.issuer}}
	if c.issuerErr != "" {
		cond.Expression = "issuer"
		cond.Expected = []string{}
		return errored(cond, c.issuerErr)
	}
	iss, absent, problem := claimString(tok, "iss")
	cond.Actual, cond.Absent = iss, absent
	switch {
	case problem != "":
		return failed(cond, problem)
	case strings.TrimSpace(iss) != iss:
		return failed(cond, "the token's iss has leading or trailing whitespace: Entra blocks the exchange whatever the credential says")
	case iss == c.issuer:
		cond.Result = policy.Pass
		return cond
	}
	return failed(cond, issuerDiagnosis(c.issuer, iss)...)
}

func issuerDiagnosis(want, iss string) []string {
	var out []string
	switch {
	case want == iss+"/":
		out = append(out, "the credential's issuer ends in '/' and the token's iss does not: Entra compares issuers exactly, so these are different issuers (current GitHub tokens have no trailing slash)")
	case iss == want+"/":
		out = append(out, "the token's iss ends in '/' and the credential's issuer does not: Entra compares issuers exactly")
	case strings.TrimSpace(want) == iss:
		out = append(out, "the credential's issuer has leading or trailing whitespace; Entra compares it exactly with the token's iss")
	case strings.HasPrefix(iss, GitHubIssuer+"/") && want == GitHubIssuer:
		out = append(out, "the token comes from an enterprise-specific issuer (include_enterprise_slug is on): the credential must name that issuer")
	}
	return append(out, policy.Mismatch(policy.Entra, "iss", []string{want}, iss, true)...)
}

// subjectCondition tests a standard credential's subject; the finding is
// the token-dependent case rule.
func (c *credential) subjectCondition(tok policy.Token) (policy.Condition, []policy.Finding) {
	cond := policy.Condition{Expression: member("subject", c.subject), Claims: []string{"sub"}, Expected: []string{c.subject}}
	if c.subjectErr != "" {
		cond.Expression = "subject"
		cond.Expected = []string{}
		return errored(cond, c.subjectErr), nil
	}
	sub, absent, problem := claimString(tok, "sub")
	cond.Actual, cond.Absent = sub, absent
	if problem != "" {
		return failed(cond, problem), nil
	}
	if sub == c.subject {
		cond.Result = policy.Pass
		return cond, nil
	}
	var diag []string
	var lint []policy.Finding
	if strings.EqualFold(sub, c.subject) {
		diag = append(diag, caseOnlyAADSTS)
		lint = append(lint, finding(RuleSubjectCase, policy.SevError,
			"the subject %s equals the token's sub %s only when case is ignored; Entra compares case-sensitively (AADSTS7002138): use GitHub's canonical casing", escape.Quoted(c.subject), escape.Quoted(sub)))
	}
	if strings.TrimSpace(c.subject) == sub {
		diag = append(diag, "the credential's subject has leading or trailing whitespace; Entra compares it exactly")
	}
	if w := policy.WildcardInEquality("a standard federated credential", []string{c.subject}); w != "" {
		diag = append(diag, w+"; "+portalNoPatterns+" (a flexible credential, preview, can use claims['sub'] matches '…')")
	}
	diag = append(diag, policy.Mismatch(policy.Entra, "sub", []string{c.subject}, sub, true)...)
	if iss, _, problem := claimString(tok, "iss"); problem == "" {
		if s, ok := c.siblingWith(iss, sub); ok {
			diag = siblingLines(diag, s)
		}
	}
	return failed(cond, diag...), lint
}

func (c *credential) audienceCondition(tok policy.Token) policy.Condition {
	cond := policy.Condition{Expression: member("audiences", c.audiences), Claims: []string{"aud"}, Expected: c.audiences}
	if c.audErr != "" {
		cond.Expression = "audiences"
		cond.Expected = []string{}
		return errored(cond, c.audErr)
	}
	auds, actual, absent, problem := claimAudiences(tok)
	cond.Actual, cond.Absent = actual, absent
	switch {
	case problem != "":
		return failed(cond, problem)
	case len(c.audiences) != 1:
		return failed(cond, fmt.Sprintf("the credential holds %d audiences; Entra requires exactly one (%s), so no token can match it as written", len(c.audiences), AzureAudience))
	case slices.Contains(auds, c.audiences[0]):
		cond.Result = policy.Pass
		return cond
	}
	want := c.audiences[0]
	// A token requested for another provider, or for none (GitHub's
	// default, the owner's URL), is the workflow's mistake: Azure/login
	// requests api://AzureADTokenExchange.
	cond.TokenSide = policy.NotMeantFor(policy.Entra, tok, auds)
	var diag []string
	if len(auds) > 1 {
		diag = append(diag, fmt.Sprintf("none of the token's %d audiences is %s", len(auds), escape.Quoted(want)))
	}
	first := ""
	if len(auds) > 0 {
		first = auds[0]
	}
	if want == AzureAudience {
		diag = append(diag, policy.Mismatch(policy.Entra, "aud", []string{want}, first, true)...)
		return failed(cond, diag...)
	}
	if slices.Contains(auds, AzureAudience) {
		diag = append(diag, fmt.Sprintf("the token carries Entra's standard audience %s, but this credential expects %s", AzureAudience, escape.Quoted(want)))
	} else {
		diag = append(diag, fmt.Sprintf("this credential expects the non-standard audience %s: request the token with it (azure/login's audience input), or use %s on both sides", escape.Quoted(want), AzureAudience))
	}
	diag = append(diag, policy.Mismatch(policy.Entra, "audience", []string{want}, first, true)...)
	return failed(cond, diag...)
}
