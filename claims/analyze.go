package claims

import (
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// ProfileRef names the profile a token was matched to.
type ProfileRef struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Variant string `json:"variant,omitempty"` // deployment, e.g. "GitHub Enterprise Server"
	// IssuerUnverified: the deployment is only what the token claims (a
	// self-hosted issuer whose signature was not verified); Variant says so.
	IssuerUnverified bool `json:"issuer_unverified,omitempty"`
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
	// IssuerVerified: the signature was verified with keys the user trusts
	// for this issuer (given with --jwks, --key or a secret, or discovered
	// from iss). Only then is a self-hosted issuer (GitHub Enterprise
	// Server, whose iss may name any host) taken at its word: without it
	// the deployment is labelled as claimed and no link points at its host.
	IssuerVerified bool
	// Names words the settings that highlights point to, such as the
	// command layer's flags; nil leaves them neutral.
	Names setting.Names
}

// Analyze explains every member of payload. It reads nothing but the
// payload, so it works the same on verified and unverified tokens, except
// that a self-hosted issuer is taken at its word only with
// opts.IssuerVerified.
func (c *Catalog) Analyze(payload decode.Value, opts Options) Analysis {
	iss, _ := payload.Str("iss")
	match := c.match(iss, func(name string) bool { _, ok := payload.Get(name); return ok })
	p, variant := match.profile, match.variant
	a := Analysis{Profile: profileRef(match, opts.IssuerVerified)}
	tok := tokenView{payload: payload}
	for _, m := range payload.Members {
		e, _ := c.Lookup(p, m.Key)
		hs := highlights(p, e, m, tok, opts)
		if m.Key == "iss" && !m.Duplicate {
			hs = append(hs, issuerRisks(iss, match, opts.IssuerVerified, opts.Names)...)
		}
		a.Claims = append(a.Claims, ClaimInfo{Entry: e, Highlights: hs})
	}
	if sub, ok := payload.Str("sub"); ok {
		a.Subject = parseSubject(p, variant, sub, tok)
	}
	// Links point at the issuer's host: only at GitHub's, or at a
	// self-hosted one once the signature is verified with keys for it.
	if p.ID == githubID && (!match.selfHosted || opts.IssuerVerified) {
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
