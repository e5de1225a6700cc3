package oidcprovider

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// audience is the token's aud as STS compares it with a client-ID list.
type audience struct {
	values  []string // one for a string, the elements of an array
	multi   bool     // an array
	actual  string   // for Condition.Actual
	present bool
	problem string // the claim cannot be compared: the check fails
}

// shown is aud for a sentence: a string between quotes, an array of
// strings in JSON's shape, each raw between its quotes (the view escapes
// the sentence once), any other value as JSON.
func (a audience) shown() string {
	switch {
	case !a.multi:
		return escape.Quoted(a.actual)
	case a.values != nil:
		return "[" + strings.Join(escape.QuotedEach(a.values), ",") + "]"
	}
	return a.actual
}

func readAudience(tok policy.Token) audience {
	v, ok := tok.Claim("aud")
	if !ok {
		return audience{problem: fmt.Sprintf("the token has no aud claim: STS refuses it with %s (aws/aws-sdk-ruby issue #2698)", escape.Quoted(errNoAudience))}
	}
	a := audience{present: true, multi: v.Kind == decode.Array}
	if b, err := v.MarshalJSON(); err == nil && v.Kind != decode.String {
		a.actual = string(b)
	} else {
		a.actual = v.Text
	}
	vals, ok := policy.StringList(v)
	switch {
	case tok.Duplicated("aud"):
		a.problem = "the token carries aud more than once: which audience STS would check is undefined"
	case !ok:
		a.problem = fmt.Sprintf("the token's aud is a JSON %s, not a string or an array of strings: no client ID can match it", v.Kind)
	case len(vals) == 0:
		a.problem = fmt.Sprintf("the token's aud is an empty array and names no audience: STS cannot find one in the client-ID list (%s)", escape.Quoted(errAudience))
	default:
		a.values = vals
	}
	return a
}

// audienceCondition checks aud against the provider's client-ID list, as
// STS does before it reads the trust policy.
func (d *getDocument) audienceCondition(aud audience, issuerOK bool) policy.Condition {
	c := policy.Condition{Expression: "ClientIDList: " + compactList(d.clientIDs), Claims: []string{"aud"},
		Expected: slices.Clone(d.clientIDs), Actual: aud.actual, Absent: !aud.present}
	if c.Expected == nil {
		c.Expected = []string{}
	}
	if !issuerOK {
		c.Result = policy.NotApplied
		c.Diagnosis = []string{"this provider is not the one for the token's issuer, so STS does not check aud against its client-ID list"}
		return c
	}
	if aud.problem != "" {
		c.Result, c.Diagnosis = policy.Fail, []string{aud.problem}
		return c
	}
	hit := slices.IndexFunc(aud.values, func(a string) bool { return slices.Contains(d.clientIDs, a) })
	if hit >= 0 {
		c.Result = policy.Pass
		if len(aud.values) > 1 {
			c.Diagnosis = []string{multiAudience}
		}
		return c
	}
	c.Result = policy.Fail
	c.Diagnosis = []string{fmt.Sprintf("STS refuses the token: %s — the token's aud %s is not in this provider's client-ID list", escape.Quoted(errAudience), aud.shown())}
	if len(d.clientIDs) == 0 {
		c.Diagnosis = append(c.Diagnosis, "the provider lists no client IDs at all")
	}
	for _, a := range aud.values {
		if i := slices.IndexFunc(d.clientIDs, func(id string) bool { return strings.EqualFold(id, a) }); i >= 0 {
			c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("%s differs from the client ID %s only in case: oidcscope compares exactly; AWS does not document whether STS ignores case here", escape.Quoted(a), escape.Quoted(d.clientIDs[i])))
		}
	}
	if len(aud.values) > 1 {
		c.Diagnosis = append(c.Diagnosis, multiAudience)
	}
	c.Diagnosis = append(c.Diagnosis, d.audienceFix(aud.values[0])...)
	if len(d.clientIDs) > 0 && !aud.multi {
		if best := closest(d.clientIDs, aud.values[0]); similar(best, aud.values[0]) {
			c.Diagnosis = append(c.Diagnosis, policy.AlignNamed(best, aud.values[0])...)
		}
	}
	return c
}

// multiAudience states the reading oidcscope takes of an aud array, which
// AWS does not document. A one-element array is what EKS service-account
// tokens carry (["sts.amazonaws.com"]) and STS accepts them.
const multiAudience = "the token's aud is an array: oidcscope passes the check when any element is a client ID (OpenID Connect Core 1.0 §2 lets aud name other audiences beside the relying party's). AWS documents no rule for arrays of several audiences; STS may instead refuse them, or check only one element"

// compactList renders a list as JSON for an expression, the first few
// entries only: a list may hold a thousand.
func compactList(vals []string) string { return firstFew(vals, quoteJSON) }

// firstFew renders a list in JSON's shape, each entry written by quote,
// the first few entries only.
func firstFew(vals []string, quote func(string) string) string {
	const show = 5
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range vals {
		if i == show {
			fmt.Fprintf(&b, ", … %d more", len(vals)-show)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quote(v))
	}
	b.WriteByte(']')
	return b.String()
}

func quoteJSON(s string) string {
	b, err := decode.Value{Kind: decode.String, Text: s}.MarshalJSON()
	if err != nil {
		return `"(unprintable)"`
	}
	return string(b)
}

// closest is the client ID sharing the longest prefix with aud.
func closest(ids []string, aud string) string {
	best, n := ids[0], -1
	for _, id := range ids {
		if k := policy.FirstDiff(id, aud); k > n {
			best, n = id, k
		}
	}
	return best
}

// similar reports two values that share at least half of the shorter
// one's start: a typo worth aligning, not another value altogether.
func similar(a, b string) bool {
	n := policy.FirstDiff(a, b)
	return n > 0 && 2*n >= min(len(a), len(b))
}
