package gcp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// checkMembers matches the IAM members attached to the provider against
// the mapped attributes: principal://…/subject/<s> is google.subject == s;
// principalSet://…/group/<g> is g in google.groups;
// principalSet://…/attribute.<k>/<v> is attribute.<k> == v (any element of
// a list attribute); principalSet://…/* is every identity of the pool. The
// member must name the provider's pool. Members grant access one by one,
// so one match suffices: the others are then shown as not applied.
func (ev *evaluation) checkMembers() {
	p := ev.p
	if len(p.members) == 0 {
		return
	}
	start := len(ev.Conds)
	matched := -1
	for i, m := range p.members {
		c := ev.memberCondition(m)
		if c.Result == policy.Pass && matched < 0 {
			matched = i
			ev.matched = m.ref.text
		}
		ev.Conds = append(ev.Conds, c)
	}
	conds := ev.Conds[start:]
	if matched >= 0 {
		for i := range conds {
			if conds[i].Result == policy.Fail {
				conds[i].Result = policy.NotApplied
				conds[i].Diagnosis = append(conds[i].Diagnosis, "another member matches, so this one does not decide the verdict")
			}
		}
		return
	}
	relevant := 0
	for _, c := range conds {
		if c.Result == policy.Fail {
			relevant++
		}
	}
	why := "no IAM member matches the token's mapped attributes"
	if relevant == 0 {
		pool := "this provider's pool"
		if p.hasRes {
			pool = p.res.PoolPath()
		}
		ev.Add(policy.Condition{
			Expression: "members of " + pool,
			Expected:   []string{"a principal:// or principalSet:// member of " + pool},
			Result:     policy.Fail,
			Diagnosis:  []string{fmt.Sprintf("none of the document's %d members names a principal of %s, so nothing grants this token's identity access", len(p.members), pool)},
		}, "no IAM member names this provider's pool")
		return
	}
	if !ev.Failed {
		ev.Failed, ev.Reason = true, why
	}
}

func (ev *evaluation) memberCondition(m member) (c policy.Condition) {
	p := ev.p
	c = policy.Condition{Expression: "member: " + m.ref.text, Group: m.ref.group, Claims: []string{}}
	if m.ref.cond != "" {
		defer func() {
			c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("the binding has an IAM condition (%s), which oidcscope does not evaluate", m.ref.cond))
		}()
	}
	if m.kind == memberOther {
		c.Result = policy.NotApplied
		c.Diagnosis = []string{"not a workload identity pool principal: it does not grant federated tokens anything"}
		if m.note != "" {
			c.Diagnosis = append(c.Diagnosis, m.note)
		}
		return c
	}
	target := m.target()
	if target != "" {
		c.Claims = p.claimsVia([]celclaims.Ref{targetRef(target)})
		c.Expected = []string{m.value}
	} else {
		c.Expected = []string{"any identity of " + m.pool}
	}
	if p.hasRes && m.pool != p.res.PoolPath() {
		c.Result = policy.Fail
		c.Actual = p.res.PoolPath()
		c.Diagnosis = poolDiagnosis(m.pool, p.res)
		return c
	}
	if !p.hasRes {
		c.Diagnosis = append(c.Diagnosis, "the provider has no name, so oidcscope cannot check that the member names its pool")
	}
	if m.kind == memberAll {
		c.Result = policy.Pass
		c.Actual = "an identity of " + m.pool
		return c
	}
	ref := targetRef(target)
	v, ok := ev.value(ref)
	if !ok {
		c.Result = policy.Fail
		if !p.mapsTarget(target) {
			c.Diagnosis = []string{fmt.Sprintf("%s is not in attributeMapping, so this member can never match: map it first (Google Cloud only binds mapped attributes)", target)}
		} else {
			c.Diagnosis = []string{fmt.Sprintf("%s was not mapped for this token (its mapping failed)", target)}
		}
		return c
	}
	c.Actual = display(v)
	switch x := v.(type) {
	case string:
		if x == m.value {
			c.Result = policy.Pass
			return c
		}
		c.Diagnosis = append([]string{fmt.Sprintf("%s is %s; the member wants %s", target, celclaims.Quote(x), celclaims.Quote(m.value))},
			policy.Mismatch(policy.GCP, memberClaim(p, target), []string{m.value}, x, true)...)
	case []string:
		if slices.Contains(x, m.value) {
			c.Result = policy.Pass
			return c
		}
		c.Diagnosis = []string{fmt.Sprintf("%s is %s, without %s", target, literal(x), celclaims.Quote(m.value))}
	}
	c.Result = policy.Fail
	if strings.Contains(m.value, "%") {
		c.Diagnosis = append(c.Diagnosis, "the member's value contains %: IAM compares the value as written, not URL-decoded (oidcscope's assumption)")
	}
	return c
}

// memberClaim names a target for the shared diagnoses: the claim it maps
// when the mapping is a plain assertion.<claim>, else the target.
func memberClaim(p *gcpPolicy, target string) string {
	for _, m := range p.mappings {
		if m.target == target && m.expr != nil && len(m.expr.refs) == 1 && m.expr.src == "assertion."+m.expr.refs[0].Key {
			return m.expr.refs[0].Key
		}
	}
	return target
}

func targetRef(target string) celclaims.Ref {
	root, key, _ := strings.Cut(target, ".")
	if root == varGoogle && key == "groups" {
		return celclaims.Ref{Root: varGoogle, Key: "groups"}
	}
	return celclaims.Ref{Root: root, Key: key}
}

// mapsTarget reports whether attributeMapping maps target.
func (p *gcpPolicy) mapsTarget(target string) bool {
	return slices.ContainsFunc(p.mappings, func(m *mapping) bool { return m.target == target })
}

var (
	numeric     = lazyre.New(`^[0-9]+$`)
	projectPart = lazyre.New(`^projects/([^/]+)/`)
)

// poolDiagnosis explains a member of another pool.
func poolDiagnosis(pool string, r resource) []string {
	out := []string{fmt.Sprintf("the member names pool %s, but this provider is in %s: it grants another pool's identities", pool, r.PoolPath())}
	if m := projectPart().FindStringSubmatch(pool); m != nil && m[1] != r.Project && (!numeric().MatchString(m[1]) || !numeric().MatchString(r.Project)) {
		out = append(out, "principal identifiers name the project by its NUMBER (gcloud projects describe <id> --format='value(projectNumber)'), not its ID")
	}
	return append(out, policy.Align(r.PoolPath(), pool)...)
}
