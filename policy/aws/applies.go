package aws

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Whether a statement applies to this request at all: its principal must
// be the token's OIDC provider and its action must cover
// sts:AssumeRoleWithWebIdentity. Both checks become conditions of the
// result, so a person sees why a statement was skipped.

// principalCondition checks that the statement trusts the token's OIDC
// provider. The account in the ARN is not compared (the token cannot say
// which it should be); the provider path must equal the issuer without
// https:// exactly.
func (r *request) principalCondition(s *statement) (policy.Condition, bool, string) {
	p := &s.principal
	c := policy.Condition{Expression: p.expr, Claims: []string{"iss"}, Expected: []string{}, Actual: r.iss,
		Absent: !r.hasIss, Group: s.group}
	if p.any {
		c.Expected = append(c.Expected, "*")
	}
	c.Expected = append(c.Expected, p.arns...)
	c.Expected = append(c.Expected, p.others...)
	named := r.pathOK && slices.Contains(p.providers, r.path)
	if p.any || named {
		c.Result = policy.Pass
		if p.anyFed && !named && !p.anyAll {
			c.Diagnosis = []string{`AWS does not document {"Federated": "*"}: oidcscope reads it as every identity provider, as AWS's IAM Access Analyzer samples do (aws-samples/iam-access-analyzer-custom-policy-check-samples, allow-list-federated-access-oidc.md); if IAM compared the provider ARN with the text "*", this statement would not apply to the token`}
		}
		return c, true, ""
	}
	c.Result = policy.Fail
	want := "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/" + r.path
	var reason string
	switch {
	case !r.hasIss:
		reason = "the token has no iss claim: AWS finds the OIDC provider by the token's issuer"
	case r.tok.Duplicated("iss"):
		reason = "the token carries iss more than once: which OIDC provider AWS would use is undefined"
	case !r.pathOK:
		reason = fmt.Sprintf("the token's iss %s is not an https URL: AWS OIDC providers are https issuers", escape.Quoted(r.iss))
	case len(p.providers) > 0:
		reason = fmt.Sprintf("the principal trusts the OIDC provider for https://%s, but this token's issuer is %s, whose provider is %s", strings.Join(p.providers, ", https://"), r.iss, want)
	default:
		reason = fmt.Sprintf("the principal is %s, not an OIDC provider: the statement is not about web identity tokens (this token's provider is %s)", strings.Join(p.others, ", "), want)
	}
	c.Diagnosis = []string{reason}
	if strings.HasSuffix(r.iss, "/") {
		c.Diagnosis = append(c.Diagnosis, "the token's iss ends in a slash (one 2022 sample did; current tokens do not): AWS names the provider after the exact issuer, so the slash matters")
	}
	if r.pathOK && len(p.providers) > 0 {
		best := p.providers[0]
		for _, pp := range p.providers {
			if strings.EqualFold(pp, r.path) {
				best = pp
				c.Diagnosis = append(c.Diagnosis, "the provider path differs from the issuer only in case: AWS compares it exactly")
			}
		}
		c.Diagnosis = append(c.Diagnosis, policy.Align(best, r.path)...)
	}
	return c, false, reason
}

func actionCondition(s *statement) policy.Condition {
	c := policy.Condition{Expression: s.action.expr, Claims: []string{}, Expected: slices.Clone(s.action.written),
		Actual: webIdentityAction, Group: s.group, Result: policy.Pass}
	if s.action.covers {
		return c
	}
	c.Result = policy.Fail
	if s.action.not {
		c.Diagnosis = []string{"NotAction excludes sts:AssumeRoleWithWebIdentity: the statement does not cover assuming the role with a web identity token"}
	} else {
		c.Diagnosis = []string{"the Action does not include sts:AssumeRoleWithWebIdentity (nor a wildcard covering it): the statement does not cover assuming the role with a web identity token"}
	}
	return c
}
