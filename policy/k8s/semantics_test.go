package k8s

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// issuerAud is the issuer block most cases share.
const issuerAud = `  issuer:
    url: https://token.actions.githubusercontent.com
    audiences: ["https://k8s.example.com"]
`

const userSub = `  claimMappings:
    username:
      expression: "'github:' + claims.repository_id + ':' + claims.sub"
`

// k8sPushMain is push-main requested for the cluster's audience.
func k8sPushMain(t *testing.T, changes map[string]string) policy.Token {
	t.Helper()
	c := map[string]string{"aud": "https://k8s.example.com"}
	for k, v := range changes {
		c[k] = v
	}
	return pushMainWith(t, c)
}

// TestSemantics walks reference §8 (and the kube-apiserver behaviour it
// summarises) rule by rule: each case is one document, one token, the
// verdict, and the condition that decides it.
func TestSemantics(t *testing.T) {
	cases := []struct {
		name    string
		body    string
		tok     func(t *testing.T) policy.Token // nil: push-main with the example's audience
		verdict policy.Verdict
		cond    string // expression substring of the deciding condition
		outcome policy.Outcome
		actual  string // "" to skip
		absent  bool
		diag    []string // substrings of one diagnosis line
	}{
		{
			name:    "issuer.url equals iss: the authenticator is picked, all pass",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74'\"\n" + userSub,
			verdict: policy.Allow, cond: "issuer.url", outcome: policy.Pass, actual: ghIssuer,
		},
		{
			name:    "issuer.url with a trailing slash is another issuer",
			body:    strings.Replace(issuerAud, "githubusercontent.com\n", "githubusercontent.com/\n", 1) + userSub,
			verdict: policy.Deny, cond: "jwt[*].issuer.url", outcome: policy.Fail, actual: ghIssuer,
			diag: []string{"differ only by a trailing slash"},
		},
		{
			name: "aud as a string must be one of the audiences",
			body: issuerAud + userSub,
			tok:  func(t *testing.T) policy.Token { return fixtureToken(t, "push-main") }, verdict: policy.Deny,
			cond: "issuer.audiences", outcome: policy.Fail, actual: "sts.amazonaws.com",
			diag: []string{"no default audience", "https://k8s.example.com"},
		},
		{
			name: "aud as a list passes when it contains one audience",
			body: issuerAud + userSub,
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","aud":["other","https://k8s.example.com"],"sub":"s","repository_id":"74"}`)
			},
			verdict: policy.Allow, cond: "issuer.audiences", outcome: policy.Pass,
		},
		{
			name: "aud absent",
			body: issuerAud + userSub,
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","sub":"s","repository_id":"74"}`)
			},
			verdict: policy.Deny, cond: "issuer.audiences", outcome: policy.Fail, absent: true,
			diag: []string{"no aud claim"},
		},
		{
			name: "two audiences with MatchAny: either passes",
			body: "  issuer:\n    url: " + ghIssuer + "\n    audiences: [\"a\", \"sts.amazonaws.com\"]\n    audienceMatchPolicy: MatchAny\n" + userSub,
			tok:  func(t *testing.T) policy.Token { return fixtureToken(t, "push-main") }, verdict: policy.Allow,
			cond: "audienceMatchPolicy: MatchAny", outcome: policy.Pass,
		},
		{
			name:    "requiredValue: exact string",
			body:    issuerAud + "  claimValidationRules:\n  - claim: ref\n    requiredValue: refs/heads/main\n" + userSub,
			verdict: policy.Allow, cond: "claim: ref", outcome: policy.Pass, actual: "refs/heads/main",
		},
		{
			name:    "requiredValue is case-sensitive",
			body:    issuerAud + "  claimValidationRules:\n  - claim: repository\n    requiredValue: Octo-Org/octo-repo\n" + userSub,
			verdict: policy.Deny, cond: "claim: repository", outcome: policy.Fail, actual: "octo-org/octo-repo",
			diag: []string{"differs only in case", "Kubernetes"},
		},
		{
			name: "requiredValue omitted: the claim must be the empty string, so a real value fails",
			body: issuerAud + "  claimValidationRules:\n  - claim: environment\n" + userSub,
			tok:  func(t *testing.T) policy.Token { return k8sPushMain(t, map[string]string{"environment": "prod"}) }, verdict: policy.Deny,
			cond: "claim: environment", outcome: policy.Fail, actual: "prod",
			diag: []string{"requiredValue is omitted", "empty string"},
		},
		{
			name:    "requiredValue omitted: an empty claim passes",
			body:    issuerAud + "  claimValidationRules:\n  - claim: base_ref\n" + userSub,
			verdict: policy.Allow, cond: "claim: base_ref", outcome: policy.Pass, actual: "",
		},
		{
			name:    "requiredValue omitted: an absent claim fails (present is required)",
			body:    issuerAud + "  claimValidationRules:\n  - claim: environment\n" + userSub,
			verdict: policy.Deny, cond: "claim: environment", outcome: policy.Fail, absent: true,
			diag: []string{"required claim environment not present"},
		},
		{
			name:    "requiredValue on a non-string claim fails to parse",
			body:    issuerAud + "  claimValidationRules:\n  - claim: exp\n    requiredValue: \"1767225900\"\n" + userSub,
			verdict: policy.Deny, cond: "claim: exp", outcome: policy.Fail, actual: "1767225900",
			diag: []string{"string claims only"},
		},
		{
			name: "requiredValue omitted: JSON null decodes as \"\" and passes (Go quirk)",
			body: issuerAud + "  claimValidationRules:\n  - claim: head_ref\n" + userSub,
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","repository_id":"74","head_ref":null}`)
			},
			verdict: policy.Allow, cond: "claim: head_ref", outcome: policy.Pass,
			diag: []string{"JSON null", "passes"},
		},
		{
			name:    "CEL rule true",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_owner_id == '65' && claims.repository_id == '74'\"\n" + userSub,
			verdict: policy.Allow, cond: "claims.repository_owner_id == '65'", outcome: policy.Pass, actual: `repository_owner_id="65", repository_id="74"`,
		},
		{
			name:    "CEL: a GitHub ID compared as an int is false, and the term says why",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_owner_id == 65\"\n" + userSub,
			verdict: policy.Deny, cond: "claims.repository_owner_id == 65", outcome: policy.Fail, actual: "65",
			diag: []string{"with the number 65", `the string "65"`, "claims.repository_owner_id == '65'"},
		},
		{
			name:    "CEL: a missing claim is a runtime error (no such key), which fails the rule",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.environment == 'prod'\"\n    message: only prod\n" + userSub,
			verdict: policy.Deny, cond: "claims.environment == 'prod'", outcome: policy.Fail, absent: true,
			diag: []string{"no such key: environment", "fails the rule"},
		},
		{
			name:    "CEL: has() makes a missing claim a plain false",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"!has(claims.environment) || claims.environment == 'prod'\"\n" + userSub,
			verdict: policy.Allow, cond: "has(claims.environment)", outcome: policy.Pass,
		},
		{
			name:    "CEL: index access claims['x'] reads the claim too",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims['ref'] == 'refs/heads/dev'\"\n" + userSub,
			verdict: policy.Deny, cond: "claims['ref']", outcome: policy.Fail, actual: "refs/heads/main",
			diag: []string{"first difference at character 12"},
		},
		{
			name:    "CEL: a string claim compared with a number by < has no overload: runtime error",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.run_attempt < 3\"\n" + userSub,
			verdict: policy.Deny, cond: "claims.run_attempt < 3", outcome: policy.Fail,
			diag: []string{"every GitHub claim is a JSON string"},
		},
		{
			name:    "username claim with prefix",
			body:    issuerAud + "  claimMappings:\n    username:\n      claim: sub\n      prefix: \"github:\"\n",
			verdict: policy.Allow, cond: "username: {claim: sub", outcome: policy.Pass, actual: "github:repo:octo-org/octo-repo:ref:refs/heads/main",
		},
		{
			name:    "username claim that is not a string",
			body:    issuerAud + "  claimMappings:\n    username:\n      claim: exp\n      prefix: \"u:\"\n",
			verdict: policy.Deny, cond: "username: {claim: exp", outcome: policy.Fail,
			diag: []string{"requires a string"},
		},
		{
			name:    "username claim absent",
			body:    issuerAud + "  claimMappings:\n    username:\n      claim: email\n      prefix: \"\"\n",
			verdict: policy.Deny, cond: "username: {claim: email", outcome: policy.Fail, absent: true,
			diag: []string{"claim not present"},
		},
		{
			name:    "username expression must produce a string",
			body:    issuerAud + "  claimMappings:\n    username:\n      expression: \"claims.exp\"\n",
			verdict: policy.Deny, cond: "claims.exp", outcome: policy.Fail,
			diag: []string{"must return a string"},
		},
		{
			name:    "username expression must not be empty",
			body:    issuerAud + "  claimMappings:\n    username:\n      expression: \"claims.base_ref\"\n",
			verdict: policy.Deny, cond: "claims.base_ref", outcome: policy.Fail,
			diag: []string{"empty username via CEL expression is not allowed"},
		},
		{
			name:    "groups claim absent: no groups, not a failure",
			body:    issuerAud + userSub + "    groups:\n      claim: groups\n      prefix: \"gh:\"\n",
			verdict: policy.Allow, cond: "groups: {claim: groups", outcome: policy.Pass, actual: "(none)",
		},
		{
			name: "groups from a list claim, prefixed",
			body: issuerAud + userSub + "    groups:\n      claim: teams\n      prefix: \"gh:\"\n",
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","repository_id":"74","teams":["a","b"]}`)
			},
			verdict: policy.Allow, cond: "groups: {claim: teams", outcome: policy.Pass, actual: "[gh:a, gh:b]",
		},
		{
			name:    "groups expression returning a number fails",
			body:    issuerAud + userSub + "    groups:\n      expression: \"claims.exp\"\n",
			verdict: policy.Deny, cond: "claims.exp", outcome: policy.Fail,
			diag: []string{"string or a list of strings"},
		},
		{
			name:    "uid claim absent fails the authentication",
			body:    issuerAud + userSub + "    uid:\n      claim: oid\n",
			verdict: policy.Deny, cond: "uid: {claim: oid", outcome: policy.Fail, absent: true,
			diag: []string{"parse uid claim"},
		},
		{
			name:    "extra mapping",
			body:    issuerAud + userSub + "    extra:\n    - key: github.com/sha\n      valueExpression: \"claims.sha\"\n",
			verdict: policy.Allow, cond: "claims.sha", outcome: policy.Pass, actual: "[8f3c2a91d4b7e6f05a1c9d2e3b4f6a7c8d9e0f12]",
		},
		{
			name:    "userValidationRules see the mapped user",
			body:    issuerAud + "  claimMappings:\n    username:\n      claim: sub\n      prefix: \"\"\n  userValidationRules:\n  - expression: \"user.username.startsWith('github:')\"\n    message: must be prefixed\n",
			verdict: policy.Deny, cond: "user.username.startsWith", outcome: policy.Fail, actual: `username="repo:octo-org/octo-repo:ref:refs/heads/main" groups=[] extra[authentication.kubernetes.io/credential-id]=[JTI=3f6d2b8e-9c41-4a7e-b5d2-0e8f1a6c4b97]`,
			diag: []string{"message: must be prefixed"},
		},
		{
			name:    "userValidationRules do not run when a mapping failed",
			body:    issuerAud + "  claimMappings:\n    username:\n      claim: nope\n      prefix: \"\"\n  userValidationRules:\n  - expression: \"user.username != ''\"\n",
			verdict: policy.Deny, cond: "user.username != ''", outcome: policy.NotApplied,
		},
		{
			name: "a duplicated claim fails the condition that reads it",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74'\"\n" + userSub,
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"s","repository_id":"74","repository_id":"4242"}`)
			},
			verdict: policy.Deny, cond: "claims.repository_id == '74'", outcome: policy.Fail,
			diag: []string{"repository_id 2 times", "keeps the last value"},
		},
		{
			name:    "a rule reading a present and an absent claim is not absent as a whole",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.repository_id == '74' && claims.environment == 'prod'\"\n" + userSub,
			verdict: policy.Deny, cond: "claims.repository_id == '74' && claims.environment", outcome: policy.Fail,
			actual: `repository_id="74", environment absent`,
		},
		{
			name:    "a rule whose every claim is absent is absent",
			body:    issuerAud + "  claimValidationRules:\n  - expression: \"claims.environment == 'prod' && claims.missing_claim == 'x'\"\n" + userSub,
			verdict: policy.Deny, cond: "claims.environment == 'prod' && claims.missing_claim", outcome: policy.Fail, absent: true,
		},
		{
			name:    "a mapping reading a present and an absent claim is not absent as a whole",
			body:    issuerAud + "  claimMappings:\n    username:\n      expression: \"claims.repository_id + ':' + claims.environment\"\n",
			verdict: policy.Deny, cond: "claims.repository_id + ':' + claims.environment", outcome: policy.Fail,
			actual: `repository_id="74", environment absent`,
		},
		{
			name: "hostile claim values never break evaluation",
			body: issuerAud + "  claimValidationRules:\n  - expression: \"claims.ref == 'refs/heads/main'\"\n" + userSub,
			tok: func(t *testing.T) policy.Token {
				return payload(t, `{"iss":"`+ghIssuer+`","aud":"https://k8s.example.com","sub":"\u202e\u001b[31m","repository_id":"74","ref":"refs/heads/main\u0000"}`)
			},
			verdict: policy.Deny, cond: "claims.ref", outcome: policy.Fail,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tok := k8sPushMain(t, nil)
			if tc.tok != nil {
				tok = tc.tok(t)
			}
			r := parseOne(t, doc(tc.body)).Evaluate(tok)
			if r.Verdict != tc.verdict {
				t.Fatalf("verdict %s, want %s (%s)\nconditions: %+v", r.Verdict, tc.verdict, r.Summary, r.Conditions)
			}
			c := cond(t, r, tc.cond)
			if c.Result != tc.outcome {
				t.Errorf("condition %q: %s, want %s; diagnosis %q", c.Expression, c.Result, tc.outcome, c.Diagnosis)
			}
			if tc.actual != "" && c.Actual != tc.actual {
				t.Errorf("condition %q: actual %q, want %q", c.Expression, c.Actual, tc.actual)
			}
			if c.Absent != tc.absent {
				t.Errorf("condition %q: absent %v, want %v", c.Expression, c.Absent, tc.absent)
			}
			if len(tc.diag) > 0 && !hasLine(c.Diagnosis, tc.diag...) {
				t.Errorf("condition %q: no diagnosis line with %q in %q", c.Expression, tc.diag, c.Diagnosis)
			}
			if r.Verdict == policy.Deny && !strings.HasPrefix(r.Summary, "deny: ") {
				t.Errorf("deny summary %q does not start with deny:", r.Summary)
			}
		})
	}
}
