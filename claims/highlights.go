package claims

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// maxLifetime: GitHub's tokens have lived 5 minutes to 6 hours; past an
// hour, a leaked token is useful to someone else for long.
const maxLifetime = time.Hour

// highlights collects every reason to look at one claim.
func highlights(p *Profile, e *Entry, m decode.Member, tok tokenView, opts Options) []Highlight {
	var out []Highlight
	if e == nil {
		out = append(out, Highlight{ReasonUnknown, fmt.Sprintf(
			"not in the %s catalog: new or custom; strict consumers have rejected tokens over claims they did not expect", p.Name)})
	} else {
		if e.New != nil {
			out = append(out, Highlight{ReasonNew, e.New.Detail})
		}
		if e.PolicyRelevant {
			out = append(out, Highlight{ReasonPolicyRelevant, "trust policies commonly condition on this claim"})
		}
	}
	if m.Duplicate {
		out = append(out, Highlight{ReasonRisk, "duplicate claim: relying parties disagree on which copy counts"})
	}
	out = append(out, valueRisks(p, m, tok)...)
	if slices.Contains(opts.Highlight, m.Key) {
		out = append(out, Highlight{ReasonUser, opts.Names.Pick("highlighted on request", "highlighted with %s", setting.Highlight)})
	}
	return out
}

// valueRisks applies the profile's data rules and the rules that need code.
func valueRisks(p *Profile, m decode.Member, tok tokenView) []Highlight {
	var out []Highlight
	if hasNUL(m) {
		out = append(out, Highlight{ReasonRisk, nulRisk})
	}
	v := m.Value
	for _, r := range p.Risks {
		if r.Claim != m.Key || v.Kind != decode.String {
			continue
		}
		if r.Empty && v.Text == "" || slices.Contains(r.Equals, v.Text) {
			out = append(out, Highlight{ReasonRisk, r.Detail})
		}
	}
	switch m.Key {
	case "iss":
		if v.Kind == decode.String && strings.HasSuffix(v.Text, "/") {
			out = append(out, Highlight{ReasonRisk, "the issuer ends in a slash: exact-match verifiers (Entra, Vault, Kubernetes, octo-sts) treat it as a different issuer from the one without"})
		}
	case "exp":
		if d, ok := lifetime(tok); ok && d > int64(maxLifetime/time.Second) {
			out = append(out, Highlight{ReasonRisk, fmt.Sprintf("the token lives %s (exp − iat): a leaked copy stays usable for long", formatLifetime(d))})
		}
	case "ref_protected":
		if p.ID == githubID && v.Kind == decode.String && v.Text == "false" && deployShaped(p, tok) {
			out = append(out, Highlight{ReasonRisk, "the ref is not protected, yet the token looks like a deployment (environment or a cloud audience): anyone who can push to this ref can mint the same token"})
		}
	}
	return out
}

// lifetime is exp − iat in whole seconds: a Duration holds only 292 years,
// and an exp in milliseconds read as seconds (as RFC 7519 says) is 50,000
// years on.
func lifetime(tok tokenView) (int64, bool) {
	exp, ok1 := tok.payload.Get("exp")
	iat, ok2 := tok.payload.Get("iat")
	if !ok1 || !ok2 {
		return 0, false
	}
	e, err1 := decode.NumericDate(exp)
	i, err2 := decode.NumericDate(iat)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return e.Unix() - i.Unix(), true
}

// formatLifetime writes a lifetime as people read it: hours and minutes,
// or years once it is longer than any token should live.
func formatLifetime(secs int64) string {
	const year = 365 * 24 * 60 * 60
	if secs >= 2*year {
		return fmt.Sprintf("about %d years", secs/year)
	}
	return (time.Duration(secs) * time.Second).String()
}

// deployShaped: a token meant for a cloud or a protected environment.
func deployShaped(p *Profile, tok tokenView) bool {
	if tok.has("environment") {
		return true
	}
	aud, _ := tok.str("aud")
	_, known := p.Audiences[aud]
	return known || strings.HasPrefix(aud, "https://iam.googleapis.com/")
}
