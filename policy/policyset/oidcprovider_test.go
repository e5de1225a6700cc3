package policyset

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The documents of the end-to-end tests: `aws iam get-open-id-connect-provider`
// and `list-open-id-connect-providers` output, and the example role, whose
// trust policy names the GitHub provider of account 111122223333.
var (
	providerDocs = filepath.Join("..", "aws", "oidcprovider", "testdata")
	exampleRole  = filepath.Join("..", "..", "examples", "policies", "aws-role.json")
)

// TestLoadOIDCProviderBesideTrustPolicy (issue 14, section 3): IAM OIDC
// provider documents load by content beside trust policies, in either
// order; each is a result of its own under provider "aws", and each trust
// policy gets a check that the provider its principal names was loaded,
// and that get output's client IDs hold the token's aud, failing with
// STS's own words when the token's provider is missing or refuses aud.
func TestLoadOIDCProviderBesideTrustPolicy(t *testing.T) {
	tok := policytest.FixtureToken(t, "push-main") // aud sts.amazonaws.com
	const noProvider = "InvalidIdentityToken: No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com"
	tests := []struct {
		name     string
		provider string // file in providerDocs
		// Verdicts and the text each result's summary or a failing
		// condition's diagnosis must hold.
		providerVerdict, trustVerdict policy.Verdict
		providerSays, trustSays       string
		crossChecks                   string // the outcomes of the conditions added to the trust policy
	}{
		{"get output listing the audience", "get-github.json", policy.Allow, policy.Allow,
			"client-ID list", "allowed by Statement[0]", "pass pass"},
		// The role's own conditions hold, yet it cannot be assumed.
		{"get output without the token's audience (configure-aws-credentials #775)", "get-github-sigstore.json", policy.Deny, policy.Deny,
			"InvalidIdentityToken: Incorrect token audience", "InvalidIdentityToken: Incorrect token audience", "pass fail"},
		{"list output naming the provider", "list-account.json", policy.Allow, policy.Allow,
			"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com", "allowed by Statement[0]", "pass"},
		{"list output without the GitHub provider", "list-without-github.json", policy.Deny, policy.Deny,
			noProvider, noProvider, "fail"},
	}
	for _, tt := range tests {
		for _, providerFirst := range []bool{true, false} {
			files := []string{filepath.Join(providerDocs, tt.provider), exampleRole}
			if !providerFirst {
				slices.Reverse(files)
			}
			t.Run(tt.name+" "+strings.Join([]string{filepath.Base(files[0]), filepath.Base(files[1])}, ", "), func(t *testing.T) {
				set := Loader{}.Load(files, nil, nil)
				if set.Failed() {
					t.Fatalf("loading: %+v", set.Failures())
				}
				results := set.Evaluate(tok)
				if len(results) != 2 {
					t.Fatalf("%d results, want 2: %+v", len(results), results)
				}
				provRes, trustRes := results[0], results[1]
				if !providerFirst {
					provRes, trustRes = trustRes, provRes
				}
				if provRes.Source != files[slices.Index(files, filepath.Join(providerDocs, tt.provider))] {
					t.Errorf("results are not in load order: %s, %s", results[0].Source, results[1].Source)
				}
				if provRes.Provider != policy.AWS || !strings.HasPrefix(provRes.Name, "OIDC provider") {
					t.Errorf("provider document result: provider %q, name %q; want aws and a name saying it is the OIDC provider", provRes.Provider, provRes.Name)
				}
				if provRes.Verdict != tt.providerVerdict || !says(provRes, tt.providerSays) {
					t.Errorf("provider document: %s %q, want %s saying %q\n%+v", provRes.Verdict, provRes.Summary, tt.providerVerdict, tt.providerSays, provRes.Conditions)
				}
				if trustRes.Verdict != tt.trustVerdict || !says(trustRes, tt.trustSays) {
					t.Errorf("trust policy: %s %q, want %s saying %q\n%+v", trustRes.Verdict, trustRes.Summary, tt.trustVerdict, tt.trustSays, trustRes.Conditions)
				}
				var checks []string
				for _, c := range trustRes.Conditions {
					if c.Group == oidcprovider.Group {
						checks = append(checks, string(c.Result))
					}
				}
				if got := strings.Join(checks, " "); got != tt.crossChecks {
					t.Errorf("trust policy: provider checks %q, want %q\n%+v", got, tt.crossChecks, trustRes.Conditions)
				}
			})
		}
	}
}

// TestTrustPolicyAloneGetsNoProviderCheck: without provider documents in
// the set, a trust policy's result is exactly what it is on its own.
func TestTrustPolicyAloneGetsNoProviderCheck(t *testing.T) {
	tok := policytest.FixtureToken(t, "push-main")
	set := Loader{}.Load([]string{exampleRole}, nil, nil)
	if set.Failed() || len(set.policies) != 1 {
		t.Fatalf("loading: %+v", set.Failures())
	}
	got := set.Evaluate(tok)
	if want := set.policies[0].Evaluate(tok); len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("the set changed a lone trust policy's result:\n got %+v\nwant %+v", got, want)
	}
}

// says reports whether text is in r's summary or in a diagnosis of a
// condition that failed.
func says(r policy.Result, text string) bool {
	if strings.Contains(r.Summary, text) {
		return true
	}
	for _, c := range r.Conditions {
		if c.Result == policy.Fail && strings.Contains(strings.Join(c.Diagnosis, "\n"), text) {
			return true
		}
	}
	return false
}

// TestByIDAWSIsTheTrustPolicyProvider: adding the provider documents
// leaves `suggest --provider aws` and every lookup of "aws" on the trust
// policies, and puts nothing of theirs among the snippets.
func TestByIDAWSIsTheTrustPolicyProvider(t *testing.T) {
	p := ByID(policy.AWS)
	if p == nil || p.ID() != policy.AWS {
		t.Fatalf("ByID(aws) = %v", p)
	}
	tok := policytest.FixtureToken(t, "push-main")
	if _, err := p.Suggest(tok, policy.ScopeRef); err != nil {
		t.Errorf("ByID(aws) does not suggest a trust policy: %v", err)
	}
	idp := ByID(oidcprovider.ID)
	if idp == nil {
		t.Fatal("the provider documents are not in All()")
	}
	if sn := idp.Snippets(tok); len(sn) != 0 {
		t.Errorf("the provider documents give snippets %v, which would repeat AWS's", sn)
	}
}

// TestDetectionIsExclusive: a provider document is detected by the
// provider-document provider alone, and no other provider's fixture,
// example or test document is detected by it.
func TestDetectionIsExclusive(t *testing.T) {
	idp := ByID(oidcprovider.ID)
	ours, err := filepath.Glob(filepath.Join(providerDocs, "*.json"))
	if err != nil || len(ours) == 0 {
		t.Fatalf("no provider documents: %v", err)
	}
	ours = append(ours, filepath.Join("..", "..", "examples", "policies", "aws-oidc-provider.json"))
	for _, f := range ours {
		data := readFile(t, f)
		for _, p := range All() {
			if got, want := p.Detect(data), p.ID() == oidcprovider.ID; got != want {
				t.Errorf("%s: %s Detect = %v, want %v", f, p.ID(), got, want)
			}
		}
	}
	var theirs []string
	for _, pattern := range []string{
		"../../examples/policies/*", "../../fixtures/policies/*/*.json", "../../fixtures/policies/*/*.yaml", "../../fixtures/policies/*/*.yml",
		"../*/testdata/*.json", "../*/testdata/*/*", "../../fixtures/claims/*.json",
	} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		theirs = append(theirs, m...)
	}
	n := 0
	for _, f := range theirs {
		if strings.HasSuffix(f, "aws-oidc-provider.json") || strings.HasSuffix(f, ".md") {
			continue
		}
		n++
		if idp.Detect(readFile(t, f)) {
			t.Errorf("%s is detected as an IAM OIDC provider document", f)
		}
	}
	if n < 40 {
		t.Errorf("only %d other documents checked: the globs no longer find the fixtures", n)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestProviderCheckInParallel: in a set large enough for several workers,
// every trust policy gets the same provider check as in a small set, in
// load order, whichever side of the provider document it was loaded on.
func TestProviderCheckInParallel(t *testing.T) {
	tok := policytest.FixtureToken(t, "push-main")
	role, list := readFile(t, exampleRole), readFile(t, filepath.Join(providerDocs, "list-without-github.json"))
	small := &Set{}
	small.Add(All(), "list.json", list)
	small.Add(All(), "role.json", role)
	want := small.Evaluate(tok)[1]
	if want.Verdict != policy.Deny {
		t.Fatalf("the small set: %s %s", want.Verdict, want.Summary)
	}
	big := &Set{}
	for i := range 2 * parallelFrom {
		if i == parallelFrom/2 {
			big.Add(All(), "list.json", list)
		}
		big.Add(All(), "role.json", role)
	}
	got := big.Evaluate(tok)
	if len(got) != 2*parallelFrom+1 {
		t.Fatalf("%d results", len(got))
	}
	for i, r := range got {
		if i == parallelFrom/2 {
			if r.Source != "list.json" {
				t.Fatalf("result %d is %s, want the list: load order lost", i, r.Source)
			}
			continue
		}
		if !reflect.DeepEqual(r, want) {
			t.Fatalf("result %d differs from the small set's:\n got %+v\nwant %+v", i, r, want)
		}
	}
}

// TestWhichPrincipalsAreChecked: the providers named by Allow statements
// that cover sts:AssumeRoleWithWebIdentity are checked, each once;
// statements for other actions and Deny statements are not.
func TestWhichPrincipalsAreChecked(t *testing.T) {
	const (
		acct   = "arn:aws:iam::111122223333:oidc-provider/"
		gh     = acct + "token.actions.githubusercontent.com"
		gitlab = acct + "gitlab.com"
	)
	trust := `{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Principal":{"Federated":["` + gh + `","` + gitlab + `"]},"Action":"sts:AssumeRoleWithWebIdentity",
		 "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}},
		{"Effect":"Allow","Principal":{"Federated":"` + acct + `other.example"},"Action":"sts:AssumeRole"},
		{"Effect":"Deny","Principal":{"Federated":"` + acct + `deny.example"},"Action":"sts:AssumeRoleWithWebIdentity"},
		{"Effect":"Allow","Principal":{"Federated":"` + gh + `"},"Action":"sts:*",
		 "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"nobody"}}},
		{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"aws:PrincipalAccount":"1"}}}
	]}`
	s := &Set{}
	s.Add(All(), "list.json", []byte(`{"OpenIDConnectProviderList":[{"Arn":"`+gh+`"}]}`))
	s.Add(All(), "trust.json", []byte(trust))
	if s.Failed() {
		t.Fatalf("loading: %+v", s.Failures())
	}
	res := s.Evaluate(policytest.FixtureToken(t, "push-main"))[1]
	var got []string
	for _, c := range res.Conditions {
		if c.Group == oidcprovider.Group {
			got = append(got, string(c.Result)+" "+c.Expression)
		}
	}
	want := []string{
		`pass Federated "` + gh + `" exists in the account — Statement[0] Allow`,
		`n/a Federated "` + gitlab + `" exists in the account — Statement[0] Allow`,
		`pass the provider of the token's issuer exists in the account (the principal trusts every provider) — Statement[4] Allow`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("provider checks\n got %q\nwant %q", got, want)
	}
	if res.Verdict != policy.Allow {
		t.Errorf("verdict %s: %s", res.Verdict, res.Summary)
	}
}

// TestUnreadableProviderDocumentIsAWSs: a provider document that cannot be
// read is an error result under aws, saying what it was read as and where
// it breaks.
func TestUnreadableProviderDocumentIsAWSs(t *testing.T) {
	s := &Set{}
	s.Add(All(), "idp.json", []byte(`{"Url":7,"ClientIDList":[]}`))
	f := s.Failures()
	if len(f) != 1 || f[0].Provider != policy.AWS || f[0].Verdict != policy.Error ||
		!strings.Contains(f[0].Error, "as AWS IAM OIDC provider: idp.json: malformed IAM OIDC provider document: Url at line 1, column 2") {
		t.Errorf("failures %+v", f)
	}
}
