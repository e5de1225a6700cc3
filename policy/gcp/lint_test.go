package gcp

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestLint: every rule fires on a bad sample, with its severity and a
// message that says why, and stays silent on a good one.
func TestLint(t *testing.T) {
	good := providerDoc(idMapping + `, "attributeCondition": "assertion.repository_owner_id == '65' && assertion.repository_id == '74'", "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_id/74"]`)
	push := with(t, "push-main", map[string]any{"aud": refAud})
	cases := []struct {
		rule, severity string
		bad            string
		tok            policy.Token
		msg            []string
	}{
		{RuleNoCondition, policy.SevError, providerDoc(subjectM), push, []string{"Error 400: The attribute condition must reference one of the provider's claims"}},
		{RuleNoCondition, policy.SevError, providerDoc(subjectM + `, "attributeCondition": "true"`), push, []string{`"true" reads no claim`}},
		{RuleNamesOnly, policy.SevWarning, providerDoc(subjectM + `, "attributeCondition": "assertion.repository_owner == 'octo-org' && assertion.repository == 'octo-org/octo-repo'"`), push, []string{"only by mutable names (repository_owner, repository)", "repository_owner_id == '65'"}},
		{RuleNamesOnly, policy.SevWarning, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub", "attribute.repository": "assertion.repository"}, "attributeCondition": "attribute.repository == 'octo-org/octo-repo'"`), push, []string{"(repository)"}},
		{RuleSubjectTooLong, policy.SevError, providerDoc(subjectM + `, "attributeCondition": "assertion.repository_id == '74'"`), with(t, "push-main", map[string]any{"aud": refAud, "sub": strings.Repeat("s", 128)}), []string{"google.subject = assertion.sub gives 128 bytes", "customised sub templates"}},
		{RuleUnmappedMember, policy.SevWarning, providerDoc(idMapping + `, "attributeCondition": "assertion.repository_id == '74'", "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository/octo-org/octo-repo"]`), push, []string{"binds attribute.repository, which attributeMapping does not map", "attribute.repository = assertion.repository"}},
		{RuleUnmappedMember, policy.SevWarning, providerDoc(idMapping + `, "attributeCondition": "assertion.repository_id == '74'", "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/group/admins"]`), push, []string{"google.groups"}},
		{RuleAudiencesMismatch, policy.SevInfo, providerDoc(idMapping + `, "attributeCondition": "assertion.repository_id == '74'", "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["sts.amazonaws.com"]}`), fixtureToken(t, "push-main"), []string{"replaces the default audience " + refAud, "google-github-actions/auth"}},
		{RuleWholePool, policy.SevWarning, providerDoc(idMapping + `, "attributeCondition": "assertion.repository_id == '74'", "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/*"]`), push, []string{"grants every identity of the pool"}},
	}
	fired := map[string]bool{}
	for _, tc := range cases {
		r := parseOne(t, tc.bad).Evaluate(tc.tok)
		i := slices.IndexFunc(r.Lint, func(f policy.Finding) bool { return f.Rule == tc.rule })
		if i < 0 {
			t.Errorf("%s does not fire on %s (got %q)", tc.rule, tc.bad, rules(r))
			continue
		}
		fired[tc.rule] = true
		f := r.Lint[i]
		if f.Severity != tc.severity {
			t.Errorf("%s severity %s, want %s", tc.rule, f.Severity, tc.severity)
		}
		for _, m := range tc.msg {
			if !strings.Contains(f.Message, m) {
				t.Errorf("%s message %q lacks %q", tc.rule, f.Message, m)
			}
		}
	}
	for _, rule := range Rules {
		if !fired[rule] {
			t.Errorf("rule %s has no bad sample", rule)
		}
	}
	r := parseOne(t, good).Evaluate(push)
	if r.Verdict != policy.Allow || len(r.Lint) != 0 {
		t.Errorf("good provider: %s %s, lint %+v", r.Verdict, r.Summary, r.Lint)
	}
	// Silent cases next to each rule's trigger.
	silent := map[string]string{
		RuleNoCondition:       providerDoc(subjectM + `, "oidc": {"issuerUri": "https://gitlab.com"}`), // not GitHub
		RuleNamesOnly:         providerDoc(subjectM + `, "attributeCondition": "assertion.sub == 'repo:octo-org@65/octo-repo@74:ref:refs/heads/main'"`),
		RuleAudiencesMismatch: providerDoc(subjectM + `, "attributeCondition": "assertion.repository_id == '74'", "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["` + refAud + `", "x"]}`),
		RuleUnmappedMember:    providerDoc(subjectM + `, "attributeCondition": "assertion.repository_id == '74'", "oidcscopeMembers": ["principalSet://iam.googleapis.com/projects/9/locations/global/workloadIdentityPools/other/attribute.x/y"]`), // another pool's member
	}
	for rule, doc := range silent {
		r := parseOne(t, doc).Evaluate(push)
		if slices.Contains(rules(r), rule) {
			t.Errorf("%s fires on %s", rule, doc)
		}
	}
	// Token-dependent: the same provider is silent for a short subject.
	p := parseOne(t, cases[4].bad)
	if got := rules(p.Evaluate(push)); slices.Contains(got, RuleSubjectTooLong) {
		t.Errorf("%s fires for push-main's 43-byte subject", RuleSubjectTooLong)
	}
	if got := rules(p.Evaluate(with(t, "push-main", map[string]any{"aud": refAud, "sub": strings.Repeat("s", 127)}))); slices.Contains(got, RuleSubjectTooLong) {
		t.Errorf("%s fires at exactly 127 bytes", RuleSubjectTooLong)
	}
}
