package aws

import (
	"strings"
	"testing"
)

// Shrink keeps what the predicate needs and drops the rest.
func TestShrinkKeepsOnlyWhatDisagrees(t *testing.T) {
	big := Case{
		ID: "t/0",
		Claims: Claims{
			{"iss", One("https://" + gh)}, {"aud", One("sts.amazonaws.com")}, {"sub", One("repo:o/r:ref:refs/heads/main")},
			{"ref", One("refs/heads/main")}, {"workflow", One("CI")},
		},
		Doc: Document{Statements: []Statement{
			{Sid: "First", Effect: "Allow", Principal: Principal{Entries: []PrincipalEntry{{"Federated", Many(providerARN(gh), providerARN("x.example"))}}},
				Action: One(webIdentityAction), Conditions: []Block{
					{Op: "StringEquals", Keys: []KeyValues{{gh + ":aud", Many("sts.amazonaws.com", "other")}, {gh + ":sub", One("repo:o/r:*")}}},
					{Op: "StringLike", Keys: []KeyValues{{gh + ":workflow", Many("C?", "Ship it${?}", "x")}}},
				}},
			{Effect: "Deny", Principal: Principal{Entries: []PrincipalEntry{{"Federated", One(providerARN(gh))}}},
				Action: One(webIdentityAction), Resource: One("*"), Conditions: []Block{{Op: "Null", Keys: []KeyValues{{gh + ":environment", One("false")}}}}},
		}},
	}
	// The "disagreement": a value holding ${?} under StringLike, with a
	// workflow claim.
	keep := func(c Case) (bool, error) {
		_, hasWorkflow := c.Claims.Get("workflow")
		found := false
		eachValue(&c.Doc, func(b string) bool { return b == "StringLike" }, func(v *string) { found = found || strings.Contains(*v, "${?}") })
		return found && hasWorkflow, nil
	}
	got, err := Shrink(big, keep)
	if err != nil {
		t.Fatal(err)
	}
	doc, claims := string(mustJSON(t, got.Doc)), string(mustJSON(t, got.Claims))
	wantDoc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"` + providerARN("x.example") + `"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:workflow":"Ship it${?}"}}}]}`
	wantClaims := `{"iss":"https://token.actions.githubusercontent.com","workflow":"CI"}`
	if doc != wantDoc || claims != wantClaims {
		t.Errorf("Shrink gave\n  %s\n  %s\nwant\n  %s\n  %s", doc, claims, wantDoc, wantClaims)
	}
	if len(big.Doc.Statements) != 2 || len(big.Claims) != 5 {
		t.Errorf("Shrink changed its input")
	}
}
