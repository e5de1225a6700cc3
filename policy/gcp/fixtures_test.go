package gcp

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestFixtureTable: every row of the table of
// fixtures/policies/gcp/README.md holds, and every fixture file has a row,
// so the README and the tests cannot drift apart.
func TestFixtureTable(t *testing.T) {
	policytest.CheckVerdictTable(t, fixtureDir, policytest.VerdictRows(readFixture(t, "README.md")), 10, func(spec string) policy.Policy { return fixturePolicy(t, spec) })
}

// TestFixtureReasons checks what the "why" column says.
func TestFixtureReasons(t *testing.T) {
	t.Run("octo-repo-main vs other-repo", func(t *testing.T) {
		r := fixturePolicy(t, "octo-repo-main.json").Evaluate(fixtureToken(t, "other-repo"))
		c := cond(t, r, "attributeCondition")
		if c.Result != policy.Fail || !hasLine(c.Diagnosis, "assertion.repository_id == '74' is false: assertion.repository_id is '4242'") {
			t.Errorf("condition %s %q", c.Result, c.Diagnosis)
		}
		if hasLine(c.Diagnosis, "repository_owner_id == '65' is false") || hasLine(c.Diagnosis, "assertion.ref == 'refs/heads/main' is false") {
			t.Errorf("true terms reported false: %q", c.Diagnosis)
		}
		if !strings.Contains(r.Summary, "assertion.repository_id == '74' is false") {
			t.Errorf("summary %q", r.Summary)
		}
		if !slices.Equal(c.Claims, []string{"repository_owner_id", "repository_id", "ref"}) {
			t.Errorf("claims %q", c.Claims)
		}
	})
	t.Run("octo-repo-prod vs push-main: absent environment", func(t *testing.T) {
		r := fixturePolicy(t, "octo-repo-prod.json").Evaluate(fixtureToken(t, "push-main"))
		m := cond(t, r, "attribute.environment = assertion.environment")
		if m.Result != policy.Fail || !m.Absent || !hasLine(m.Diagnosis, "no such key: environment") || !hasLine(m.Diagnosis, "inference") {
			t.Errorf("mapping %+v", m)
		}
		c := cond(t, r, "attributeCondition")
		// It also reads present claims: not Absent as a whole (that prints
		// "(absent)" for all three); Actual names the one missing.
		if c.Result != policy.Fail || c.Absent || !strings.Contains(c.Actual, "assertion.environment absent") || !hasLine(c.Diagnosis, "add `environment: <name>` to the job") || !hasLine(c.Diagnosis, "inference") {
			t.Errorf("condition %+v", c)
		}
		if a := cond(t, r, "oidc.allowedAudiences"); a.Result != policy.Pass {
			t.Errorf("push-main's aud is allowed: %+v", a)
		}
	})
	t.Run("sub-ref-instead-of-environment", func(t *testing.T) {
		p := fixturePolicy(t, "sub-ref-instead-of-environment.json")
		c := cond(t, p.Evaluate(fixtureToken(t, "environment-prod")), "attributeCondition")
		if !hasLine(c.Diagnosis, "environment form but the policy expects ref form") {
			t.Errorf("environment-prod: %q", c.Diagnosis)
		}
		c = cond(t, p.Evaluate(fixtureToken(t, "immutable-sub")), "attributeCondition")
		if !hasLine(c.Diagnosis, "immutable form", "legacy form") {
			t.Errorf("immutable-sub: %q", c.Diagnosis)
		}
	})
	t.Run("owner-by-name members", func(t *testing.T) {
		p := fixturePolicy(t, "owner-by-name.json")
		r := p.Evaluate(fixtureToken(t, "immutable-sub"))
		if m := cond(t, r, "attribute.repository/octo-org/octo-repo"); m.Result != policy.Pass || m.Group != MembersField {
			t.Errorf("repository member %+v", m)
		}
		m := cond(t, r, "attribute.repository_id/74")
		if m.Result != policy.NotApplied || !hasLine(m.Diagnosis, "not in attributeMapping") {
			t.Errorf("unmapped member %+v", m)
		}
		if got := rules(r); !slices.Contains(got, RuleUnmappedMember) || !slices.Contains(got, RuleNamesOnly) {
			t.Errorf("lint %q", got)
		}
	})
	t.Run("iam-policy vs other-repo", func(t *testing.T) {
		r := fixturePolicy(t, "iam-policy.json").Evaluate(fixtureToken(t, "other-repo"))
		m := cond(t, r, "attribute.repository_id/74")
		if m.Result != policy.Fail || m.Group != "binding roles/iam.workloadIdentityUser" || m.Actual != "4242" || !hasLine(m.Diagnosis, "attribute.repository_id is '4242'; the member wants '74'") {
			t.Errorf("repository member %+v", m)
		}
		if sa := cond(t, r, "serviceAccount:"); sa.Result != policy.NotApplied {
			t.Errorf("serviceAccount member %+v", sa)
		}
		if s := cond(t, r, "/subject/repo:octo-org/octo-repo:environment:prod"); s.Result != policy.Fail || s.Group != "binding roles/iam.serviceAccountTokenCreator" {
			t.Errorf("subject member %+v", s)
		}
		if r.Summary != "deny: no IAM member matches the token's mapped attributes" {
			t.Errorf("summary %q", r.Summary)
		}
	})
	t.Run("subject-too-long", func(t *testing.T) {
		r := fixturePolicy(t, "subject-too-long.yaml").Evaluate(fixtureToken(t, "custom-sub"))
		s := cond(t, r, "google.subject = ")
		if s.Result != policy.Fail || !hasLine(s.Diagnosis, subjectTooLong, "193 bytes") || !slices.Contains(rules(r), RuleSubjectTooLong) {
			t.Errorf("%+v lint %q", s, rules(r))
		}
	})
	t.Run("providers-list bad CEL", func(t *testing.T) {
		r := fixturePolicy(t, "providers-list.json#3").Evaluate(fixtureToken(t, "push-main"))
		m := cond(t, r, "attribute.branch")
		if m.Result != policy.Errored || !hasLine(m.Diagnosis, `[2].attributeMapping["attribute.branch"]:1:27`) {
			t.Errorf("%+v", m)
		}
		if !strings.Contains(r.Error, "line 39") || !strings.Contains(r.Summary, "missing ']'") {
			t.Errorf("error %q summary %q", r.Error, r.Summary)
		}
		// The other conditions of the errored provider are still shown.
		if c := cond(t, r, "attributeCondition"); c.Result != policy.Pass {
			t.Errorf("condition of the errored provider: %+v", c)
		}
		if a := cond(t, r, "oidc.allowedAudiences"); a.Result != policy.Fail {
			t.Errorf("audience of the errored provider: %+v", a)
		}
	})
}

// TestReferenceHardened: reference §4.2's hardened provider and binding
// against push-main (allow) and other-repo (deny), both requested with
// google-github-actions/auth's default audience.
func TestReferenceHardened(t *testing.T) {
	p := fixturePolicy(t, "reference-hardened.json")
	push := with(t, "push-main", map[string]any{"aud": refAud})
	r := p.Evaluate(push)
	if r.Verdict != policy.Allow {
		t.Fatalf("push-main with aud %s: %s %s", refAud, r.Verdict, r.Summary)
	}
	if want := "allow: " + referenceProvider + " accepts the token as google.subject 'repo:octo-org/octo-repo:ref:refs/heads/main'; IAM member principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/attribute.repository_id/74 matches"; r.Summary != want {
		t.Errorf("summary\n%q, want\n%q", r.Summary, want)
	}
	if len(r.Lint) != 0 {
		t.Errorf("the hardened example has lint findings: %+v", r.Lint)
	}
	other := with(t, "other-repo", map[string]any{"aud": "//iam.googleapis.com/" + referenceProvider})
	r = p.Evaluate(other)
	if r.Verdict != policy.Deny {
		t.Fatalf("other-repo: %s %s", r.Verdict, r.Summary)
	}
	if c := cond(t, r, "attributeCondition"); c.Result != policy.Pass {
		t.Errorf("the condition pins only owner and ref, so other-repo passes it: %+v", c)
	}
	if a := cond(t, r, "audience: "); a.Result != policy.Pass {
		t.Errorf("//iam.googleapis.com/… (without https:) is a default audience too: %+v", a)
	}
	m := cond(t, r, "member: ")
	if m.Result != policy.Fail || m.Actual != "4242" || m.Group != "member" {
		t.Errorf("member %+v", m)
	}
	// As issued (aud sts.amazonaws.com): denied on the audience, which
	// shows the provider's canonical name.
	r = p.Evaluate(fixtureToken(t, "push-main"))
	a := cond(t, r, "audience: ")
	if r.Verdict != policy.Deny || a.Result != policy.Fail || !hasLine(a.Diagnosis, "accepts only the provider's canonical name", refAud) || !hasLine(a.Diagnosis, `"sts.amazonaws.com" is AWS's audience`) {
		t.Errorf("push-main as issued: %s %+v", r.Verdict, a)
	}
	if !slices.Equal(a.Expected, []string{refAud, "//iam.googleapis.com/" + referenceProvider}) {
		t.Errorf("expected %q", a.Expected)
	}
}
