package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// checkState: a DELETED or disabled provider accepts no token.
func (ev *evaluation) checkState() {
	p := ev.p
	if p.state != "" && p.state != "ACTIVE" {
		c := policy.Condition{Expression: "state: " + p.state, Expected: []string{"ACTIVE"}, Actual: p.state, Result: policy.Fail}
		switch p.state {
		case "DELETED":
			c.Diagnosis = []string{"the provider is DELETED (soft-deleted; it can be undeleted within 30 days): it accepts no token"}
		default:
			c.Diagnosis = []string{"only an ACTIVE provider accepts tokens"}
		}
		ev.Add(c, "the provider's state is "+p.state)
	}
	if p.disabled {
		ev.Add(policy.Condition{
			Expression: "disabled: true", Expected: []string{"false"}, Actual: "true", Result: policy.Fail,
			Diagnosis: []string{"the provider is disabled: it accepts no token until it is enabled again (`gcloud iam workload-identity-pools providers update-oidc … --no-disabled`)"},
		}, "the provider is disabled")
	}
}

// checkKind: only an OIDC provider accepts a GitHub Actions token.
func (ev *evaluation) checkKind() bool {
	switch ev.p.kind {
	case "oidc":
		return true
	case "":
		// No oidc block: reported as a problem (or the document is not a
		// provider at all); the checks still show what they can.
		return true
	}
	ev.Add(policy.Condition{
		Expression: ev.p.kind + ": {…}", Expected: []string{"oidc"}, Actual: ev.p.kind, Result: policy.Fail,
		Diagnosis: []string{fmt.Sprintf("this is an %s provider: it accepts %s credentials, not OIDC tokens; GitHub Actions needs an OIDC provider (gcloud iam workload-identity-pools providers create-oidc)", ev.p.kind, strings.ToUpper(ev.p.kind))},
	}, "an "+ev.p.kind+" provider does not accept OIDC tokens")
	return false
}

// checkIssuer: oidc.issuerUri must equal iss exactly.
func (ev *evaluation) checkIssuer() {
	p, tok := ev.p, ev.tok
	c := policy.Condition{Expression: "oidc.issuerUri: " + p.issuer, Claims: []string{"iss"}, Expected: []string{p.issuer}}
	iss, isStr := tok.String("iss")
	c.Actual = iss
	switch {
	case p.issuer == "":
		c.Result = policy.Errored
		c.Diagnosis = []string{"the provider has no oidc.issuerUri"}
		ev.Add(c, "")
		return
	case tok.Duplicated("iss"):
		c.Result, c.Diagnosis = policy.Fail, googleClaims.Duplicated(tok, []string{"iss"})
	case !isStr:
		c.Result = policy.Fail
		if v, present := tok.Claim("iss"); present {
			c.Actual, _ = tok.Text("iss")
			c.Diagnosis = []string{fmt.Sprintf("iss is %s, not a string", v.Kind)}
		} else {
			c.Absent, c.Diagnosis = true, []string{policy.Absent("iss")}
		}
	case iss == p.issuer:
		c.Result = policy.Pass
	default:
		c.Result, c.Diagnosis = policy.Fail, issuerDiagnosis(p.issuer, iss)
	}
	ev.Add(c, fmt.Sprintf("iss %s is not oidc.issuerUri %s", iss, p.issuer))
}

// issuerDiagnosis explains an iss that is not the provider's issuer.
func issuerDiagnosis(want, iss string) []string {
	out := []string{"Google Cloud compares the token's iss with oidc.issuerUri exactly"}
	switch {
	case strings.TrimRight(want, "/") == strings.TrimRight(iss, "/"):
		out = append(out, "they differ only by a trailing slash, which still makes them different")
	case strings.HasPrefix(iss, strings.TrimRight(want, "/")+"/"):
		out = append(out, "the token's iss extends the issuer: an enterprise with a unique issuer URL (token.actions.githubusercontent.com/<enterprise>) needs a provider with that exact issuer URI")
	}
	return append(out, policy.Mismatch(policy.GCP, "iss", []string{want}, iss, true)...)
}

// checkAudience: with oidc.allowedAudiences, aud must contain one of them;
// without, aud must be the provider's canonical name, with or without
// https: [G1].
func (ev *evaluation) checkAudience() {
	p, tok := ev.p, ev.tok
	c := policy.Condition{Claims: []string{"aud"}}
	c.Actual, _ = tok.Text("aud")
	defaulted := len(p.audiences) == 0
	if defaulted {
		if !p.hasRes {
			c.Expression = "audience: (oidc.allowedAudiences is empty: the provider's canonical name)"
			c.Result = policy.Errored
			c.Diagnosis = []string{"oidc.allowedAudiences is empty, so Google Cloud accepts only the provider's canonical name //iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<id> as aud, but this document has no (valid) name: add the provider's name, or list the audience in oidc.allowedAudiences"}
			ev.Add(c, "")
			return
		}
		c.Expression = "audience: " + p.res.DefaultAudiences()[0] + " (default: oidc.allowedAudiences is empty)"
		c.Expected = p.res.DefaultAudiences()
	} else {
		c.Expression = "oidc.allowedAudiences: [" + strings.Join(p.audiences, ", ") + "]"
		c.Expected = slices.Clone(p.audiences)
	}
	if auds, ok := policy.ReadAudience(tok, &c, googleClaims.Duplicated); ok {
		if slices.ContainsFunc(auds, func(a string) bool { return slices.Contains(c.Expected, a) }) {
			c.Result = policy.Pass
		} else {
			c.Result = policy.Fail
			c.TokenSide = ev.otherProvider(auds) || policy.NotMeantFor(policy.GCP, tok, auds)
			c.Diagnosis = ev.audienceDiagnosis(auds, defaulted)
		}
	}
	reason := fmt.Sprintf("aud %s is not one of oidc.allowedAudiences [%s]", c.Actual, strings.Join(p.audiences, ", "))
	if defaulted {
		reason = fmt.Sprintf("aud %s is not the provider's default audience %s", c.Actual, c.Expected[0])
	}
	ev.Add(c, reason)
}

// otherProvider reports whether every audience of the token names a
// Google Cloud provider, none of them this one: the workflow asked for
// another provider's token, which no change to this one should accept
// (policy.NotMeantFor covers the other clouds' and GitHub's defaults).
func (ev *evaluation) otherProvider(auds []string) bool {
	return ev.p.hasRes && len(auds) > 0 && !slices.ContainsFunc(auds, func(a string) bool {
		r, ok := gcpinfo.AudienceResource(a)
		return !ok || r == ev.p.res
	})
}

// audienceDiagnosis explains a token audience the provider does not accept.
func (ev *evaluation) audienceDiagnosis(auds []string, defaulted bool) []string {
	p := ev.p
	var out []string
	if defaulted {
		out = append(out, fmt.Sprintf("oidc.allowedAudiences is empty, so Google Cloud accepts only the provider's canonical name as aud: %s (google-github-actions/auth's default audience) or %s", p.res.DefaultAudiences()[0], p.res.Canonical()))
	} else {
		out = append(out, "the token's aud must equal one of oidc.allowedAudiences")
	}
	for _, a := range auds {
		for _, prov := range policy.ProviderAudiences() {
			if a == prov.Audience && prov.ID != policy.GCP {
				out = append(out, fmt.Sprintf("the token's aud %s is %s's audience: the workflow requested the token for %s", escape.Quoted(a), prov.Name, prov.Name))
			}
		}
		if strings.HasPrefix(a, "https://github.com/") {
			out = append(out, "the token's aud "+escape.Quoted(a)+" is GitHub's default audience (the owner's URL): the workflow did not ask for an audience")
		}
		r, isProvider := gcpinfo.AudienceResource(a)
		switch {
		case isProvider && defaulted:
			out = append(out, fmt.Sprintf("the token's aud names provider %s, not this one (%s): the workflow's workload_identity_provider input points elsewhere", r.Name(), p.res.Name()))
			out = append(out, policy.Align(p.res.DefaultAudiences()[0], "https:"+strings.TrimPrefix(a, "https:"))...)
		case isProvider && p.hasRes && r == p.res:
			out = append(out, "the token carries the provider's default audience "+escape.Quoted(a)+", but oidc.allowedAudiences is set and replaces the default: add it to the list, or empty the list")
		case defaulted:
			out = append(out, fmt.Sprintf("request the token with audience %s (google-github-actions/auth does this unless its audience input is set), or add %s to oidc.allowedAudiences", p.res.DefaultAudiences()[0], escape.Quoted(a)))
		default:
			out = append(out, policy.Mismatch(policy.GCP, "audience", p.audiences, a, true)...)
		}
	}
	return out
}
