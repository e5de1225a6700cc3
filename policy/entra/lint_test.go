package entra

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const goodFlexExpr = "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'"

// manyCredentials builds a list of n distinct standard credentials.
func manyCredentials(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"name":"cred-%d","issuer":"%s","subject":"repo:octo-org/octo-repo:environment:env%d","audiences":%s}`, i, gh, i, azureAud)
	}
	return `{"value":[` + strings.Join(items, ",") + `]}`
}

func TestLintRules(t *testing.T) {
	mainSub := "repo:octo-org/octo-repo:ref:refs/heads/main"
	good := standardFIC(gh, mainSub, azureAud)
	tests := []struct {
		rule     string
		severity string
		bad      string
		claims   map[string]string // token for token-dependent rules
		good     string
	}{
		{RuleSubjectWhitespace, policy.SevWarning, standardFIC(gh, mainSub+"\n", azureAud), nil, good},
		{RuleSubjectWhitespace, policy.SevWarning, standardFIC(" "+gh, mainSub, azureAud), nil, good},
		{RuleSubjectCase, policy.SevError, standardFIC(gh, strings.ToUpper(mainSub), azureAud), nil, good},
		{RuleAudienceCount, policy.SevError, standardFIC(gh, mainSub, `["api://AzureADTokenExchange","api://other"]`), nil, good},
		{RuleAudienceCount, policy.SevError, standardFIC(gh, mainSub, `[]`), nil, good},
		{RuleAudienceNonstandard, policy.SevInfo, standardFIC(gh, mainSub, `["sts.amazonaws.com"]`), nil, good},
		{RuleWildcardInSubject, policy.SevWarning, standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/*", azureAud), nil, good},
		{RuleWildcardInSubject, policy.SevWarning, standardFIC(gh, "repo:octo-org/octo-repo:ref:refs/heads/v?", azureAud), nil, good},
		{RuleIssuerTrailingSlash, policy.SevWarning, standardFIC(gh+"/", mainSub, azureAud), nil, good},
		{RuleFlexibleMissingID, policy.SevError, flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/octo-repo:*'"), nil, flexibleFIC(gh, goodFlexExpr)},
		{RuleFlexibleMissingID, policy.SevError, flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/*' and claims['job_workflow_ref'] eq 'x'"), nil, flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/*' and claims['repository_owner_id'] eq '65'")},
		{RuleFlexibleMissingSub, policy.SevError, flexibleFIC(gh, "claims['repository_id'] eq '74'"), nil, flexibleFIC(gh, goodFlexExpr)},
		{RuleFlexibleIssuer, policy.SevWarning, flexibleFIC(gh+"/avocado-corp", goodFlexExpr), nil, flexibleFIC(gh, goodFlexExpr)},
		{RuleLimit20, policy.SevInfo, manyCredentials(21), nil, manyCredentials(20)},
		{RuleDuplicateCredential, policy.SevError, `[` + good + `,` + strings.Replace(good, "test-cred", "other-cred", 1) + `]`, nil, `[` + good + `,` + strings.Replace(standardFIC(gh, mainSub+"x", azureAud), "test-cred", "other-cred", 1) + `]`},
		{RuleNameInvalid, policy.SevWarning, strings.Replace(good, "test-cred", "-bad name!", 1), nil, good},
		{RuleNameInvalid, policy.SevWarning, strings.Replace(good, "test-cred", "ab", 1), nil, good},
		{RuleFieldTooLong, policy.SevWarning, standardFIC(gh, mainSub+strings.Repeat("x", 600), azureAud), nil, good},
		{RuleMatchesAssumption, policy.SevInfo, flexibleFIC(gh, goodFlexExpr), nil,
			flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/octo-repo:ref:refs/heads/*' and claims['repository_id'] eq '74'")},
	}
	tok := azureToken(t, nil)
	for _, tc := range tests {
		fires := func(doc string) (bool, []policy.Finding) {
			pols, err := New().Parse("lint.json", []byte(doc))
			if err != nil {
				t.Fatalf("%s: Parse: %v", tc.rule, err)
			}
			var all []policy.Finding
			fired := false
			for _, p := range pols {
				r := p.Evaluate(azureToken(t, tc.claims))
				for _, f := range r.Lint {
					all = append(all, f)
					if f.Rule == tc.rule {
						fired = true
						if f.Severity != tc.severity || f.Message == "" {
							t.Errorf("%s: severity %q message %q; want severity %s and a message", tc.rule, f.Severity, f.Message, tc.severity)
						}
					}
				}
			}
			return fired, all
		}
		if fired, all := fires(tc.bad); !fired {
			t.Errorf("%s did not fire on %.200s; findings %+v", tc.rule, tc.bad, all)
		}
		if fired, all := fires(tc.good); fired {
			t.Errorf("%s fired on the good sample %.200s; findings %+v", tc.rule, tc.good, all)
		}
	}
	// A clean credential and a clean flexible credential draw no findings
	// at all for a token they allow with no assumption.
	for _, doc := range []string{good, flexibleFIC(gh, "claims['sub'] eq 'repo:octo-org/octo-repo:ref:refs/heads/main' and claims['repository_id'] eq '74'")} {
		if r := parseOne(t, doc).Evaluate(tok); len(r.Lint) != 0 || r.Verdict != policy.Allow {
			t.Errorf("clean credential %s: verdict %s, findings %+v; want allow and none", doc, r.Verdict, r.Lint)
		}
	}
}

func TestLintMessagesCarryTheReferenceText(t *testing.T) {
	r := parseOne(t, standardFIC(gh, "repo:octo-org/octo-repo:*", azureAud)).Evaluate(azureToken(t, nil))
	for _, f := range r.Lint {
		if f.Rule == RuleWildcardInSubject && !strings.Contains(f.Message, "Pattern matching isn't supported") {
			t.Errorf("wildcard finding %q lacks the portal note", f.Message)
		}
	}
	r = parseOne(t, flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/*'")).Evaluate(azureToken(t, nil))
	noSub := parseOne(t, flexibleFIC(gh, "claims['repository_id'] eq '74'")).Evaluate(azureToken(t, nil))
	seen := map[string]bool{}
	for _, f := range append(r.Lint, noSub.Lint...) {
		if f.Rule != RuleFlexibleMissingID && f.Rule != RuleFlexibleMissingSub {
			continue
		}
		seen[f.Rule] = true
		if !strings.Contains(f.Message, "2024") {
			t.Errorf("%s finding %q does not mention the 2024 document", f.Rule, f.Message)
		}
		// A documented requirement, but whether Entra refuses such a
		// credential when it is created is not known: the text says so.
		if !strings.Contains(f.Message, "oidcscope could not confirm") {
			t.Errorf("%s finding %q does not say its enforcement is unconfirmed", f.Rule, f.Message)
		}
	}
	if !seen[RuleFlexibleMissingID] || !seen[RuleFlexibleMissingSub] {
		t.Errorf("want both flexible-requirement findings, saw %v", seen)
	}
	pols, err := New().Parse("many.json", []byte(manyCredentials(21)))
	if err != nil {
		t.Fatal(err)
	}
	r = pols[0].Evaluate(azureToken(t, nil))
	if !policytest.HasRule(r.Lint, RuleLimit20) {
		t.Errorf("21 credentials: no %s finding", RuleLimit20)
	}
	for _, f := range r.Lint {
		if f.Rule == RuleLimit20 && !strings.Contains(f.Message, "max 20 per app/identity") {
			t.Errorf("limit finding %q lacks the limit", f.Message)
		}
	}
}

func TestLimit20PerIdentity(t *testing.T) {
	// ARM ids name the identity: 12 + 12 credentials on two identities do
	// not exceed the limit, 21 on one do.
	items := []string{}
	for i := range 24 {
		identity := "id-a"
		if i >= 12 {
			identity = "id-b"
		}
		items = append(items, fmt.Sprintf(`{"id":"/subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/%s/federatedIdentityCredentials/c%d","name":"c%d-cred","properties":{"issuer":"%s","subject":"s%d","audiences":%s}}`, identity, i, i, gh, i, azureAud))
	}
	pols, err := New().Parse("arm.json", []byte(`{"value":[`+strings.Join(items, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	if r := pols[0].Evaluate(azureToken(t, nil)); policytest.HasRule(r.Lint, RuleLimit20) {
		t.Errorf("24 credentials on two identities (12 each) fired %s", RuleLimit20)
	}
}

// TestValidName: the hand-written name rule accepts exactly what the
// regular expression it replaced did.
func TestValidName(t *testing.T) {
	re := regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$`)
	names := []string{"", "ab", "abc", "-ab", "_ab", "a-b", "a_b", "a b", "aé1", "A9z", strings.Repeat("a", 120), strings.Repeat("a", 121), "1--", "x.y"}
	for _, n := range names {
		if got, want := validName(n), re.MatchString(n); got != want {
			t.Errorf("validName(%q) = %v, want %v", n, got, want)
		}
	}
}
