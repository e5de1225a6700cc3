package oidcprovider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Group labels the conditions CheckTrust adds to a trust policy's result:
// they come from the provider documents, not from the policy.
const Group = "IAM OIDC provider (from the loaded provider documents)"

// Known is what the loaded provider documents show exists in the account:
// list output names providers by ARN, get output by URL only.
type Known struct {
	entries []known
}

type known struct {
	arn    providerARN // from list output; arn.text is "" for get output
	path   string
	source string
	get    *getDocument // get output: its client-ID list decides aud; nil for list output
}

// name is how a condition lists the entry.
func (k known) name() string {
	if k.arn.text != "" {
		return k.arn.text
	}
	return "oidc-provider/" + k.path + " (get output: account not shown)"
}

// Collect gathers the providers of the documents among pols; nil when
// none of them is a provider document, so that a set of trust policies
// alone is left as it is. A list naming no provider still counts: it says
// the account has none.
func Collect(pols []policy.Policy) *Known {
	var k *Known
	for _, p := range pols {
		switch d := p.(type) {
		case *getDocument:
			if k == nil {
				k = &Known{}
			}
			k.entries = append(k.entries, known{path: d.url, source: d.source, get: d})
		case *listDocument:
			if k == nil {
				k = &Known{}
			}
			for _, a := range d.providers {
				k.entries = append(k.entries, known{arn: a, path: a.path, source: d.source})
			}
		}
	}
	return k
}

// Principal is one IAM OIDC provider a statement of a trust policy names
// in Principal.Federated (as aws.FederatedPrincipal gives it).
type Principal struct {
	Statement string // the statement's label
	Effect    string // "Allow" or "Deny"
	ARN       string // as written; "*" when the statement trusts every provider
	Partition string
	Account   string
	Provider  string // the issuer without https://, from the ARN
}

// CheckTrust adds to res, a trust policy's result for tok, one condition
// per IAM OIDC provider its Allow statements name (principals, in
// statement order): does a loaded document show it exists? STS looks the provider up by the token's issuer before it
// reads the trust policy, so only the provider of the token's issuer can
// fail the check; a missing provider of another issuer is shown, and does
// not decide. Deny statements are not checked: a provider they name
// matters only where an Allow statement names it too. A failure turns an
// allow into a deny and leads the summary with STS's error; an error
// verdict stays an error. Where get output shows the matched provider's
// client IDs, the token's aud is checked against them too (audienceOf).
func (k *Known) CheckTrust(res *policy.Result, principals []Principal, tok policy.Token) {
	is := readIssuer(tok)
	seen := map[string]bool{}
	refusal := "" // STS's error, from the first check that fails
	for _, fp := range principals {
		if fp.Effect != "Allow" || seen[fp.ARN] {
			continue
		}
		seen[fp.ARN] = true
		c := k.condition(fp, is)
		if c.Result == policy.Fail && refusal == "" {
			refusal = escape.Quoted(noProvider(is.text)) + " (no loaded IAM OIDC provider document is for this issuer)"
		}
		res.Conditions = append(res.Conditions, c)
		if c.Result != policy.Pass {
			continue
		}
		if a, ok := k.audienceOf(fp, is, tok); ok {
			if a.Result == policy.Fail && refusal == "" {
				refusal = escape.Quoted(errAudience) + " (the token's aud is not in the provider's client-ID list)"
			}
			res.Conditions = append(res.Conditions, a)
		}
	}
	if refusal == "" {
		return
	}
	msg := "STS would refuse the token before reading this trust policy: " + refusal
	switch res.Verdict {
	case policy.Allow:
		res.Verdict, res.Summary = policy.Deny, "denied: "+msg
	case policy.Deny:
		res.Summary = "denied: " + msg + "; the trust policy itself: " + strings.TrimPrefix(res.Summary, "denied: ")
	}
}

// audienceOf is the client-ID check of the provider a passing principal
// matched, when get output for the token's issuer shows its list (list
// output does not): STS checks aud against it before the trust policy,
// so a role whose provider refuses the audience cannot be assumed (#775).
func (k *Known) audienceOf(fp Principal, is issuer, tok policy.Token) (policy.Condition, bool) {
	if !is.usable {
		return policy.Condition{}, false
	}
	i := slices.IndexFunc(k.entries, func(e known) bool { return e.get != nil && e.path == is.path && (fp.ARN == "*" || e.matches(fp)) })
	if i < 0 {
		return policy.Condition{}, false
	}
	c := k.entries[i].get.audienceCondition(readAudience(tok), true)
	c.Expression = "the provider's " + c.Expression + " (" + k.entries[i].source + ")"
	if fp.Statement != "" {
		c.Expression += " — " + fp.Statement
	}
	c.Group = Group
	return c, true
}

func (k *Known) condition(fp Principal, is issuer) policy.Condition {
	c := policy.Condition{Expression: "Federated " + quoteJSON(fp.ARN) + " exists in the account", Claims: []string{"iss"},
		Expected: k.names(), Actual: is.text, Absent: !is.present, Group: Group}
	if fp.ARN == "*" {
		// Trusting every provider still needs the token's to exist.
		c.Expression = "the provider of the token's issuer exists in the account (the principal trusts every provider)"
	}
	if fp.Statement != "" {
		c.Expression += " — " + fp.Statement
	}
	if fp.ARN == "*" {
		return k.issuerCondition(c, is)
	}
	if i := slices.IndexFunc(k.entries, func(e known) bool { return e.matches(fp) }); i >= 0 {
		c.Result = policy.Pass
		c.Diagnosis = []string{"the provider exists: " + k.entries[i].name() + ", in " + k.entries[i].source}
		if k.entries[i].arn.text == "" {
			c.Diagnosis = append(c.Diagnosis, "matched by URL alone: get output carries no ARN, so the account is not compared")
		}
		return c
	}
	if !is.usable || is.path != fp.Provider {
		c.Result = policy.NotApplied
		c.Diagnosis = []string{"no loaded provider document shows " + fp.ARN + "; it is not the provider of this token's issuer, so STS would not look it up for this token"}
		return c
	}
	c.Result = policy.Fail
	c.Diagnosis = []string{fmt.Sprintf("no loaded provider document shows %s, the provider of this token's issuer: STS answers %s", fp.ARN, escape.Quoted(noProvider(is.text)))}
	for _, e := range k.entries {
		if e.path == fp.Provider {
			c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("%s is for this issuer, but in account %s (partition %s); the principal names account %s (partition %s), and STS looks in the role's account", e.arn.text, e.arn.account, e.arn.partition, fp.Account, fp.Partition))
		}
	}
	if len(k.entries) > 0 {
		paths := make([]string, len(k.entries))
		for i, e := range k.entries {
			paths[i] = e.path
		}
		if best := closestPath(paths, is.path); best != is.path {
			c.Diagnosis = append(c.Diagnosis, pathNotes(best, is)...)
		}
	}
	return c
}

// issuerCondition checks that some loaded provider is for the token's
// issuer, whatever its account.
func (k *Known) issuerCondition(c policy.Condition, is issuer) policy.Condition {
	switch {
	case !is.usable:
		c.Result, c.Diagnosis = policy.NotApplied, []string{is.problem}
	case slices.ContainsFunc(k.entries, func(e known) bool { return e.path == is.path }):
		c.Result = policy.Pass
	default:
		c.Result = policy.Fail
		c.Diagnosis = []string{"no loaded provider document is for the token's issuer: STS answers " + escape.Quoted(noProvider(is.text))}
	}
	return c
}

// matches reports whether the entry is the provider fp names: the same
// URL, and for list output the same account and partition. Provider URLs
// are case-sensitive (IAM User Guide).
func (e known) matches(fp Principal) bool {
	if e.path != fp.Provider {
		return false
	}
	return e.arn.text == "" || (e.arn.account == fp.Account && e.arn.partition == fp.Partition)
}

// names lists the loaded providers for Condition.Expected, the first
// twenty: an account's list may be long.
func (k *Known) names() []string {
	const show = 20
	out := make([]string, 0, min(len(k.entries), show+1))
	for i, e := range k.entries {
		if i == show {
			out = append(out, fmt.Sprintf("… %d more", len(k.entries)-show))
			break
		}
		out = append(out, e.name())
	}
	return out
}
