package k8s

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestParseErrors: documents kube-apiserver could not even decode fail
// Parse with ErrDocument and say what and where.
func TestParseErrors(t *testing.T) {
	head := "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\n"
	cases := []struct{ name, doc, want string }{
		{"YAML syntax error names the line", head + "jwt:\n- issuer:\n    url: [\n", "line"},
		{"unknown field names its path", head + "jwt:\n- issuer:\n    url: " + ghIssuer + "\n    audiences: [a]\n  claimValidationRule: []\n", `unknown field "jwt[0].claimValidationRule"`},
		{"field names are case-sensitive", head + "jwt:\n- issuer:\n    URL: " + ghIssuer + "\n", `did you mean "url"`},
		{"an unquoted number where a string is wanted", head + "jwt:\n- issuer: {url: x, audiences: [a]}\n  claimValidationRules:\n  - claim: repository_id\n    requiredValue: 74\n", `requiredValue: want a string, got the number 74 (quote it: "74")`},
		{"YAML 1.1 booleans", head + "jwt:\n- issuer: {url: x, audiences: [a]}\n  claimValidationRules:\n  - claim: ref_protected\n    requiredValue: yes\n", "YAML 1.1"},
		{"audiences must be a list", head + "jwt:\n- issuer: {url: x, audiences: a}\n", "jwt[0].issuer.audiences: want a list of strings, got a string"},
		{"duplicate keys are refused", head + "jwt:\n- issuer: {url: x, url: y}\n", "url"},
		{"unknown apiVersion", strings.Replace(head, "v1beta1", "v2", 1) + "jwt: []\n", "v1alpha1, v1beta1, v1"},
		{"other kind", "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthorizationConfiguration\n", "want AuthenticationConfiguration"},
		{"not a mapping", "- 1\n- 2\n", "not a mapping"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pols, err := New().Parse("bad.yaml", []byte(tc.doc))
			if err == nil {
				t.Fatalf("Parse accepted it: %d policies", len(pols))
			}
			if !errors.Is(err, ErrDocument) {
				t.Errorf("error %v does not wrap ErrDocument", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not say %q", err, tc.want)
			}
		})
	}
}

// TestValidationErrors: documents kube-apiserver decodes but refuses are
// still parsed; they evaluate to Error, saying what and where, with the
// offending condition errored and the others evaluated.
func TestValidationErrors(t *testing.T) {
	tok := k8sPushMain(t, nil)
	cases := []struct {
		name, body string
		cond       string // condition that must be errored ("" when none shows it)
		want       []string
	}{
		{
			name: "CEL that does not compile: the CEL message and position",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.ref.startsWith('refs/\"\n" + userSub,
			cond: "claims.repository_id == '74' &&",
			want: []string{"jwt[0].claimValidationRules[0].expression", "compilation failed", "expression:1:", "Syntax error"},
		},
		{
			name: "a validation expression must be typed bool",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.ref_protected\"\n" + userSub,
			cond: "claims.ref_protected", want: []string{"must evaluate to bool"},
		},
		{
			name: "several audiences need MatchAny",
			body: "  issuer:\n    url: " + ghIssuer + "\n    audiences: [\"https://k8s.example.com\", \"b\"]\n" + userSub,
			cond: "issuer.audiences", want: []string{"audienceMatchPolicy must be MatchAny for multiple audiences"},
		},
		{
			name: "username from a claim needs an explicit prefix: no default",
			body: issuerAud + "  claimMappings:\n    username:\n      claim: sub\n",
			cond: "username: {claim: sub}", want: []string{"prefix is required when claim is set", "no default prefix"},
		},
		{
			name: "username is required",
			body: issuerAud + "  claimMappings:\n    groups:\n      expression: \"'g'\"\n",
			cond: "username: {claim: }", want: []string{"claimMappings.username: Required value"},
		},
		{
			name: "claim and expression are exclusive",
			body: issuerAud + "  claimValidationRules:\n  - claim: ref\n    expression: \"true\"\n" + userSub,
			cond: "claim: ref", want: []string{"claim and expression can't both be set"},
		},
		{
			name: "issuer URL must be https",
			body: "  issuer:\n    url: http://token.example\n    audiences: [a]\n" + userSub,
			want: []string{"URL scheme must be https"},
		},
		{
			name: "extra keys are lowercase domain-prefixed paths",
			body: issuerAud + userSub + "    extra:\n    - key: Run\n      valueExpression: \"claims.run_id\"\n",
			cond: "claims.run_id", want: []string{"domain-prefixed path", "lowercase"},
		},
		{
			name: "username from claims.email needs email_verified somewhere",
			body: issuerAud + "  claimMappings:\n    username:\n      expression: \"claims.email\"\n",
			want: []string{"claims.email_verified must be used"},
		},
		{
			name: "user rules only know the UserInfo fields",
			body: issuerAud + userSub + "  userValidationRules:\n  - expression: \"user.name != ''\"\n",
			cond: "user.name", want: []string{"userValidationRules[0].expression", "compilation failed"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOne(t, doc(tc.body)).Evaluate(tok)
			if r.Verdict != policy.Error {
				t.Fatalf("verdict %s (%s), want error", r.Verdict, r.Summary)
			}
			for _, w := range tc.want {
				if !strings.Contains(r.Error, w) {
					t.Errorf("Error %q does not say %q", r.Error, w)
				}
			}
			wantPrefix := "kube-apiserver refuses"
			if !strings.HasPrefix(r.Error, wantPrefix) {
				t.Errorf("Error %q should start with %q", r.Error, wantPrefix)
			}
			if !strings.HasPrefix(r.Summary, "error: ") {
				t.Errorf("summary %q", r.Summary)
			}
			if tc.cond != "" {
				c := cond(t, r, tc.cond)
				if c.Result != policy.Errored {
					t.Errorf("condition %q is %s, want error", c.Expression, c.Result)
				}
				if !hasLine(c.Diagnosis, tc.want[0]) {
					t.Errorf("condition %q diagnosis %q lacks %q", c.Expression, c.Diagnosis, tc.want[0])
				}
			}
			if c := cond(t, r, "issuer."); c.Result == policy.Errored && !strings.Contains(tc.name, "https") && !strings.Contains(tc.name, "audiences") {
				t.Errorf("an unrelated condition %q is errored too", c.Expression)
			}
		})
	}
}

// TestBadCELShowsCaret: the errored condition carries cel-go's caret
// lines, so the terminal shows where the expression breaks.
func TestBadCELShowsCaret(t *testing.T) {
	r := parseOne(t, string(readFixture(t, "bad-cel.yaml"))).Evaluate(fixtureToken(t, "push-main"))
	c := cond(t, r, "claims.ref.startsWith")
	if c.Result != policy.Errored {
		t.Fatalf("bad CEL condition is %s", c.Result)
	}
	joined := strings.Join(c.Diagnosis, "\n")
	for _, w := range []string{"jwt[0].claimValidationRules[0].expression:1:55", "token recognition error", "^"} {
		if !strings.Contains(joined, w) {
			t.Errorf("diagnosis lacks %q:\n%s", w, joined)
		}
	}
	if u := cond(t, r, "'github:' + claims.sub"); u.Result != policy.Pass {
		t.Errorf("the username mapping, which compiles, should still be evaluated: %s", u.Result)
	}
}

// TestDuplicateIssuers: issuer URLs must be unique.
func TestDuplicateIssuers(t *testing.T) {
	one := "- issuer:\n    url: " + ghIssuer + "\n    audiences: [a]\n  claimMappings:\n    username:\n      expression: \"claims.sub\"\n"
	d := "apiVersion: apiserver.config.k8s.io/v1\nkind: AuthenticationConfiguration\njwt:\n" + one + one
	r := parseOne(t, d).Evaluate(fixtureToken(t, "push-main"))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, "jwt[1].issuer.url: Duplicate value") {
		t.Errorf("verdict %s, error %q: want the duplicate issuer refused", r.Verdict, r.Error)
	}
}

// TestOnePolicyPerDocument: Source is the file, Name the issuer URLs.
func TestOnePolicyPerDocument(t *testing.T) {
	pols, err := New().Parse("fixtures/multi-issuer.yaml", readFixture(t, "multi-issuer.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pols) != 1 {
		t.Fatalf("%d policies, want one per document", len(pols))
	}
	p := pols[0]
	if p.Source() != "fixtures/multi-issuer.yaml" || p.Provider() != policy.K8s {
		t.Errorf("source %q provider %q", p.Source(), p.Provider())
	}
	if want := ghIssuer + ", " + ghIssuer + "/avocado-corp"; p.Name() != want {
		t.Errorf("name %q, want %q", p.Name(), want)
	}
}

// TestPicksAuthenticatorByIssuer: the token goes to the authenticator
// whose issuer.url equals its iss; the Summary names it; a token of
// another issuer is denied as having no authenticator.
func TestPicksAuthenticatorByIssuer(t *testing.T) {
	p := parseOne(t, string(readFixture(t, "multi-issuer.yaml")))
	cases := []struct {
		token, verdict, summary, group string
	}{
		{"push-main", "allow", "allow: jwt[0] (" + ghIssuer + ")", "jwt[0]"},
		{"enterprise", "allow", "allow: jwt[1] (" + ghIssuer + "/avocado-corp)", "jwt[1]"},
		{"other-repo", "deny", "deny: jwt[0] (" + ghIssuer + "): claimValidationRules[0] is false: only octo-org/octo-repo", "jwt[0]"},
	}
	for _, tc := range cases {
		r := p.Evaluate(fixtureToken(t, tc.token))
		if string(r.Verdict) != tc.verdict || !strings.HasPrefix(r.Summary, tc.summary) {
			t.Errorf("%s: %s %q, want %s %q…", tc.token, r.Verdict, r.Summary, tc.verdict, tc.summary)
		}
		for _, c := range r.Conditions {
			if c.Group != tc.group {
				t.Errorf("%s: condition %q is in group %q, want only %s's", tc.token, c.Expression, c.Group, tc.group)
			}
		}
	}
	other := payload(t, `{"iss":"https://gitlab.example.com","aud":"sts.amazonaws.com","sub":"x"}`)
	r := p.Evaluate(other)
	if r.Verdict != policy.Deny || r.Summary != "deny: no jwt authenticator for issuer https://gitlab.example.com" {
		t.Errorf("foreign issuer: %s %q", r.Verdict, r.Summary)
	}
	if len(r.Conditions) != 1 || r.Conditions[0].Result != policy.Fail || len(r.Conditions[0].Expected) != 2 {
		t.Errorf("foreign issuer conditions: %+v", r.Conditions)
	}
	noIss := p.Evaluate(payload(t, `{"aud":"sts.amazonaws.com"}`))
	if noIss.Verdict != policy.Deny || !noIss.Conditions[0].Absent {
		t.Errorf("token without iss: %s %+v", noIss.Verdict, noIss.Conditions)
	}
}
