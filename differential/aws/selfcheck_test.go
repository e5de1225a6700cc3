package aws

import (
	"fmt"
	"strings"
	"testing"
)

// The self-check: cases whose answer AWS documents. If the simulator, as
// the harness drives it, answers one of them differently, the harness (its
// entry point, its request context) is broken and no agreement figure means
// anything.

const gh = "token.actions.githubusercontent.com"

// selfCheckClaims is a push to main of octo-org/octo-repo with no
// environment.
func selfCheckClaims() Claims {
	return Claims{
		{"iss", One("https://" + gh)},
		{"aud", One("sts.amazonaws.com")},
		{"sub", One("repo:octo-org/octo-repo:ref:refs/heads/main")},
		{"repository", One("octo-org/octo-repo")},
		{"ref", One("refs/heads/main")},
		{"workflow_ref", One("octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main")},
	}
}

// trusting is a statement trusting GitHub's provider with conditions.
func trusting(effect string, blocks ...Block) Statement {
	return Statement{Effect: effect, Principal: Principal{Entries: []PrincipalEntry{{"Federated", One(providerARN(gh))}}},
		Action: One(webIdentityAction), Conditions: blocks}
}

func cond(op, claim string, values ...string) Block {
	key := claim
	if !strings.Contains(claim, ":") {
		key = gh + ":" + claim
	}
	vs := One(values[0])
	if len(values) > 1 {
		vs = Many(values...)
	}
	return Block{Op: op, Keys: []KeyValues{{key, vs}}}
}

func audOK() Block { return cond("StringEquals", "aud", "sts.amazonaws.com") }

type selfCheck struct {
	name   string
	doc    Document
	want   string // Allowed, ImplicitlyDenied or ExplicitlyDenied
	source string
}

func allowOnly(blocks ...Block) Document {
	return Document{Statements: []Statement{trusting("Allow", append([]Block{audOK()}, blocks...)...)}}
}

func selfChecks() []selfCheck {
	subMain := cond("StringEquals", "sub", "repo:octo-org/octo-repo:ref:refs/heads/main")
	// missing: the token has no environment claim.
	missing := func(op string, want string, values ...string) selfCheck {
		return selfCheck{
			name: fmt.Sprintf("%s on a missing key", op), doc: allowOnly(subMain, cond(op, "environment", values...)), want: want,
			source: docOperators + " (a key missing from the request: false, true for negated operators; …IfExists and Null) and " + docMultiValued,
		}
	}
	return []selfCheck{
		{"aud and sub match", allowOnly(subMain), "Allowed", "GitHub and AWS examples (reference §2.5)"},
		{"another repository's sub", allowOnly(cond("StringEquals", "sub", "repo:octo-org/other:ref:refs/heads/main")), "ImplicitlyDenied", docEvaluation + " (no Allow applies: implicit deny)"},
		{"StringEquals is case-sensitive", allowOnly(cond("StringEquals", "sub", "repo:Octo-Org/octo-repo:ref:refs/heads/main")), "ImplicitlyDenied", docOperators + " (StringEquals: exact matching, case sensitive)"},
		{"StringEqualsIgnoreCase ignores case", allowOnly(cond("StringEqualsIgnoreCase", "sub", "REPO:OCTO-ORG/OCTO-REPO:REF:REFS/HEADS/MAIN")), "Allowed", docOperators},
		{"StringLike * spans / and :", allowOnly(cond("StringLike", "sub", "repo:octo-org/*")), "Allowed", docOperators + " (* matches any run of characters)"},
		{"StringLike ? is one character", allowOnly(cond("StringLike", "sub", "repo:octo-org/octo-rep?:ref:refs/heads/main")), "Allowed", docOperators},
		{"StringLike ? is not two", allowOnly(cond("StringLike", "sub", "repo:octo-org/octo-re?:ref:refs/heads/main")), "ImplicitlyDenied", docOperators},
		{"StringLike matches the whole value", allowOnly(cond("StringLike", "sub", "repo:octo-org/octo-repo")), "ImplicitlyDenied", docOperators},
		{"a GitHub key the validated entry point drops is evaluated", allowOnly(subMain, cond("StringEquals", "repository", "octo-org/octo-repo")), "Allowed", docWIFKeys + " (GitHub tab: repository)"},
		{"a GitHub key's value is compared", allowOnly(subMain, cond("StringEquals", "repository", "octo-org/other")), "ImplicitlyDenied", docWIFKeys},
		{"a claim AWS does not evaluate is a missing key", allowOnly(subMain, cond("StringLike", "workflow_ref", "*")), "ImplicitlyDenied", docWIFKeys + " (workflow_ref is on no tab)"},
		{"condition key names ignore case", allowOnly(cond("StringEquals", "Token.Actions.GitHubUserContent.com:SUB", "repo:octo-org/octo-repo:ref:refs/heads/main")), "Allowed", docCondition + " (condition key names are not case-sensitive)"},
		{"explicit Deny wins over Allow", Document{Statements: []Statement{trusting("Allow", audOK(), subMain), trusting("Deny", cond("StringLike", "ref", "refs/heads/*"))}}, "ExplicitlyDenied", docEvaluation + " (an explicit deny overrides any allow)"},
		{"a Deny whose condition fails does not apply", Document{Statements: []Statement{trusting("Allow", audOK(), subMain), trusting("Deny", cond("StringLike", "ref", "refs/tags/*"))}}, "Allowed", docEvaluation},
		{"a Deny on StringNotEquals of a missing key applies", Document{Statements: []Statement{trusting("Allow", audOK(), subMain), trusting("Deny", cond("StringNotEquals", "environment", "prod"))}}, "ExplicitlyDenied", docOperators},
		{"another provider's principal", Document{Statements: []Statement{{Effect: "Allow", Principal: Principal{Entries: []PrincipalEntry{{"Federated", One(providerARN("accounts.google.com"))}}}, Action: One(webIdentityAction), Conditions: []Block{subMain}}}}, "ImplicitlyDenied", docPrincipal},
		{"an action that is not AssumeRoleWithWebIdentity", Document{Statements: []Statement{{Effect: "Allow", Principal: Principal{Entries: []PrincipalEntry{{"Federated", One(providerARN(gh))}}}, Action: One("sts:AssumeRole"), Conditions: []Block{subMain}}}}, "ImplicitlyDenied", docEvaluation},
		missing("StringEquals", "ImplicitlyDenied", "prod"),
		missing("StringLike", "ImplicitlyDenied", "*"),
		missing("StringEqualsIgnoreCase", "ImplicitlyDenied", "prod"),
		missing("StringNotEquals", "Allowed", "prod"),
		missing("StringNotLike", "Allowed", "prod*"),
		missing("StringNotEqualsIgnoreCase", "Allowed", "prod"),
		missing("StringEqualsIfExists", "Allowed", "prod"),
		missing("StringLikeIfExists", "Allowed", "prod*"),
		missing("Null", "Allowed", "true"),
		missing("Null", "ImplicitlyDenied", "false"),
		missing("ForAllValues:StringEquals", "Allowed", "prod"),
		missing("ForAnyValue:StringEquals", "ImplicitlyDenied", "prod"),
		{"Null false on a present key", allowOnly(subMain, cond("Null", "sub", "false")), "Allowed", docOperators},
		{"IfExists on a present key compares", allowOnly(subMain, cond("StringEqualsIfExists", "ref", "refs/heads/dev")), "ImplicitlyDenied", docOperators},
	}
}

// runSelfCheck returns one line per self-check case the simulator gets
// wrong.
func runSelfCheck(j Judge) ([]string, error) {
	checks := selfChecks()
	cases := make([]Case, len(checks))
	for i, sc := range checks {
		cases[i] = Case{ID: "self-check/" + sc.name, Claims: selfCheckClaims(), Doc: sc.doc}
	}
	answers, err := j.Sim.Eval(cases, false)
	if err != nil {
		return nil, err
	}
	var bad []string
	for i, sc := range checks {
		if a := answers[i]; a.Decision != sc.want || len(a.Invalid) > 0 {
			doc, _ := marshal(sc.doc)
			bad = append(bad, fmt.Sprintf("%s: simulator %s (invalid: %q), AWS documents %s (%s); policy %s", sc.name, a.Decision, a.Invalid, sc.want, sc.source, doc))
		}
	}
	return bad, nil
}

// requireSelfCheck stops a test when the simulator fails the self-check.
func requireSelfCheck(t *testing.T, j Judge) {
	t.Helper()
	bad, err := runSelfCheck(j)
	if err != nil {
		t.Fatalf("simulator self-check could not run: %v", err)
	}
	if len(bad) > 0 {
		t.Fatalf("the simulator contradicts AWS's documentation on %d self-check case(s): the harness is broken, no agreement figure is meaningful:\n  %s", len(bad), strings.Join(bad, "\n  "))
	}
}

func TestSimulatorSelfCheck(t *testing.T) {
	j := startJudge(t)
	requireSelfCheck(t, j)
	t.Logf("the simulator answers all %d documented self-check cases as AWS documents them", len(selfChecks()))
}
