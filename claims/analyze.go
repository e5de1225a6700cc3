package claims

import (
	"github.com/oidcscope/oidcscope/decode"
)

// ProfileRef names the profile a token was matched to.
type ProfileRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Variant string `json:"variant,omitempty"` // deployment, e.g. "GitHub Enterprise Server"
}

// Highlight is one reason to look at a claim.
type Highlight struct {
	Reason string `json:"reason"` // new, unknown, policy-relevant, risk, user
	Detail string `json:"detail"`
}

// Reasons a claim is highlighted. The strings are part of the JSON contract.
const (
	ReasonNew            = "new"
	ReasonUnknown        = "unknown"
	ReasonPolicyRelevant = "policy-relevant"
	ReasonRisk           = "risk"
	ReasonUser           = "user"
)

// ClaimInfo is what the catalog says about one claim of one token.
type ClaimInfo struct {
	Entry      *Entry // nil when the profile does not know the claim
	Highlights []Highlight
}

// Known reports whether the catalog has an entry for the claim.
func (ci ClaimInfo) Known() bool { return ci.Entry != nil }

// Analysis is the explanation of a whole token.
type Analysis struct {
	Profile ProfileRef
	Claims  []ClaimInfo // one per payload member, in token order
	Subject *Subject    // nil when there is no string sub
	Links   []Link
}

// Options adjust an analysis.
type Options struct {
	Highlight []string // claim names the user wants highlighted (--highlight)
}

// Analyze explains every member of payload. It reads nothing but the
// payload, so it works the same on verified and unverified tokens.
func (c *Catalog) Analyze(payload decode.Value, opts Options) Analysis {
	iss, _ := payload.Str("iss")
	p, variant := c.Match(iss, func(name string) bool { _, ok := payload.Get(name); return ok })
	a := Analysis{Profile: ProfileRef{ID: p.ID, Name: p.Name, Variant: variant}}
	tok := tokenView{payload: payload}
	for _, m := range payload.Members {
		e, _ := c.Lookup(p, m.Key)
		a.Claims = append(a.Claims, ClaimInfo{Entry: e, Highlights: highlights(p, e, m, tok, opts)})
	}
	if sub, ok := payload.Str("sub"); ok {
		a.Subject = parseSubject(p, variant, sub, tok)
	}
	if p.ID == githubID {
		a.Links = githubLinks(iss, tok)
	}
	return a
}

// tokenView gives the analysis read access to string claims by name.
type tokenView struct{ payload decode.Value }

// str returns a claim's string value; a duplicated claim counts as absent,
// since which copy a relying party reads is undefined.
func (t tokenView) str(name string) (string, bool) {
	if t.payload.Count(name) != 1 {
		return "", false
	}
	return t.payload.Str(name)
}

func (t tokenView) has(name string) bool {
	_, ok := t.payload.Get(name)
	return ok
}
