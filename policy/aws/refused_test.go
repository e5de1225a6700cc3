package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestTrustPolicyFieldsIAMRefuses: IAM does not store a trust policy with
// a Resource or NotResource element ("MalformedPolicyDocument: Has
// prohibited field Resource", as CreateRole answers) or with an action
// that has no service prefix or more than one colon; such a document is an
// error, not an allow or a deny, and the error quotes IAM.
func TestTrustPolicyFieldsIAMRefuses(t *testing.T) {
	ours := `"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/` + gh + `"}`
	doc := func(stmt string) string {
		return `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` + ours + `,` + stmt + `}]}`
	}
	tests := []struct {
		name, doc, msg string
	}{
		{"Resource", doc(`"Action":"sts:AssumeRoleWithWebIdentity","Resource":"*"`), "MalformedPolicyDocument: Has prohibited field Resource"},
		{"NotResource", doc(`"Action":"sts:AssumeRoleWithWebIdentity","NotResource":"arn:aws:s3:::x"`), "MalformedPolicyDocument: Has prohibited field NotResource"},
		{"action without a service prefix", doc(`"Action":"AssumeRoleWithWebIdentity"`), "MalformedPolicyDocument: Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc."},
		{"one of several actions without a prefix", doc(`"Action":["sts:AssumeRoleWithWebIdentity","TagSession"]`), "must be prefaced by a vendor"},
		{"NotAction without a service prefix", doc(`"NotAction":"AssumeRole"`), "must be prefaced by a vendor"},
		{"action with two colons", doc(`"Action":"sts:AssumeRoleWithWebIdentity:x"`), "MalformedPolicyDocument: Actions/Condition can contain only one colon."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := parseOne(t, tc.doc).Evaluate(policyToken(t))
			if res.Verdict != policy.Error || !strings.Contains(res.Error, tc.msg) {
				t.Errorf("verdict %s, error %q; want error quoting %q", res.Verdict, res.Error, tc.msg)
			}
		})
	}
	for _, ok := range []string{`"Action":"*"`, `"Action":"sts:*"`, `"Action":"STS:AssumeRole*"`} {
		if res := parseOne(t, doc(ok)).Evaluate(policyToken(t)); res.Verdict != policy.Allow {
			t.Errorf("%s: verdict %s (%s), want allow", ok, res.Verdict, res.Error)
		}
	}
}

// TestFederatedWildcardIsUndocumented: AWS does not document
// {"Federated": "*"}; oidcscope reads it as every identity provider (AWS's
// IAM Access Analyzer samples do) and the principal's diagnosis names the
// other reading.
func TestFederatedWildcardIsUndocumented(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"*"},"Action":"sts:AssumeRoleWithWebIdentity"}]}`
	checkVerdicts(t, []verdictCase{
		{name: "Federated *", doc: doc, want: policy.Allow, expr: "Principal", diag: []string{`AWS does not document {"Federated": "*"}`, "would not apply"}},
		{name: "Principal * needs no note", doc: strings.Replace(doc, `{"Federated":"*"}`, `"*"`, 1), want: policy.Allow, expr: "Principal", not: []string{"does not document"}},
	})
}
