package aws

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const gh = "token.actions.githubusercontent.com"

// pushMain is push-main's AWS-relevant claims, with extra claims added or
// replacing those of the same name.
func pushMain(extra string) string {
	base, _ := decode.ParseJSON("base", []byte("{"+pushMainClaims+"}"))
	add, errs := decode.ParseJSON("extra", []byte("{"+extra+"}"))
	if len(errs) > 0 {
		panic(fmt.Sprint("bad test claims: ", errs))
	}
	var out decode.Value
	out.Kind = decode.Object
	for _, m := range base.Members {
		if _, replaced := add.Get(m.Key); !replaced {
			out.Members = append(out.Members, m)
		}
	}
	out.Members = append(out.Members, add.Members...)
	b, _ := out.MarshalJSON()
	return string(b)
}

// dupMain is push-main's claims with extra appended, duplicates kept.
func dupMain(extra string) string { return "{" + pushMainClaims + "," + extra + "}" }

// TestOperatorSemantics checks IAM's condition rules (reference §2.3) one
// condition at a time: the policy allows exactly when the condition holds.
func TestOperatorSemantics(t *testing.T) {
	sub := `"` + gh + `:sub"`
	aud := `"` + gh + `:aud"`
	env := `"` + gh + `:environment"`
	tests := []struct {
		name, cond, claims string
		want               policy.Verdict
	}{
		// StringEquals and friends
		{"StringEquals exact", `{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/main"}}`, "", policy.Allow},
		{"StringEquals is case-sensitive", `{"StringEquals":{` + sub + `:"repo:Octo-Org/octo-repo:ref:refs/heads/main"}}`, "", policy.Deny},
		{"values of one key are ORed", `{"StringEquals":{` + sub + `:["repo:x/y:ref:z","repo:octo-org/octo-repo:ref:refs/heads/main"]}}`, "", policy.Allow},
		{"StringEqualsIgnoreCase ignores case", `{"StringEqualsIgnoreCase":{` + sub + `:"REPO:OCTO-ORG/OCTO-REPO:REF:REFS/HEADS/MAIN"}}`, "", policy.Allow},
		{"StringNotEquals passes on another value", `{"StringNotEquals":{` + sub + `:"repo:octo-org/octo-docs:ref:refs/heads/main"}}`, "", policy.Allow},
		{"StringNotEquals is NOR over values", `{"StringNotEquals":{` + sub + `:["repo:a/b:ref:c","repo:octo-org/octo-repo:ref:refs/heads/main"]}}`, "", policy.Deny},
		{"StringNotEqualsIgnoreCase fails on a case variant", `{"StringNotEqualsIgnoreCase":{` + sub + `:"REPO:octo-org/octo-repo:ref:refs/heads/main"}}`, "", policy.Deny},
		{"StringEquals with a wildcard compares literally", `{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:*"}}`, "", policy.Deny},
		{"number value counts as text", `{"StringEquals":{"` + gh + `:repository_id":74}}`, "", policy.Allow},
		// StringLike
		{"StringLike whole string", `{"StringLike":{` + sub + `:"repo:octo-org/octo-repo:*"}}`, "", policy.Allow},
		{"StringLike is anchored", `{"StringLike":{` + sub + `:"octo-repo:*"}}`, "", policy.Deny},
		{"StringLike is case-sensitive", `{"StringLike":{` + sub + `:"repo:Octo-Org/*"}}`, "", policy.Deny},
		{"StringNotLike fails on a match", `{"StringNotLike":{` + sub + `:"*:pull_request"}}`, pushMain(`"sub":"repo:octo-org/octo-repo:pull_request"`), policy.Deny},
		{"StringNotLike passes on no match", `{"StringNotLike":{` + sub + `:"*:pull_request"}}`, "", policy.Allow},
		// keys AND, blocks AND
		{"keys are ANDed", `{"StringEquals":{` + aud + `:"sts.amazonaws.com",` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/dev"}}`, "", policy.Deny},
		{"operator blocks are ANDed", `{"StringEquals":{` + aud + `:"sts.amazonaws.com"},"StringLike":{` + sub + `:"repo:octo-org/other:*"}}`, "", policy.Deny},
		{"all blocks pass", `{"StringEquals":{` + aud + `:"sts.amazonaws.com"},"StringLike":{` + sub + `:"repo:octo-org/octo-repo:*"}}`, "", policy.Allow},
		// missing keys
		{"missing key: StringEquals false", `{"StringEquals":{` + env + `:"prod"}}`, "", policy.Deny},
		{"missing key: StringNotEquals true", `{"StringNotEquals":{` + env + `:"prod"}}`, "", policy.Allow},
		{"missing key: StringNotLike true", `{"StringNotLike":{` + env + `:"prod*"}}`, "", policy.Allow},
		{"missing key: IfExists true", `{"StringEqualsIfExists":{` + env + `:"prod"}}`, "", policy.Allow},
		{"present key: IfExists compares", `{"StringEqualsIfExists":{` + env + `:"prod"}}`, pushMain(`"environment":"staging"`), policy.Deny},
		{"present key: StringLikeIfExists matches", `{"StringLikeIfExists":{` + env + `:"pro?"}}`, pushMain(`"environment":"prod"`), policy.Allow},
		{"Null true: absent key passes", `{"Null":{` + env + `:"true"}}`, "", policy.Allow},
		{"Null true: present key fails", `{"Null":{` + sub + `:"true"}}`, "", policy.Deny},
		{"Null false: present key passes", `{"Null":{` + sub + `:false}}`, "", policy.Allow},
		{"Null false: absent key fails", `{"Null":{` + env + `:"false"}}`, "", policy.Deny},
		{"Bool compares true/false", `{"Bool":{` + env + `:true}}`, pushMain(`"environment":"true"`), policy.Allow},
		{"Bool on a non-boolean value fails", `{"Bool":{` + env + `:"true"}}`, pushMain(`"environment":"prod"`), policy.Deny},
		// set operators
		{"ForAllValues on a missing key is true", `{"ForAllValues:StringEquals":{` + env + `:"prod"}}`, "", policy.Allow},
		{"ForAnyValue on a missing key is false", `{"ForAnyValue:StringEquals":{` + env + `:"prod"}}`, "", policy.Deny},
		{"ForAnyValue over an array aud", `{"ForAnyValue:StringEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Allow},
		{"ForAllValues over an array aud: every element must match", `{"ForAllValues:StringEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Deny},
		{"ForAllValues over an array aud: all covered", `{"ForAllValues:StringEquals":{` + aud + `:["x","sts.amazonaws.com"]}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Allow},
		{"ForAllValues over an empty array is true", `{"ForAllValues:StringEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":[]`), policy.Allow},
		{"ForAnyValue:StringNotEquals: some element matches none", `{"ForAnyValue:StringNotEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Allow},
		{"ForAllValues:StringNotEquals: an element matches", `{"ForAllValues:StringNotEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Deny},
		// single-valued operators over an array aud: a multivalued key needs
		// a set operator (TestArrayAudNeedsSetOperator)
		{"StringEquals over an array aud fails", `{"StringEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Deny},
		{"StringNotEquals over an array aud fails", `{"StringNotEquals":{` + aud + `:"sts.amazonaws.com"}}`, pushMain(`"aud":["x","sts.amazonaws.com"]`), policy.Deny},
		// keys
		{"condition key names are case-insensitive", `{"StringEquals":{"Token.Actions.GitHubUserContent.com:SUB":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`, "", policy.Allow},
		{"2026 key repository_id is evaluated", `{"StringEquals":{"` + gh + `:repository_id":"74","` + gh + `:ref":"refs/heads/main","` + gh + `:actor":"octocat"}}`, "", policy.Allow},
		{"2026 key environment is evaluated", `{"StringEquals":{` + env + `:"prod"}}`, pushMain(`"environment":"prod"`), policy.Allow},
		{"key of another issuer is missing", `{"StringEquals":{"` + gh + `/avocado-corp:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`, "", policy.Deny},
		{"key of another issuer: negated passes", `{"StringNotEquals":{"` + gh + `/avocado-corp:sub":"x"}}`, "", policy.Allow},
		{"key AWS does not evaluate is missing", `{"StringEquals":{"` + gh + `:repository_owner":"octo-org"}}`, "", policy.Deny},
		{"unevaluated key: negated passes", `{"StringNotEquals":{"` + gh + `:repository_owner":"evil"}}`, "", policy.Allow},
		{"repository_owner_id is evaluated", `{"StringEquals":{"` + gh + `:repository_owner_id":"65"}}`, "", policy.Allow},
		{"runner_environment is not evaluated", `{"StringEquals":{"` + gh + `:runner_environment":"github-hosted"}}`, pushMain(`"runner_environment":"github-hosted"`), policy.Deny},
		{"request-context key is n/a and assumed to hold", `{"StringLike":{` + sub + `:"repo:octo-org/*"},"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, "", policy.Allow},
		// hostile tokens
		{"duplicated claim fails", `{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:refs/heads/main"}}`, dupMain(`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main"`), policy.Deny},
		{"duplicated claim fails a negated operator too", `{"StringNotEquals":{` + sub + `:"x"}}`, dupMain(`"sub":"repo:octo-org/octo-repo:ref:refs/heads/main"`), policy.Deny},
		{"object claim fails", `{"StringNotEquals":{"` + gh + `:ref":"x"}}`, `{"iss":"https://token.actions.githubusercontent.com","ref":{"a":1}}`, policy.Deny},
		{"number claim compares as text", `{"StringEquals":{"` + gh + `:repository_id":"74"}}`, `{"iss":"https://token.actions.githubusercontent.com","repository_id":74}`, policy.Allow},
		{"null claim counts as missing", `{"Null":{"` + gh + `:ref":"true"}}`, `{"iss":"https://token.actions.githubusercontent.com","ref":null}`, policy.Allow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims := tt.claims
			if claims == "" {
				claims = pushMain("")
			}
			res := parseOne(t, trust(tt.cond)).Evaluate(policytest.Payload(t, claims))
			if res.Verdict != tt.want {
				t.Errorf("verdict %s, want %s\nsummary: %s\nconditions: %+v", res.Verdict, tt.want, res.Summary, res.Conditions)
			}
		})
	}
}

// TestStatements checks principal, action, Effect and how statements combine.
func TestStatements(t *testing.T) {
	ours := `{"Federated":"arn:aws:iam::111122223333:oidc-provider/` + gh + `"}`
	subOK := `{"StringEquals":{"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`
	subBad := `{"StringEquals":{"` + gh + `:sub":"repo:octo-org/nope:ref:refs/heads/main"}}`
	stmt := func(effect, principal, action, cond string) string {
		s := `{"Effect":"` + effect + `","Principal":` + principal + `,` + action
		if cond != "" {
			s += `,"Condition":` + cond
		}
		return s + "}"
	}
	act := `"Action":"sts:AssumeRoleWithWebIdentity"`
	doc := func(stmts ...string) string {
		return `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
	}
	tests := []struct {
		name, doc string
		want      policy.Verdict
		summary   string
	}{
		{"single Allow", doc(stmt("Allow", ours, act, subOK)), policy.Allow, "allowed by Statement[0]"},
		{"Statement as a single object", `{"Version":"2012-10-17","Statement":` + stmt("Allow", ours, act, subOK) + `}`, policy.Allow, "allowed"},
		{"matching Deny overrides Allow", doc(stmt("Allow", ours, act, subOK), stmt("Deny", ours, act, subOK)), policy.Deny, "denied by Statement[1]"},
		{"Deny whose condition fails does not apply", doc(stmt("Allow", ours, act, subOK), stmt("Deny", ours, act, subBad)), policy.Allow, "allowed by Statement[0]"},
		{"one of two Allows suffices", doc(stmt("Allow", ours, act, subBad), stmt("Allow", ours, act, subOK)), policy.Allow, "allowed by Statement[1]"},
		{"only Deny statements", doc(stmt("Deny", ours, act, subBad)), policy.Deny, "no Allow statement"},
		{"principal *", doc(stmt("Allow", `"*"`, act, subOK)), policy.Allow, "allowed"},
		{"principal AWS *", doc(stmt("Allow", `{"AWS":"*"}`, act, subOK)), policy.Allow, "allowed"},
		{"principal Federated *", doc(stmt("Allow", `{"Federated":"*"}`, act, subOK)), policy.Allow, "allowed"},
		{"placeholder account id", doc(stmt("Allow", `{"Federated":"arn:aws:iam::<ACCOUNT_ID>:oidc-provider/`+gh+`"}`, act, subOK)), policy.Allow, "allowed"},
		{"other partition", doc(stmt("Allow", `{"Federated":"arn:aws-us-gov:iam::123456789012:oidc-provider/`+gh+`"}`, act, subOK)), policy.Allow, "allowed"},
		{"one of several federated principals", doc(stmt("Allow", `{"Federated":["arn:aws:iam::1:oidc-provider/gitlab.com","arn:aws:iam::1:oidc-provider/`+gh+`"]}`, act, subOK)), policy.Allow, "allowed"},
		{"other OIDC provider", doc(stmt("Allow", `{"Federated":"arn:aws:iam::1:oidc-provider/gitlab.com"}`, act, subOK)), policy.Deny, "oidc-provider/" + gh},
		{"provider path compared exactly", doc(stmt("Allow", `{"Federated":"arn:aws:iam::1:oidc-provider/`+gh+`/"}`, act, subOK)), policy.Deny, "does not apply"},
		{"service principal", doc(stmt("Allow", `{"Service":"ec2.amazonaws.com"}`, `"Action":"sts:AssumeRole"`, "")), policy.Deny, "not an OIDC provider"},
		{"action sts:*", doc(stmt("Allow", ours, `"Action":"sts:*"`, subOK)), policy.Allow, "allowed"},
		{"action *", doc(stmt("Allow", ours, `"Action":"*"`, subOK)), policy.Allow, "allowed"},
		{"action case-insensitive", doc(stmt("Allow", ours, `"Action":"STS:assumerolewithwebidentity"`, subOK)), policy.Allow, "allowed"},
		{"action wildcard prefix", doc(stmt("Allow", ours, `"Action":["sts:TagSession","sts:AssumeRole*"]`, subOK)), policy.Allow, "allowed"},
		{"action AssumeRole only", doc(stmt("Allow", ours, `"Action":"sts:AssumeRole"`, subOK)), policy.Deny, "does not include sts:AssumeRoleWithWebIdentity"},
		{"NotAction excluding another action", doc(stmt("Allow", ours, `"NotAction":"sts:AssumeRole"`, subOK)), policy.Allow, "allowed"},
		{"NotAction excluding ours", doc(stmt("Allow", ours, `"NotAction":"sts:*"`, subOK)), policy.Deny, "NotAction excludes"},
		{"NotPrincipal is an error", doc(`{"Effect":"Allow","NotPrincipal":` + ours + `,` + act + `}`), policy.Error, "NotPrincipal"},
		{"invalid Effect is an error", doc(stmt("allow", ours, act, subOK)), policy.Error, `Effect must be "Allow" or "Deny"`},
		{"missing Action is an error", doc(`{"Effect":"Allow","Principal":` + ours + `}`), policy.Error, "has no Action"},
		{"unknown operator is an error", doc(stmt("Allow", ours, act, `{"StringEqualz":{"`+gh+`:sub":"x"}}`)), policy.Error, "not an AWS condition operator"},
		{"numeric operator on a token key is an error", doc(stmt("Allow", ours, act, `{"NumericEquals":{"`+gh+`:repository_id":"74"}}`)), policy.Error, "does not evaluate NumericEquals"},
		{"Null with a non-boolean is an error", doc(stmt("Allow", ours, act, `{"Null":{"`+gh+`:environment":"maybe"}}`)), policy.Error, "takes true or false"},
		{"empty value list is an error", doc(stmt("Allow", ours, act, `{"StringEquals":{"`+gh+`:sub":[]}}`)), policy.Error, "empty list of values"},
		{"object value is an error", doc(stmt("Allow", ours, act, `{"StringEquals":{"`+gh+`:sub":{"a":"b"}}}`)), policy.Error, "must be strings"},
	}
	tok := policytest.Payload(t, pushMain(""))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := parseOne(t, tt.doc).Evaluate(tok)
			if res.Verdict != tt.want {
				t.Errorf("verdict %s, want %s\nsummary: %s\nerror: %s", res.Verdict, tt.want, res.Summary, res.Error)
			}
			if !strings.Contains(res.Summary+" "+res.Error, tt.summary) {
				t.Errorf("summary/error should mention %q:\nsummary: %s\nerror: %s", tt.summary, res.Summary, res.Error)
			}
		})
	}
}

// TestNotApplicableStatements: a statement for another principal has its
// conditions marked n/a, and says why.
func TestNotApplicableStatements(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":[
	 {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/gitlab.example.com"},"Action":"sts:AssumeRoleWithWebIdentity",
	  "Condition":{"StringEquals":{"gitlab.example.com:sub":"project_path:g/p:ref_type:branch:ref:main"}}},
	 {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + gh + `"},"Action":"sts:AssumeRoleWithWebIdentity",
	  "Condition":{"StringEquals":{"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}}]}`
	res := parseOne(t, doc).Evaluate(policytest.Payload(t, pushMain("")))
	if res.Verdict != policy.Allow {
		t.Fatalf("verdict %s (%s), want allow by the second statement", res.Verdict, res.Summary)
	}
	c := policytest.ConditionWith(t, res, "gitlab.example.com:sub")
	if c.Result != policy.NotApplied || !strings.Contains(joined(c.Diagnosis), "does not apply to this token") {
		t.Errorf("condition of the GitLab statement: %s %q, want n/a saying the statement does not apply", c.Result, c.Diagnosis)
	}
	p := policytest.ConditionWith(t, res, "gitlab.example.com\"}")
	if p.Result != policy.NotApplied {
		t.Errorf("the GitLab principal did not decide the verdict; want n/a, got %s", p.Result)
	}
	ctx := parseOne(t, trust(`{"StringLike":{"`+gh+`:sub":"repo:octo-org/*"},"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}`)).Evaluate(policytest.Payload(t, pushMain("")))
	cc := policytest.ConditionWith(t, ctx, "aws:CurrentTime")
	if cc.Result != policy.NotApplied || !strings.Contains(joined(cc.Diagnosis), "request-context key") {
		t.Errorf("aws:CurrentTime condition: %s %q, want n/a with a note", cc.Result, cc.Diagnosis)
	}
	if !strings.Contains(ctx.Summary, "assuming") {
		t.Errorf("summary should say the context condition is assumed to hold: %s", ctx.Summary)
	}
}

// TestListWithBrokenRole: one unreadable role does not hide the others.
func TestListWithBrokenRole(t *testing.T) {
	good := trust(`{"StringEquals":{"` + gh + `:sub":"repo:octo-org/octo-repo:ref:refs/heads/main"}}`)
	doc := `{"Roles":[
	  {"RoleName":"good","Arn":"arn:aws:iam::1:role/good","AssumeRolePolicyDocument":` + good + `},
	  {"RoleName":"typo","Arn":"arn:aws:iam::1:role/typo","AssumeRolePolicyDocument":` + trust(`{"StringEqualz":{"`+gh+`:sub":"x"}}`) + `},
	  {"RoleName":"garbled","AssumeRolePolicyDocument":"%7B%22Version%22%3A"},
	  {"RoleName":"nodoc"},
	  7]}`
	pols, err := New().Parse("roles.json", []byte(doc))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := []struct {
		source, name string
		verdict      policy.Verdict
		msg          string
	}{
		{"roles.json#0", "arn:aws:iam::1:role/good", policy.Allow, ""},
		{"roles.json#1", "arn:aws:iam::1:role/typo", policy.Error, "StringEqualz"},
		{"roles.json#2", "garbled", policy.Error, "Roles[2].AssumeRolePolicyDocument is not JSON"},
		{"roles.json#3", "nodoc", policy.Error, "has no AssumeRolePolicyDocument"},
		{"roles.json#4", "Roles[4]", policy.Error, "not a role object"},
	}
	if len(pols) != len(want) {
		t.Fatalf("got %d policies, want %d", len(pols), len(want))
	}
	tok := policytest.Payload(t, pushMain(""))
	for i, w := range want {
		res := pols[i].Evaluate(tok)
		if res.Source != w.source || res.Name != w.name || res.Verdict != w.verdict || !strings.Contains(res.Error, w.msg) {
			t.Errorf("role %d: source %q name %q verdict %s error %q; want %q %q %s containing %q", i, res.Source, res.Name, res.Verdict, res.Error, w.source, w.name, w.verdict, w.msg)
		}
		if res.Conditions == nil || res.Lint == nil {
			t.Errorf("role %d: Conditions and Lint must be non-nil (JSON [] not null)", i)
		}
	}
}
