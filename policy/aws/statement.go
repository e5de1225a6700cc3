package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// webIdentityAction is the action a GitHub token's role assumption performs.
const webIdentityAction = "sts:AssumeRoleWithWebIdentity"

// statement is one compiled statement of a trust policy.
type statement struct {
	index     int
	path      string // field path, e.g. "Statement[1]"
	group     string // label for the conditions: `Statement[1] Deny (Sid "NoPRs")`
	effect    string // "Allow" or "Deny"; "" when invalid (see errs)
	principal principalSpec
	action    actionSpec
	conds     []*condition
	errs      []policy.Condition // elements that could not be compiled, as errored conditions
}

// principalSpec is a compiled Principal (or NotPrincipal).
type principalSpec struct {
	expr      string   // as written: `Principal: {"Federated":"arn:…"}`
	any       bool     // "*", {"Federated":"*"} or {"AWS":"*"}
	anyAll    bool     // "*" or {"AWS":"*"}: every principal, as AWS documents
	anyFed    bool     // {"Federated":"*"}, whose meaning AWS does not document
	providers []string // IAM OIDC provider paths from Federated ARNs (after "oidc-provider/")
	arns      []string // those ARNs as written
	others    []string // other principals, described
}

// actionSpec is a compiled Action or NotAction.
type actionSpec struct {
	expr     string
	not      bool
	patterns []string // lower-cased: IAM matches actions case-insensitively
	written  []string // as written
	covers   bool     // the statement covers sts:AssumeRoleWithWebIdentity: known at compile time
}

func (c *compiler) statement(v decode.Value, index int, path string, off int64) (*statement, error) {
	if v.Kind != decode.Object {
		return nil, fmt.Errorf("%w: %s (in Statement at %s) is a %s, not a statement object", ErrMalformed, path, c.loc.at(off), v.Kind)
	}
	s := &statement{index: index, path: path}
	sid, _ := v.Str("Sid")
	s.group = fmt.Sprintf("Statement[%d]", index)
	fail := func(expr, member string, m decode.Member, format string, a ...any) {
		s.errs = append(s.errs, policy.Condition{
			Expression: expr, Claims: []string{}, Expected: []string{}, Result: policy.Errored,
			Diagnosis: []string{fmt.Sprintf(format, a...) + fmt.Sprintf(" (at %s, %s)", policy.FieldPath(path, member), c.loc.at(m.Offset))},
		})
	}
	var sawPrincipal, sawAction bool
	for _, m := range c.members(v, path) {
		expr := m.Key + ": " + compact(m.Value)
		switch m.Key {
		case "Effect":
			if m.Value.Kind == decode.String && (m.Value.Text == "Allow" || m.Value.Text == "Deny") {
				s.effect = m.Value.Text
			} else {
				fail(expr, m.Key, m, `Effect must be "Allow" or "Deny"`)
			}
		case "Principal":
			sawPrincipal = true
			if msg := s.principal.compile(m.Value); msg != "" {
				fail(expr, m.Key, m, "%s", msg)
			}
			s.principal.expr = expr
		case "NotPrincipal":
			sawPrincipal = true
			fail(expr, m.Key, m, "NotPrincipal cannot be used in an IAM role trust policy (AWS docs, \"AWS JSON policy elements: NotPrincipal\"); oidcscope does not evaluate it: name the OIDC provider in Principal instead")
		case "Action", "NotAction":
			sawAction = true
			s.action = actionSpec{expr: expr, not: m.Key == "NotAction"}
			vals, ok := policy.StringList(m.Value)
			if !ok || len(vals) == 0 {
				fail(expr, m.Key, m, "%s must be an action name or a non-empty array of them, such as %q", m.Key, webIdentityAction)
				continue
			}
			for _, a := range vals {
				if msg := actionRefused(a); msg != "" {
					fail(expr, m.Key, m, "IAM refuses %s %s: %q", m.Key, escape.Quoted(a), msg)
				}
				s.action.patterns = append(s.action.patterns, strings.ToLower(a))
				s.action.written = append(s.action.written, a)
			}
			s.action.covers = s.action.match()
		case "Resource", "NotResource":
			// IAM's CreateRole and UpdateAssumeRolePolicy answer
			// "MalformedPolicyDocument: Has prohibited field Resource"
			// (hashicorp/terraform#34231, terraform-aws-modules/terraform-aws-eks-pod-identity#34).
			fail(expr, m.Key, m, "a role trust policy has no %s: IAM refuses the document with \"MalformedPolicyDocument: Has prohibited field %s\"; the role is the resource", m.Key, m.Key)
		case "Condition":
			errs := c.conditions(s, m, policy.FieldPath(path, "Condition"))
			s.errs = append(s.errs, errs...)
		}
	}
	if sid != "" {
		s.group += " " + s.effect + " (Sid " + escape.Quoted(sid) + ")"
	} else if s.effect != "" {
		s.group += " " + s.effect
	}
	if _, ok := v.Get("Effect"); !ok {
		s.errs = append(s.errs, missing(path, "Effect", `a statement needs "Effect": "Allow" or "Deny"`, c.loc.at(off)))
	}
	if !sawPrincipal {
		s.errs = append(s.errs, missing(path, "Principal", `a trust policy statement must name who may assume the role, e.g. {"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com"}`, c.loc.at(off)))
	}
	if !sawAction {
		s.errs = append(s.errs, missing(path, "Action", `a trust policy statement needs "Action": "sts:AssumeRoleWithWebIdentity"`, c.loc.at(off)))
	}
	for i := range s.errs {
		s.errs[i].Group = s.group
	}
	return s, nil
}

func missing(path, member, why, where string) policy.Condition {
	return policy.Condition{
		Expression: member + " (missing)", Claims: []string{}, Expected: []string{}, Result: policy.Errored,
		Diagnosis: []string{fmt.Sprintf("%s has no %s: %s (statement in Statement at %s)", path, member, why, where)},
	}
}

// compile reads a Principal value; it returns a message when the value is
// not one IAM accepts.
func (p *principalSpec) compile(v decode.Value) string {
	if v.Kind == decode.String {
		if v.Text == "*" {
			p.any, p.anyAll = true, true
			return ""
		}
		return `Principal must be "*" or an object such as {"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com"}`
	}
	if v.Kind != decode.Object {
		return fmt.Sprintf("Principal is a %s; it must be \"*\" or an object", v.Kind)
	}
	for _, m := range v.Members {
		vals, ok := policy.StringList(m.Value)
		if !ok {
			return fmt.Sprintf("Principal.%s must be a string or an array of strings", m.Key)
		}
		for _, val := range vals {
			switch {
			// "*" and {"AWS": "*"} are documented as equivalent; a
			// Federated "*" trusts every identity provider likewise.
			case val == "*" && (m.Key == "Federated" || m.Key == "AWS"):
				p.any = true
				p.anyFed = p.anyFed || m.Key == "Federated"
				p.anyAll = p.anyAll || m.Key == "AWS"
			case m.Key == "Federated":
				if path, ok := oidcProviderPath(val); ok {
					p.providers = append(p.providers, path)
					p.arns = append(p.arns, val)
				} else {
					p.others = append(p.others, "Federated "+escape.Quoted(val))
				}
			case m.Key == "AWS" || m.Key == "Service" || m.Key == "CanonicalUser":
				p.others = append(p.others, m.Key+" "+escape.Quoted(val))
			default:
				return fmt.Sprintf("Principal has an unknown principal type %s (IAM knows AWS, Federated, Service, CanonicalUser)", escape.Quoted(m.Key))
			}
		}
	}
	return ""
}

// oidcProviderPath extracts the provider path from an IAM OIDC provider
// ARN, arn:<partition>:iam::<account>:oidc-provider/<issuer host/path>. The
// account is not checked: it is the user's (and "<ACCOUNT_ID>" in a
// suggestion), and the token cannot say which it should be.
func oidcProviderPath(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "iam" {
		return "", false
	}
	path, ok := strings.CutPrefix(parts[5], "oidc-provider/")
	return path, ok && path != ""
}

// actionRefused is IAM's MalformedPolicyDocument message for an action
// name it will not store ("" when it stores it): one without a service
// prefix, or with more than one colon. The texts are IAM's, as its API
// returns them (garnaat/kappa#111 for the second).
func actionRefused(a string) string {
	switch n := strings.Count(a, ":"); {
	case n == 0 && a != "*":
		return "MalformedPolicyDocument: Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."
	case n > 1:
		return "MalformedPolicyDocument: Actions/Condition can contain only one colon."
	}
	return ""
}

// matchAction reports whether the statement covers AssumeRoleWithWebIdentity.
func (a *actionSpec) match() bool {
	hit := false
	for _, p := range a.patterns {
		if policy.MatchWildcard(p, "sts:assumerolewithwebidentity") {
			hit = true
			break
		}
	}
	return hit != a.not
}
