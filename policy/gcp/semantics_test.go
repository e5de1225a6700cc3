package gcp

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

const (
	poolPath  = "projects/123456789/locations/global/workloadIdentityPools/github"
	subjectM  = `"attributeMapping": {"google.subject": "assertion.sub"}`
	idMapping = `"attributeMapping": {"google.subject": "assertion.sub", "attribute.repository_id": "assertion.repository_id", "attribute.repository_owner_id": "assertion.repository_owner_id"}`
)

// TestSemantics is the reference's §4 table: issuer, audience, mapping,
// condition and members, one case at a time.
func TestSemantics(t *testing.T) {
	sub127 := "repo:octo-org/octo-repo:ref:refs/heads/" + strings.Repeat("b", 127-len("repo:octo-org/octo-repo:ref:refs/heads/"))
	sub128 := sub127 + "c"
	cases := []struct {
		name    string
		doc     string // provider fields (providerDoc) or, starting with "{", a whole document
		tok     policy.Token
		verdict policy.Verdict
		expr    string // the condition to check
		result  policy.Outcome
		diag    []string // a diagnosis line must contain all of these
	}{
		// Issuer.
		{"issuer exact", subjectM, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "oidc.issuerUri", policy.Pass, nil},
		{"issuer trailing slash", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "iss": ghIssuer + "/"}), policy.Deny, "oidc.issuerUri", policy.Fail, []string{"trailing slash"}},
		{"issuer enterprise slug", subjectM, with(t, "enterprise", map[string]any{"aud": refAud}), policy.Deny, "oidc.issuerUri", policy.Fail, []string{"exact issuer URI"}},
		{"issuer case", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "iss": "https://Token.actions.githubusercontent.com"}), policy.Deny, "oidc.issuerUri", policy.Fail, []string{"differs only in case"}},
		{"issuer absent", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "iss": nil}), policy.Deny, "oidc.issuerUri", policy.Fail, []string{"no iss claim"}},
		// Audience: default (canonical name), with or without https:.
		{"aud default https", subjectM, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "audience: " + refAud, policy.Pass, nil},
		{"aud default without https", subjectM, with(t, "push-main", map[string]any{"aud": "//iam.googleapis.com/" + referenceProvider}), policy.Allow, "audience: ", policy.Pass, nil},
		{"aud default, list-typed", subjectM, with(t, "push-main", map[string]any{"aud": rawJSON(`["sts.amazonaws.com", "` + refAud + `"]`)}), policy.Allow, "audience: ", policy.Pass, nil},
		{"aud another provider", subjectM, with(t, "push-main", map[string]any{"aud": "https://iam.googleapis.com/" + poolPath + "/providers/other"}), policy.Deny, "audience: ", policy.Fail, []string{"names provider " + poolPath + "/providers/other, not this one"}},
		{"aud GitHub default", subjectM, with(t, "immutable-sub", nil), policy.Deny, "audience: ", policy.Fail, []string{"GitHub's default audience"}},
		{"aud http is not https", subjectM, with(t, "push-main", map[string]any{"aud": "http://iam.googleapis.com/" + referenceProvider}), policy.Deny, "audience: ", policy.Fail, []string{"request the token with audience " + refAud}},
		// Audience: allowedAudiences.
		{"allowedAudiences match", subjectM + `, "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["a", "sts.amazonaws.com"]}`, fixtureToken(t, "push-main"), policy.Allow, "oidc.allowedAudiences: [a, sts.amazonaws.com]", policy.Pass, nil},
		{"allowedAudiences list-typed aud", subjectM + `, "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["b"]}`, with(t, "push-main", map[string]any{"aud": rawJSON(`["a", "b"]`)}), policy.Allow, "oidc.allowedAudiences", policy.Pass, nil},
		{"allowedAudiences list-typed aud, none", subjectM + `, "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["c"]}`, with(t, "push-main", map[string]any{"aud": rawJSON(`["a", "b"]`)}), policy.Deny, "oidc.allowedAudiences", policy.Fail, []string{"must equal one of oidc.allowedAudiences"}},
		{"allowedAudiences replace the default", subjectM + `, "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["c"]}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "oidc.allowedAudiences", policy.Fail, []string{"replaces the default"}},
		{"allowedAudiences case", subjectM + `, "oidc": {"issuerUri": "` + ghIssuer + `", "allowedAudiences": ["STS.amazonaws.com"]}`, fixtureToken(t, "push-main"), policy.Deny, "oidc.allowedAudiences", policy.Fail, []string{"differs only in case"}},
		{"aud absent", subjectM, with(t, "push-main", map[string]any{"aud": nil}), policy.Deny, "audience: ", policy.Fail, []string{"no aud claim"}},
		{"aud a number", subjectM, with(t, "push-main", map[string]any{"aud": rawJSON(`7`)}), policy.Deny, "audience: ", policy.Fail, []string{"string or a list of strings"}},
		// google.subject: required, a string, at most 127 BYTES.
		{"subject 127 bytes", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "sub": sub127}), policy.Allow, "google.subject = assertion.sub", policy.Pass, nil},
		{"subject 128 bytes", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "sub": sub128}), policy.Deny, "google.subject = assertion.sub", policy.Fail, []string{"The size of mapped attribute google.subject exceeds the 127 bytes limit", "128 bytes"}},
		{"subject 64 two-byte characters", subjectM, with(t, "push-main", map[string]any{"aud": refAud, "sub": strings.Repeat("é", 64)}), policy.Deny, "google.subject", policy.Fail, []string{"128 bytes, 64 characters", "counts bytes"}},
		{"subject not a string", `"attributeMapping": {"google.subject": "assertion.exp"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "google.subject = assertion.exp", policy.Fail, []string{"must be a string", "an int (1767225900)"}},
		{"subject expression", `"attributeMapping": {"google.subject": "assertion.sub.split(':')[1]"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "google.subject = assertion.sub.split(':')[1]", policy.Pass, nil},
		{"mapping runtime error", `"attributeMapping": {"google.subject": "assertion.sub.split(':')[9]"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "google.subject", policy.Fail, []string{"index out of bounds"}},
		{"mapping of an absent claim", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.env": "assertion.environment"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attribute.env = assertion.environment", policy.Fail, []string{"inference"}},
		{"mapping guarded with has()", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.env": "has(assertion.environment) ? assertion.environment : ''"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "attribute.env", policy.Pass, nil},
		{"attribute a number", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.n": "assertion.iat"}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attribute.n", policy.Fail, []string{"string or a list of strings", "oidcscope assumes"}},
		// attributeCondition.
		{"condition true", subjectM + `, "attributeCondition": "assertion.repository_owner_id == '65'"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "attributeCondition: assertion.repository_owner_id == '65'", policy.Pass, nil},
		{"condition false", subjectM + `, "attributeCondition": "assertion.repository_owner_id == '66'"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attributeCondition", policy.Fail, []string{"assertion.repository_owner_id == '66' is false: assertion.repository_owner_id is '65'"}},
		{"condition compares an ID with a number", subjectM + `, "attributeCondition": "assertion.repository_owner_id == 65"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attributeCondition", policy.Fail, []string{"assertion.repository_owner_id == 65 is false: assertion.repository_owner_id is the string '65', compared with the number 65"}},
		{"condition reads an absent claim", subjectM + `, "attributeCondition": "assertion.environment == 'prod'"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attributeCondition", policy.Fail, []string{"inference from the reference"}},
		{"condition reads attributes", idMapping + `, "attributeCondition": "attribute.repository_id == '74' && google.subject.startsWith('repo:octo-org/')"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "attributeCondition", policy.Pass, nil},
		{"condition reads an unmapped attribute", idMapping + `, "attributeCondition": "attribute.ref == 'refs/heads/main'"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attributeCondition", policy.Fail, []string{"attribute.ref is not mapped"}},
		{"condition on numbers (int64)", subjectM + `, "attributeCondition": "assertion.exp > 1767225000 && assertion.iat == 1767225600.0"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "attributeCondition", policy.Pass, nil},
		{"condition not boolean at run time", subjectM + `, "attributeCondition": "assertion.sub"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "attributeCondition", policy.Fail, []string{"must output a boolean", "a string"}},
		{"condition on a list aud", subjectM + `, "attributeCondition": "'x' in assertion.aud"`, with(t, "push-main", map[string]any{"aud": rawJSON(`["` + refAud + `", "y"]`)}), policy.Deny, "attributeCondition", policy.Fail, []string{"assertion.aud is ['" + refAud + "', 'y'], without 'x'"}},
		{"condition reads a duplicated claim", subjectM + `, "attributeCondition": "assertion.repository_id == '74'"`, payload(t, `{"iss":"`+ghIssuer+`","aud":"`+refAud+`","sub":"s","repository_id":"74","repository_id":"75"}`), policy.Deny, "attributeCondition", policy.Fail, []string{"carries repository_id 2 times"}},
		{"duplicated iss", subjectM, payload(t, `{"iss":"`+ghIssuer+`","iss":"https://evil","aud":"`+refAud+`","sub":"s"}`), policy.Deny, "oidc.issuerUri", policy.Fail, []string{"carries iss 2 times"}},
		// Members.
		{"member subject", subjectM + `, "oidcscopeMembers": ["principal://iam.googleapis.com/` + poolPath + `/subject/repo:octo-org/octo-repo:ref:refs/heads/main"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "member: principal://", policy.Pass, nil},
		{"member subject, other form", subjectM + `, "oidcscopeMembers": ["principal://iam.googleapis.com/` + poolPath + `/subject/repo:octo-org/octo-repo:ref:refs/heads/main"]`, with(t, "immutable-sub", map[string]any{"aud": refAud}), policy.Deny, "member: principal://", policy.Fail, []string{"immutable form"}},
		{"member attribute case", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.repository": "assertion.repository"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository/Octo-Org/octo-repo"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "member: ", policy.Fail, []string{"differs only in case: Google Cloud compares repository case-sensitively"}},
		{"member list attribute", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.names": "[assertion.repository_owner, assertion.repository]"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.names/octo-org/octo-repo"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "member: ", policy.Pass, nil},
		{"member group", `"attributeMapping": {"google.subject": "assertion.sub", "google.groups": "['repo-' + assertion.repository_id]"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/group/repo-74"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Allow, "member: ", policy.Pass, nil},
		{"member group, other", `"attributeMapping": {"google.subject": "assertion.sub", "google.groups": "assertion.repository_owner"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/group/admins"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "member: ", policy.Fail, []string{"google.groups is ['octo-org'], without 'admins'"}},
		{"member whole pool", subjectM + `, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/*"]`, with(t, "other-repo", map[string]any{"aud": refAud}), policy.Allow, "member: ", policy.Pass, nil},
		{"member of another pool", idMapping + `, "oidcscopeMembers": ["principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/gitlab/attribute.repository_id/74"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "member: ", policy.Fail, []string{"names pool projects/123456789/locations/global/workloadIdentityPools/gitlab"}},
		{"member with project ID", idMapping + `, "oidcscopeMembers": ["principalSet://iam.googleapis.com/projects/octo-prod/locations/global/workloadIdentityPools/github/attribute.repository_id/74"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "member: ", policy.Fail, []string{"project by its NUMBER"}},
		{"only non-pool members", subjectM + `, "oidcscopeMembers": ["serviceAccount:a@b.iam.gserviceaccount.com"]`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "members of " + poolPath, policy.Fail, []string{"none of the document's 1 members"}},
		// Provider state and kind.
		{"deleted provider", subjectM + `, "state": "DELETED"`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "state: DELETED", policy.Fail, []string{"accepts no token"}},
		{"disabled provider", subjectM + `, "disabled": true`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "disabled: true", policy.Fail, []string{"disabled"}},
		{"aws provider", `{"name": "` + referenceProvider + `", "aws": {"accountId": "111122223333"}, "attributeMapping": {"google.subject": "assertion.arn"}}`, with(t, "push-main", map[string]any{"aud": refAud}), policy.Deny, "aws:", policy.Fail, []string{"not OIDC tokens"}},
		// Totals.
		{"mapped attributes over 8 KB", `"attributeMapping": {"google.subject": "assertion.sub", "attribute.big": "assertion.big"}`, with(t, "push-main", map[string]any{"aud": refAud, "big": strings.Repeat("x", 8200)}), policy.Deny, "total size", policy.Fail, []string{"8 KB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := tc.doc
			if !strings.HasPrefix(doc, "{") {
				doc = providerDoc(doc)
			}
			r := parseOne(t, doc).Evaluate(tc.tok)
			if r.Verdict != tc.verdict {
				t.Errorf("verdict %s (%s), want %s\n%s", r.Verdict, r.Summary, tc.verdict, doc)
			}
			c := cond(t, r, tc.expr)
			if c.Result != tc.result {
				t.Errorf("%q: %s, want %s: %q", c.Expression, c.Result, tc.result, c.Diagnosis)
			}
			if len(tc.diag) > 0 && !hasLine(c.Diagnosis, tc.diag...) {
				t.Errorf("%q: no diagnosis line with %q in\n%s", c.Expression, tc.diag, strings.Join(c.Diagnosis, "\n"))
			}
			if tc.verdict == policy.Deny && !strings.HasPrefix(r.Summary, "deny: ") {
				t.Errorf("summary %q", r.Summary)
			}
		})
	}
}

// TestEvaluationOrder: conditions appear in Google Cloud's order, every
// one of them even after a failure.
func TestEvaluationOrder(t *testing.T) {
	p := parseOne(t, providerDoc(idMapping+`, "attributeCondition": "assertion.repository_id == '74'", "state": "DELETED", "oidcscopeMembers": ["principalSet://iam.googleapis.com/`+poolPath+`/attribute.repository_id/74"]`))
	r := p.Evaluate(fixtureToken(t, "other-repo"))
	var got []string
	for _, c := range r.Conditions {
		got = append(got, strings.SplitN(c.Expression, ":", 2)[0]+"="+string(c.Result))
	}
	want := []string{"state=fail", "oidc.issuerUri=pass", "audience=fail", "google.subject = assertion.sub=pass", "attribute.repository_id = assertion.repository_id=pass", "attribute.repository_owner_id = assertion.repository_owner_id=pass", "attributeCondition=fail", "member=fail"}
	if !slices.Equal(got, want) {
		t.Errorf("order\n%q, want\n%q", got, want)
	}
	if r.Summary != "deny: the provider's state is DELETED" {
		t.Errorf("summary names the first failure: %q", r.Summary)
	}
	for _, c := range r.Conditions {
		if c.Claims == nil || c.Expected == nil {
			t.Errorf("%q: nil Claims or Expected (JSON null)", c.Expression)
		}
	}
}

// TestBadCELSiblings: a provider whose CEL does not compile is an Error
// with the CEL error and its position; its siblings in the same document
// are evaluated as usual.
func TestBadCELSiblings(t *testing.T) {
	doc := `[` + providerDoc(subjectM+`, "attributeCondition": "assertion.repository_id == '74"`) + `,
` + providerDoc(subjectM+`, "attributeCondition": "assertion.repository_id == '74'"`) + `,
` + providerDoc(`"attributeMapping": {"google.subject": "assertion.sub +"}`) + `]`
	pols, err := New().Parse("list.json", []byte(doc))
	if err != nil || len(pols) != 3 {
		t.Fatalf("Parse: %v, %d policies", err, len(pols))
	}
	tok := with(t, "push-main", map[string]any{"aud": refAud})
	r := pols[0].Evaluate(tok)
	c := cond(t, r, "attributeCondition")
	if r.Verdict != policy.Error || c.Result != policy.Errored || !hasLine(c.Diagnosis, "attributeCondition:1:28: Syntax error") || !hasLine(c.Diagnosis, "^") {
		t.Errorf("#1: %s %+v", r.Verdict, c)
	}
	if !strings.Contains(r.Summary, "Google Cloud would refuse this provider: [0].attributeCondition (line 1): CEL compilation failed") || !strings.Contains(r.Error, "attributeCondition:1:28") {
		t.Errorf("#1 summary %q error %q", r.Summary, r.Error)
	}
	if r := pols[1].Evaluate(tok); r.Verdict != policy.Allow || pols[1].Source() != "list.json#2" {
		t.Errorf("#2 (good) is %s %s (%s)", r.Verdict, r.Summary, pols[1].Source())
	}
	r = pols[2].Evaluate(tok)
	if m := cond(t, r, "google.subject"); r.Verdict != policy.Error || m.Result != policy.Errored || !hasLine(m.Diagnosis, `attributeMapping["google.subject"]:1:`) {
		t.Errorf("#3: %s %+v", r.Verdict, m)
	}
	// A Google Cloud function cel-go lacks is oidcscope's limit, said so.
	r = parseOne(t, providerDoc(`"attributeMapping": {"google.subject": "assertion.sub.extract('repo:{x}:')"}`)).Evaluate(tok)
	if r.Verdict != policy.Error || !strings.HasPrefix(r.Summary, "error: oidcscope cannot evaluate") || !strings.Contains(r.Error, "extract is a Google Cloud CEL function") {
		t.Errorf("extract: %s %q %q", r.Verdict, r.Summary, r.Error)
	}
}

// TestHostileTokens: nothing panics, and odd shapes are failures with a
// reason, not passes.
func TestHostileTokens(t *testing.T) {
	pols, err := New().Parse("f", readFixture(t, "iam-policy.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := pols[0]
	for _, tok := range []policy.Token{
		payload(t, `[]`),
		payload(t, `"x"`),
		payload(t, `{}`),
		payload(t, `{"iss":null,"aud":[1,{"a":[]}],"sub":{"x":1},"repository_owner_id":65,"repository_id":["74"]}`),
		payload(t, `{"iss":"`+ghIssuer+`","aud":"sts.amazonaws.com","sub":"`+strings.Repeat("\u202e", 3000)+`","repository_owner_id":"65","repository_id":"74"}`),
		with(t, "push-main", map[string]any{"repository_owner_id": rawJSON(`65`)}),
	} {
		r := p.Evaluate(tok)
		if r.Verdict != policy.Deny {
			t.Errorf("hostile token %s: %s %s", tok.Payload.Kind, r.Verdict, r.Summary)
		}
	}
	r := p.Evaluate(with(t, "push-main", map[string]any{"repository_owner_id": rawJSON(`65`)}))
	c := cond(t, r, "attributeCondition")
	if !hasLine(c.Diagnosis, "assertion.repository_owner_id is an int 65, compared with the string '65'") {
		t.Errorf("numeric claim: %q", c.Diagnosis)
	}
}
