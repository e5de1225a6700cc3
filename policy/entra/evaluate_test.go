package entra

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestStandardSemantics is reference §3.1: issuer, subject and audience
// compared exactly and case-sensitively, one audience, no wildcards.
func TestStandardSemantics(t *testing.T) {
	mainSub := "repo:octo-org/octo-repo:ref:refs/heads/main"
	tests := []struct {
		name      string
		doc       string
		claims    map[string]string
		want      policy.Verdict
		failClaim string // the condition that fails (deny) or errors
		diagnosis string // expected in its diagnosis
	}{
		{"exact match", standardFIC(gh, mainSub, azureAud), nil, policy.Allow, "", ""},
		{"issuer trailing slash", standardFIC(gh+"/", mainSub, azureAud), nil, policy.Deny, "iss", "ends in '/'"},
		{"token iss trailing slash", standardFIC(gh, mainSub, azureAud), map[string]string{"iss": `"` + gh + `/"`}, policy.Deny, "iss", "the token's iss ends in '/'"},
		{"issuer trailing space", standardFIC(gh+" ", mainSub, azureAud), nil, policy.Deny, "iss", "whitespace"},
		{"token iss with whitespace blocks even when equal", standardFIC(" "+gh, mainSub, azureAud), map[string]string{"iss": `" ` + gh + `"`}, policy.Deny, "iss", "Entra blocks the exchange"},
		{"issuer case", standardFIC("https://Token.actions.githubusercontent.com", mainSub, azureAud), nil, policy.Deny, "iss", "differs only in case"},
		{"enterprise issuer", standardFIC(gh, mainSub, azureAud), map[string]string{"iss": `"` + gh + `/avocado-corp"`}, policy.Deny, "iss", "enterprise-specific issuer"},
		{"subject case only", standardFIC(gh, "repo:Octo-Org/octo-repo:ref:refs/heads/main", azureAud), nil, policy.Deny, "sub", "AADSTS7002138"},
		{"subject trailing space", standardFIC(gh, mainSub+" ", azureAud), nil, policy.Deny, "sub", "whitespace"},
		{"subject wildcard is literal", standardFIC(gh, "repo:octo-org/octo-repo:*", azureAud), nil, policy.Deny, "sub", "compares literally"},
		{"subject wildcard equal to a literal * sub passes", standardFIC(gh, "repo:octo-org/octo-repo:*", azureAud), map[string]string{"sub": `"repo:octo-org/octo-repo:*"`}, policy.Allow, "", ""},
		{"subject ? is literal", standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/mai?", azureAud), nil, policy.Deny, "sub", "compares literally"},
		{"environment vs ref form", standardFIC(gh, "repo:octo-org/octo-repo:environment:prod", azureAud), nil, policy.Deny, "sub", "the token's sub is in ref form but the policy expects environment form"},
		{"pull_request form", standardFIC(gh, mainSub, azureAud), map[string]string{"sub": `"repo:octo-org/octo-repo:pull_request"`}, policy.Deny, "sub", "pull request events get :pull_request"},
		{"legacy credential, immutable token", standardFIC(gh, mainSub, azureAud), map[string]string{"sub": `"repo:octo-org@65/octo-repo@74:ref:refs/heads/main"`}, policy.Deny, "sub", "immutable form"},
		{"immutable credential, legacy token", standardFIC(gh, "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", azureAud), nil, policy.Deny, "sub", "still gets the legacy form"},
		{"absent sub", standardFIC(gh, mainSub, azureAud), map[string]string{"sub": ""}, policy.Deny, "sub", "the token has no sub claim"},
		{"numeric sub", standardFIC(gh, mainSub, azureAud), map[string]string{"sub": `74`}, policy.Deny, "sub", "not a string"},
		{"aud array containing the audience", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": `["x","api://AzureADTokenExchange"]`}, policy.Allow, "", ""},
		{"aud array without it", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": `["x","y"]`}, policy.Deny, "aud", "none of the token's 2 audiences"},
		{"wrong aud", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": `"sts.amazonaws.com"`}, policy.Deny, "aud", `Entra expects aud "api://AzureADTokenExchange"`},
		{"aud case", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": `"api://azureadtokenexchange"`}, policy.Deny, "aud", "differs only in case"},
		{"absent aud", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": ""}, policy.Deny, "aud", "the token has no aud claim"},
		{"aud object", standardFIC(gh, mainSub, azureAud), map[string]string{"aud": `{"a":1}`}, policy.Deny, "aud", "not a string or an array of strings"},
		{"two audiences", standardFIC(gh, mainSub, `["api://AzureADTokenExchange","other"]`), nil, policy.Deny, "aud", "exactly one"},
		{"no audience", standardFIC(gh, mainSub, `[]`), nil, policy.Deny, "aud", "exactly one"},
		{"nonstandard audience that matches", standardFIC(gh, mainSub, `["sts.amazonaws.com"]`), map[string]string{"aud": `"sts.amazonaws.com"`}, policy.Allow, "", ""},
		{"nonstandard audience, Entra token", standardFIC(gh, mainSub, `["sts.amazonaws.com"]`), nil, policy.Deny, "aud", "carries Entra's standard audience"},
		{"audiences not an array", standardFIC(gh, mainSub, `"api://AzureADTokenExchange"`), nil, policy.Error, "aud", "array holding one string"},
		{"no subject, no expression", `{"name":"x-cred","issuer":"` + gh + `","audiences":` + azureAud + `,"subject":null}`, nil, policy.Error, "sub", "neither"},
		{"issuer not a string", `{"name":"x-cred","issuer":5,"subject":"s","audiences":` + azureAud + `}`, nil, policy.Error, "iss", "not a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, tc.doc)
			r := p.Evaluate(azureToken(t, tc.claims))
			if r.Verdict != tc.want {
				t.Fatalf("verdict %s, want %s; summary %q; conditions %+v", r.Verdict, tc.want, r.Summary, r.Conditions)
			}
			if tc.failClaim == "" {
				if len(policytest.Failing(r)) != 0 {
					t.Errorf("allowed, yet conditions did not pass: %+v", policytest.Failing(r))
				}
				return
			}
			c := policytest.ConditionOn(t, r, tc.failClaim)
			if c.Result == policy.Pass || !policytest.HasDiagnosis(c, tc.diagnosis) {
				t.Errorf("%s condition: %s with diagnosis %q; want a failure diagnosed %q", tc.failClaim, c.Result, c.Diagnosis, tc.diagnosis)
			}
			switch tc.want {
			case policy.Deny:
				if !strings.Contains(r.Summary, "No matching federated identity record found for presented assertion") {
					t.Errorf("deny summary %q lacks the AADSTS700213/70021 text", r.Summary)
				}
			case policy.Error:
				if r.Error == "" || c.Result != policy.Errored {
					t.Errorf("error verdict without Error text or errored condition: %q, %s", r.Error, c.Result)
				}
			}
		})
	}
}

// TestFlexibleSemantics is reference §3.2: terms joined by and, eq and
// matches, the GitHub claim table.
func TestFlexibleSemantics(t *testing.T) {
	tests := []struct {
		name, expr string
		claims     map[string]string
		want       policy.Verdict
		failClaim  string
		diagnosis  string
	}{
		{"repo pattern and id", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'", nil, policy.Allow, "", ""},
		{"eq is exact", "claims['sub'] eq 'repo:octo-org/octo-repo:ref:refs/heads/main' and claims['repository_id'] eq '74'", nil, policy.Allow, "", ""},
		{"eq is case-sensitive", "claims['sub'] eq 'repo:octo-org/octo-repo:ref:refs/heads/MAIN' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "differs only in case"},
		{"eq has no wildcards", "claims['sub'] eq 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "use matches"},
		{"and needs every term", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '75'", nil, policy.Deny, "repository_id", "first difference"},
		{"matches is case-sensitive (assumed)", "claims['sub'] matches 'repo:Octo-Org/octo-repo:*' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "assumed: not documented"},
		{"matches is whole-string (assumed)", "claims['sub'] matches 'repo:octo-org/octo-repo:ref:refs/heads/ma' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "whole string (assumed: not documented)"},
		{"? is one character", "claims['sub'] matches 'repo:octo-org/octo-repo:ref:refs/heads/mai?' and claims['repository_id'] eq '74'", nil, policy.Allow, "", ""},
		{"? is not zero characters", "claims['sub'] matches 'repo:octo-org/octo-repo:ref:refs/heads/main?' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "'?' for exactly one"},
		{"job_workflow_ref matches", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_owner_id'] eq '65' and claims['job_workflow_ref'] matches 'octo-org/octo-repo/.github/workflows/*@refs/heads/main'", nil, policy.Allow, "", ""},
		{"absent claim fails", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74' and claims['job_workflow_ref'] eq 'x'", map[string]string{"job_workflow_ref": ""}, policy.Deny, "job_workflow_ref", "the token has no job_workflow_ref claim"},
		{"duplicated claim fails", "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'", map[string]string{"repository_id": `"74","repository_id":"4242"`}, policy.Deny, "repository_id", "2 times"},
		{"environment vs ref form in a pattern", "claims['sub'] matches 'repo:octo-org/octo-repo:environment:*' and claims['repository_id'] eq '74'", nil, policy.Deny, "sub", "the token's sub is in ref form but the policy expects environment form"},
		{"claim Entra does not accept", "claims['sub'] matches 'repo:octo-org/*' and claims['repository_id'] eq '74' and claims['ref'] eq 'refs/heads/main'", nil, policy.Error, "ref", "not a claim Entra accepts for this issuer"},
		{"operator Entra does not accept for the claim", "claims['sub'] matches 'repo:octo-org/*' and claims['repository_id'] matches '7*'", nil, policy.Error, "repository_id", "not an operator Entra accepts"},
		{"unknown operator", "claims['sub'] ne 'x' and claims['repository_id'] eq '74'", nil, policy.Error, "sub", "not an operator Entra accepts"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := parseOne(t, flexibleFIC(gh, tc.expr))
			r := p.Evaluate(azureToken(t, tc.claims))
			if r.Verdict != tc.want {
				t.Fatalf("verdict %s, want %s; summary %q; conditions %+v", r.Verdict, tc.want, r.Summary, r.Conditions)
			}
			if tc.failClaim == "" {
				return
			}
			c := policytest.ConditionOn(t, r, tc.failClaim)
			if c.Result == policy.Pass || !policytest.HasDiagnosis(c, tc.diagnosis) {
				t.Errorf("%s condition: %s, diagnosis %q; want a failure diagnosed %q", tc.failClaim, c.Result, c.Diagnosis, tc.diagnosis)
			}
			if c.Group != exprGroup || !strings.HasPrefix(c.Expression, "claims['") {
				t.Errorf("term condition %q (group %q) does not show the term as written", c.Expression, c.Group)
			}
		})
	}
}

func TestFlexibleParseErrorCondition(t *testing.T) {
	expr := "claims['sub'] eq 'a' or claims['sub'] eq 'b'"
	r := parseOne(t, flexibleFIC(gh, expr)).Evaluate(azureToken(t, nil))
	if r.Verdict != policy.Error {
		t.Fatalf("verdict %s, want error for `or`", r.Verdict)
	}
	var c policy.Condition
	for _, cc := range r.Conditions {
		if cc.Result == policy.Errored {
			c = cc
		}
	}
	if c.Expression != expr || !policytest.HasDiagnosis(c, "at byte 21") || !policytest.HasDiagnosis(c, "`or`") {
		t.Errorf("errored condition %+v: want the expression and a diagnosis naming `or` at byte 21", c)
	}
	if last := c.Diagnosis[len(c.Diagnosis)-1]; strings.Index(last, "^") != 2+21 {
		t.Errorf("caret line %q does not point at byte 21", last)
	}
	if !strings.Contains(r.Error, "`or`") {
		t.Errorf("Result.Error %q does not say why", r.Error)
	}
	// Another flexible credential in the same document is unaffected.
	doc := `[` + flexibleFIC(gh, expr) + `,` + flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'") + `]`
	pols, err := New().Parse("two.json", []byte(doc))
	if err != nil || len(pols) != 2 {
		t.Fatalf("Parse: %v, %d policies", err, len(pols))
	}
	if v := pols[1].Evaluate(azureToken(t, nil)).Verdict; v != policy.Allow {
		t.Errorf("sibling of a broken credential: %s, want allow", v)
	}
}

func TestLanguageVersion(t *testing.T) {
	for _, lv := range []string{`2`, `"1"`, `null`} {
		doc := `{"name":"f-cred","issuer":"` + gh + `","audiences":` + azureAud + `,"claimsMatchingExpression":{"value":"claims['sub'] eq 'x' and claims['repository_id'] eq '74'","languageVersion":` + lv + `}}`
		r := parseOne(t, doc).Evaluate(azureToken(t, nil))
		if r.Verdict != policy.Error || !strings.Contains(r.Error, "languageVersion") {
			t.Errorf("languageVersion %s: verdict %s, error %q; want an error about languageVersion", lv, r.Verdict, r.Error)
		}
	}
	doc := `{"name":"f-cred","issuer":"` + gh + `","audiences":` + azureAud + `,"claimsMatchingExpression":{"value":"claims['sub'] eq 'x'"}}`
	if r := parseOne(t, doc).Evaluate(azureToken(t, nil)); r.Verdict != policy.Error {
		t.Errorf("missing languageVersion: verdict %s, want error", r.Verdict)
	}
}

// TestSubjectAndExpressionIsAnError: Entra refuses to store a credential
// that sets both subject and claimsMatchingExpression (subject must be
// null, reference §3.2), so whatever either part says of the token the
// verdict is Error, reported once: as the verdict, not again as lint.
func TestSubjectAndExpressionIsAnError(t *testing.T) {
	const matching = "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'"
	both := func(subject, expr string) string {
		return `{"name":"both-cred","issuer":"` + gh + `","subject":` + subject + `,"audiences":` + azureAud +
			`,"claimsMatchingExpression":{"value":` + quote(expr) + `,"languageVersion":1}}`
	}
	tests := []struct {
		name string
		doc  string
		want policy.Verdict
	}{
		{"subject and expression both match", both(quote("repo:octo-org/octo-repo:ref:refs/heads/main"), matching), policy.Error},
		{"subject fails, expression matches", both(quote("repo:octo-org/octo-repo:environment:prod"), matching), policy.Error},
		{"subject matches, expression fails", both(quote("repo:octo-org/octo-repo:ref:refs/heads/main"), "claims['sub'] eq 'x' and claims['repository_id'] eq '74'"), policy.Error},
		{"empty subject is not null", both(`""`, matching), policy.Error},
		{"ARM properties form", `{"name":"both-cred","properties":{"issuer":"` + gh + `","subject":"repo:octo-org/octo-repo:ref:refs/heads/main","audiences":` + azureAud +
			`,"claimsMatchingExpression":{"value":` + quote(matching) + `,"languageVersion":1}}}`, policy.Error},
		{"null subject: a flexible credential", both(`null`, matching), policy.Allow},
	}
	for _, tc := range tests {
		r := parseOne(t, tc.doc).Evaluate(azureToken(t, nil))
		if r.Verdict != tc.want {
			t.Errorf("%s: verdict %s (%s), want %s", tc.name, r.Verdict, r.Summary, tc.want)
			continue
		}
		if tc.want != policy.Error {
			continue
		}
		for _, part := range []string{"Entra refuses", "subject must be null when claimsMatchingExpression is set"} {
			if !strings.Contains(r.Summary, part) || !strings.Contains(r.Error, part) {
				t.Errorf("%s: summary %q / error %q lack %q", tc.name, r.Summary, r.Error, part)
			}
		}
		if c := policytest.ConditionOn(t, r, "sub"); c.Result != policy.Errored {
			t.Errorf("%s: the subject condition is %s, want errored", tc.name, c.Result)
		}
	}
	// In a document of several credentials only that one is an error.
	doc := `[` + standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/main", azureAud) + `,` +
		both(quote("repo:octo-org/octo-repo:ref:refs/heads/main"), matching) + `,` + flexibleFIC(gh, matching) + `]`
	pols, err := New().Parse("three.json", []byte(doc))
	if err != nil || len(pols) != 3 {
		t.Fatalf("Parse: %v, %d policies", err, len(pols))
	}
	for i, want := range []policy.Verdict{policy.Allow, policy.Error, policy.Allow} {
		if r := pols[i].Evaluate(azureToken(t, nil)); r.Verdict != want {
			t.Errorf("credential #%d of three: %s (%s), want %s", i+1, r.Verdict, r.Summary, want)
		}
	}
}

func TestNonGitHubIssuerFlexible(t *testing.T) {
	doc := flexibleFIC("https://gitlab.example.com", "claims['project_path'] eq 'group/project'")
	r := parseOne(t, doc).Evaluate(policytest.Payload(t, `{"iss":"https://gitlab.example.com","aud":"api://AzureADTokenExchange","project_path":"group/project"}`))
	if r.Verdict != policy.Allow {
		t.Errorf("GitLab flexible credential: %s (%s), want allow: claims are evaluated as written for other issuers", r.Verdict, r.Summary)
	}
	if !policytest.HasRule(r.Lint, RuleFlexibleIssuer) || policytest.HasRule(r.Lint, RuleFlexibleMissingID) {
		t.Errorf("lint %+v: want %s and no GitHub-only rules", r.Lint, RuleFlexibleIssuer)
	}
}

// TestHostileTokens: nothing a token holds makes Evaluate panic or pass.
func TestHostileTokens(t *testing.T) {
	docs := []string{
		standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/main", azureAud),
		flexibleFIC(gh, "claims['sub'] matches '*a*a*a*a*a*a*b' and claims['repository_id'] eq '74' and claims['job_workflow_ref'] matches '?*?'"),
	}
	huge := `"` + strings.Repeat("a", 1<<20) + `"`
	payloads := []string{
		`{}`,
		`{"iss":null,"sub":[],"aud":{},"repository_id":74,"job_workflow_ref":true}`,
		`{"iss":"` + gh + `","iss":"https://evil.example","sub":"repo:octo-org/octo-repo:ref:refs/heads/main","aud":"api://AzureADTokenExchange"}`,
		`{"iss":"` + gh + `","sub":` + huge + `,"aud":[` + huge + `],"repository_id":"74","job_workflow_ref":` + huge + `}`,
		`{"iss":"` + gh + `","sub":"\u202erepo\u0000:\u001b[31m","aud":["api://AzureADTokenExchange",1]}`,
		`{"iss":"` + gh + `","sub":"repo:octo-org/octo-repo:ref:refs/heads/main","aud":"api://AzureADTokenExchange","aud":"x"}`,
	}
	for _, d := range docs {
		p := parseOne(t, d)
		for _, pl := range payloads {
			r := p.Evaluate(policytest.Payload(t, pl))
			if r.Verdict == policy.Allow {
				t.Errorf("%s allowed hostile payload %.120s", p.Name(), pl)
			}
			if r.Verdict == policy.Deny && !strings.Contains(r.Summary, "AADSTS70021") {
				t.Errorf("deny without the AADSTS text: %q", r.Summary)
			}
		}
	}
}

func TestDuplicatedIssDiagnosed(t *testing.T) {
	p := parseOne(t, standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/main", azureAud))
	r := p.Evaluate(azureToken(t, map[string]string{"iss": `"` + gh + `","iss":"` + gh + `"`}))
	if c := policytest.ConditionOn(t, r, "iss"); c.Result != policy.Fail || !policytest.HasDiagnosis(c, "2 times") {
		t.Errorf("duplicated iss: %s %q, want a failure naming the duplication", c.Result, c.Diagnosis)
	}
}

func TestResultShape(t *testing.T) {
	pols, err := New().Parse("creds.json", []byte(`[`+standardFIC(gh, "s", azureAud)+`,`+standardFIC(gh, "t", azureAud)+`]`))
	if err != nil {
		t.Fatal(err)
	}
	r := pols[1].Evaluate(azureToken(t, nil))
	if r.Source != "creds.json#2" || r.Provider != policy.Entra || r.Name != "test-cred" {
		t.Errorf("result identity %q %q %q; want creds.json#2, entra, test-cred", r.Source, r.Provider, r.Name)
	}
	if r.Conditions == nil || r.Lint == nil {
		t.Errorf("Conditions and Lint must be non-nil slices (JSON [] not null)")
	}
	want := []string{`"issuer": "` + gh + `"`, `"subject": "t"`, `"audiences": ["api://AzureADTokenExchange"]`}
	for i, c := range r.Conditions {
		if c.Expression != want[i] {
			t.Errorf("condition %d expression %q, want %q", i, c.Expression, want[i])
		}
	}
	if one := parseOne(t, standardFIC(gh, "s", azureAud)); one.Source() != "test.json" {
		t.Errorf("single-credential source %q, want test.json without #", one.Source())
	}
}
