package oidcprovider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Evaluate checks the token as STS does at this provider: its issuer must
// be the provider's URL, its aud one of the provider's client IDs. The
// thumbprints are shown, never checked. Allow means STS would get past
// the provider to the role's trust policy, which decides the rest.
func (d *getDocument) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(d, d.lint)
	is := readIssuer(tok)
	ic := d.issuerCondition(is)
	aud := readAudience(tok)
	ac := d.audienceCondition(aud, ic.Result == policy.Pass)
	res.Conditions = append(res.Conditions, ic, ac, d.thumbprintCondition())
	switch {
	case ic.Result != policy.Pass:
		res.Verdict = policy.Deny
		if is.usable {
			res.Summary = fmt.Sprintf("not this token's provider: it is for https://%s, the token's issuer is %s", d.url, is.text)
		} else {
			res.Summary = "denied: " + is.problem
		}
	case ac.Result != policy.Pass:
		res.Verdict = policy.Deny
		if aud.problem != "" {
			res.Summary = "STS would refuse the token at this provider: " + aud.problem
		} else {
			res.Summary = fmt.Sprintf("STS would refuse the token: %s (aud %s is not in the provider's client-ID list %s)", escape.Quoted(errAudience), aud.shown(), quotedList(d.clientIDs))
		}
	default:
		res.Verdict = policy.Allow
		res.Summary = fmt.Sprintf("STS would accept this token at this provider: iss is its URL and aud %s is in its client-ID list (the role's trust policy decides the rest)", aud.shown())
	}
	return res
}

func (d *getDocument) issuerCondition(is issuer) policy.Condition {
	c := policy.Condition{Expression: "Url: " + quoteJSON(d.url), Claims: []string{"iss"},
		Expected: []string{"https://" + d.url}, Actual: is.text, Absent: !is.present}
	switch {
	case !is.usable:
		c.Result, c.Diagnosis = policy.Fail, []string{is.problem}
	case is.path == d.url:
		c.Result = policy.Pass
	default:
		c.Result = policy.Fail
		c.Diagnosis = append([]string{fmt.Sprintf("this provider is for https://%s, not for the token's issuer: STS looks up the provider whose URL is the issuer, so this one does not decide; if the account has none for it, STS answers %s", d.url, escape.Quoted(noProvider(is.text)))},
			pathNotes(d.url, is)...)
	}
	return c
}

// Evaluate checks that the account has a provider for the token's issuer,
// as STS looks one up. List output holds no client IDs: the audience is
// not checked, and the result says how to check it.
func (d *listDocument) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(d, nil)
	is := readIssuer(tok)
	arns := make([]string, len(d.providers))
	for i, p := range d.providers {
		arns[i] = p.text
	}
	ic := policy.Condition{Expression: "OpenIDConnectProviderList: " + policy.Count(len(d.providers), "provider"),
		Claims: []string{"iss"}, Expected: arns, Actual: is.text, Absent: !is.present}
	hit := -1
	if is.usable {
		hit = slices.IndexFunc(d.providers, func(p providerARN) bool { return p.path == is.path })
	}
	switch {
	case !is.usable:
		ic.Result, ic.Diagnosis = policy.Fail, []string{is.problem}
	case hit >= 0:
		ic.Result = policy.Pass
		ic.Diagnosis = []string{"the account's provider for this issuer is " + d.providers[hit].text}
	default:
		ic.Result = policy.Fail
		ic.Diagnosis = []string{"no provider in the list is for the token's issuer: STS answers " + escape.Quoted(noProvider(is.text)) + " (when this is the role's account's list)"}
		if len(d.providers) > 0 {
			paths := make([]string, len(d.providers))
			for i, p := range d.providers {
				paths[i] = p.path
			}
			ic.Diagnosis = append(ic.Diagnosis, pathNotes(closestPath(paths, is.path), is)...)
		}
	}
	ac := policy.Condition{Expression: "ClientIDList (not in list output)", Claims: []string{"aud"}, Expected: []string{},
		Result: policy.NotApplied}
	if a := readAudience(tok); a.present {
		ac.Actual = a.actual
	} else {
		ac.Absent = true
	}
	ac.Diagnosis = []string{"list output holds no client IDs, so the audience is not checked here: " + getCommand(d, hit)}
	res.Conditions = append(res.Conditions, ic, ac)
	if ic.Result == policy.Pass {
		res.Verdict = policy.Allow
		res.Summary = "the account has an IAM OIDC provider for this issuer (" + d.providers[hit].text + "); its client-ID list is not in list output, so the audience is not checked: load get-open-id-connect-provider output for it"
		return res
	}
	res.Verdict = policy.Deny
	if is.usable {
		res.Summary = "STS would refuse the token: " + escape.Quoted(noProvider(is.text))
	} else {
		res.Summary = "denied: " + is.problem
	}
	return res
}

// closestPath is the path sharing the longest prefix with path.
func closestPath(paths []string, path string) string {
	best, n := paths[0], -1
	for _, p := range paths {
		k := policy.FirstDiff(p, path)
		if strings.EqualFold(p, path) {
			return p
		}
		if k > n {
			best, n = p, k
		}
	}
	return best
}
