package oidcprovider

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestGetOutputChecks: the issuer and the audience checks of a get output,
// each as STS makes it, with STS's own words where it refuses.
func TestGetOutputChecks(t *testing.T) {
	github := getOutput(t, ghPath, "sts.amazonaws.com")
	tests := []struct {
		name          string
		doc           string
		claims        map[string]any
		verdict       policy.Verdict
		issuer, aud   policy.Outcome
		says, summary string // in a failing condition's diagnosis; in the summary
	}{
		{"issuer and audience match", github, map[string]any{"iss": ghIss, "aud": "sts.amazonaws.com"},
			policy.Allow, policy.Pass, policy.Pass, "", "STS would accept this token at this provider"},
		{"audience not listed (configure-aws-credentials #775)", getOutput(t, ghPath, "sigstore"), map[string]any{"iss": ghIss, "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Pass, policy.Fail, `"InvalidIdentityToken: Incorrect token audience"`, "InvalidIdentityToken: Incorrect token audience"},
		{"GitHub's default audience", github, map[string]any{"iss": ghIss, "aud": "https://github.com/octo-org"},
			policy.Deny, policy.Pass, policy.Fail, "aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn 'arn:aws:iam::<ACCOUNT_ID>:oidc-provider/token.actions.githubusercontent.com' --client-id https://github.com/octo-org", "Incorrect token audience"},
		{"audience in another case", github, map[string]any{"iss": ghIss, "aud": "STS.amazonaws.com"},
			policy.Deny, policy.Pass, policy.Fail, "only in case", "Incorrect token audience"},
		{"no aud", github, map[string]any{"iss": ghIss},
			policy.Deny, policy.Pass, policy.Fail, "InvalidIdentityToken: Missing a required claim: aud", "Missing a required claim: aud"},
		{"aud a number", github, map[string]any{"iss": ghIss, "aud": 7},
			policy.Deny, policy.Pass, policy.Fail, "JSON number", "not a string or an array"},
		{"aud an empty array", github, map[string]any{"iss": ghIss, "aud": []string{}},
			policy.Deny, policy.Pass, policy.Fail, "empty array", "Incorrect token audience"},
		{"aud a one-element array (as EKS tokens carry it)", github, map[string]any{"iss": ghIss, "aud": []string{"sts.amazonaws.com"}},
			policy.Allow, policy.Pass, policy.Pass, "", "STS would accept"},
		{"aud array with a listed element", github, map[string]any{"iss": ghIss, "aud": []string{"x", "sts.amazonaws.com"}},
			policy.Allow, policy.Pass, policy.Pass, "", "STS would accept"},
		{"aud array without a listed element", github, map[string]any{"iss": ghIss, "aud": []string{"x", "y"}},
			policy.Deny, policy.Pass, policy.Fail, "AWS documents no rule for arrays", "Incorrect token audience"},
		{"no client IDs at all", `{"Url":"` + ghPath + `","ClientIDList":[]}`, map[string]any{"iss": ghIss, "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Pass, policy.Fail, "lists no client IDs", "Incorrect token audience"},
		{"another issuer", github, map[string]any{"iss": "https://gitlab.com", "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "InvalidIdentityToken: No OpenIDConnect provider found in your account for https://gitlab.com", "not this token's provider"},
		{"enterprise slug issuer against the plain provider", github, map[string]any{"iss": ghIss + "/avocado-corp", "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "first difference at character 44", "not this token's provider"},
		{"issuer with a trailing slash", github, map[string]any{"iss": ghIss + "/", "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "only in a trailing slash", "not this token's provider"},
		{"issuer in another case", github, map[string]any{"iss": "https://Token.Actions.GitHubUserContent.com", "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "case-sensitive", "not this token's provider"},
		{"http issuer", github, map[string]any{"iss": "http://" + ghPath, "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "not an https URL", "not an https URL"},
		{"no iss", github, map[string]any{"aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "no iss claim", "no iss claim"},
		{"iss an object", github, map[string]any{"iss": map[string]string{"a": "b"}, "aud": "sts.amazonaws.com"},
			policy.Deny, policy.Fail, policy.NotApplied, "JSON object", "JSON object"},
		{"provider Url written with https://", getOutput(t, ghIss, "sts.amazonaws.com"), map[string]any{"iss": ghIss, "aud": "sts.amazonaws.com"},
			policy.Allow, policy.Pass, policy.Pass, "", "STS would accept"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, tt.doc).Evaluate(token(t, tt.claims))
			policytest.CheckResult(t, policy.AWS, res)
			checkGet(t, res, tt.verdict, tt.issuer, tt.aud, tt.says, tt.summary)
		})
	}
}

// TestDuplicatedClaims: a token that carries iss or aud twice cannot be
// matched to a provider or a client ID.
func TestDuplicatedClaims(t *testing.T) {
	doc := getOutput(t, ghPath, "sts.amazonaws.com")
	res := parseOne(t, doc).Evaluate(policytest.Payload(t, `{"iss":"`+ghIss+`","iss":"https://evil.example","aud":"sts.amazonaws.com"}`))
	checkGet(t, res, policy.Deny, policy.Fail, policy.NotApplied, "iss more than once", "iss more than once")
	res = parseOne(t, doc).Evaluate(policytest.Payload(t, `{"iss":"`+ghIss+`","aud":"sts.amazonaws.com","aud":"x"}`))
	checkGet(t, res, policy.Deny, policy.Pass, policy.Fail, "aud more than once", "aud more than once")
}

func checkGet(t *testing.T, res policy.Result, verdict policy.Verdict, issuer, aud policy.Outcome, says, summary string) {
	t.Helper()
	if res.Verdict != verdict || !strings.Contains(res.Summary, summary) {
		t.Errorf("verdict %s %q, want %s saying %q", res.Verdict, res.Summary, verdict, summary)
	}
	if len(res.Conditions) != 3 {
		t.Fatalf("%d conditions, want issuer, audience, thumbprints: %+v", len(res.Conditions), res.Conditions)
	}
	ic, ac, tc := res.Conditions[0], res.Conditions[1], res.Conditions[2]
	if ic.Result != issuer || ac.Result != aud {
		t.Errorf("issuer %s (want %s), audience %s (want %s)\n%+v\n%+v", ic.Result, issuer, ac.Result, aud, ic, ac)
	}
	if tc.Result != policy.NotApplied {
		t.Errorf("the thumbprint check is %s: it must never decide", tc.Result)
	}
	if says != "" && !strings.Contains(strings.Join(append(ic.Diagnosis, ac.Diagnosis...), "\n"), says) {
		t.Errorf("no diagnosis says %q:\n%s\n%s", says, strings.Join(ic.Diagnosis, "\n"), strings.Join(ac.Diagnosis, "\n"))
	}
	for _, c := range res.Conditions[:2] {
		if c.Result == policy.Fail && len(c.Diagnosis) == 0 {
			t.Errorf("%s fails without a diagnosis", c.Expression)
		}
	}
}

// TestThumbprintsNeverDecide: the thumbprint condition is n/a for every
// provider, and says why for GitHub's issuer, GHE.com and others.
func TestThumbprintsNeverDecide(t *testing.T) {
	tests := []struct{ url, says string }{
		{ghPath, "not used for GitHub's issuer: since 6 July 2023"},
		{ghPath + "/avocado-corp", "not used for GitHub's issuer"},
		{"token.actions.octocorp.ghe.com", "without saying whether that covers GHE.com"},
		{"github.example.com/_services/token", "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"},
	}
	for _, tt := range tests {
		for _, iss := range []string{"https://" + tt.url, "https://other.example"} {
			res := parseOne(t, getOutput(t, tt.url, "sts.amazonaws.com")).Evaluate(token(t, map[string]any{"iss": iss, "aud": "sts.amazonaws.com"}))
			tc := policytest.ConditionWith(t, res, "ThumbprintList")
			if tc.Result != policy.NotApplied || !strings.Contains(strings.Join(tc.Diagnosis, " "), tt.says) || len(tc.Expected) != 2 {
				t.Errorf("%s, iss %s: %+v, want n/a saying %q", tt.url, iss, tc, tt.says)
			}
		}
	}
}

// TestListOutputChecks: list output decides whether the account has a
// provider for the token's issuer, and leaves the audience to get output.
func TestListOutputChecks(t *testing.T) {
	const account = "arn:aws:iam::111122223333:oidc-provider/"
	tests := []struct {
		name    string
		arns    []string
		iss     any
		verdict policy.Verdict
		says    string // in the summary or the issuer condition's diagnosis
	}{
		{"listed", []string{account + "gitlab.com", account + ghPath}, ghIss, policy.Allow, "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},
		{"not listed", []string{account + "gitlab.com"}, ghIss, policy.Deny, `"InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"`},
		{"empty list", nil, ghIss, policy.Deny, "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"},
		{"listed in another case", []string{account + "Token.Actions.GitHubUserContent.com"}, ghIss, policy.Deny, "case-sensitive"},
		{"enterprise slug listed, plain issuer", []string{account + ghPath + "/avocado-corp"}, ghIss, policy.Deny, "No OpenIDConnect provider found"},
		{"trailing slash in the token (the error keeps it)", []string{account + ghPath}, ghIss + "/", policy.Deny, "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com/\""},
		{"no iss", []string{account + ghPath}, nil, policy.Deny, "no iss claim"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, listOutput(t, tt.arns...)).Evaluate(token(t, map[string]any{"iss": tt.iss, "aud": "sts.amazonaws.com"}))
			policytest.CheckResult(t, policy.AWS, res)
			ic := policytest.ConditionOn(t, res, "iss")
			if res.Verdict != tt.verdict || !(strings.Contains(res.Summary, tt.says) || strings.Contains(strings.Join(ic.Diagnosis, "\n"), tt.says)) {
				t.Errorf("%s %q, want %s saying %q\n%+v", res.Verdict, res.Summary, tt.verdict, tt.says, ic)
			}
			ac := policytest.ConditionOn(t, res, "aud")
			if ac.Result != policy.NotApplied || !strings.Contains(strings.Join(ac.Diagnosis, " "), "aws iam get-open-id-connect-provider --open-id-connect-provider-arn") {
				t.Errorf("the audience condition must be n/a and name the command that shows the client IDs: %+v", ac)
			}
		})
	}
}
