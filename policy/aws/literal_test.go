package aws

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestTokenValuesGoIntoPoliciesLiterally: a suggestion or snippet built
// from a token writes the token's values so IAM reads them back as the
// same text: "${" as "${$}{" (else a policy variable), and * and ? in a
// StringLike pattern as ${*} and ${?} (else wildcards that admit look-alike
// repositories).
func TestTokenValuesGoIntoPoliciesLiterally(t *testing.T) {
	claims := func(owner string) string {
		return pushMain(`"sub":"repo:` + owner + `/re${x}po:ref:refs/heads/${?}","repository":"` + owner + `/re${x}po","repository_owner":"` + owner +
			`","ref":"refs/heads/${?}","job_workflow_ref":"` + owner + `/re${x}po/.github/workflows/d.yml@refs/heads/${?}"`)
	}
	tok := policytest.Payload(t, claims("octo*org"))
	lookalike := policytest.Payload(t, claims("octo-evil-org"))
	for _, scope := range []policy.Scope{policy.ScopeRepo, policy.ScopeRef, policy.ScopeWorkflow} {
		t.Run(string(scope), func(t *testing.T) {
			sug, err := New().Suggest(tok, scope)
			if err != nil {
				t.Fatal(err)
			}
			p := parseOne(t, sug.Document)
			if res := p.Evaluate(tok); res.Verdict != policy.Allow {
				t.Errorf("the suggestion does not allow its own token: %s\n%s", res.Summary, sug.Document)
			}
			if res := p.Evaluate(lookalike); res.Verdict != policy.Deny {
				t.Errorf("the suggestion lets the owner's * match another owner: %s\n%s", res.Summary, sug.Document)
			}
		})
	}
	for _, c := range []string{claims("octo*org"), pushMain(`"aud":["x","sts.amazonaws.com"]`), pushMain(`"aud":["sts.amazonaws.com"]`)} {
		tok := policytest.Payload(t, c)
		for _, sn := range New().Snippets(tok) {
			block := "StringEquals"
			if strings.HasPrefix(sn.Note, "ForAnyValue:StringEquals") {
				block = "ForAnyValue:StringEquals"
			}
			doc := trust(`{"` + block + `":{` + sn.Text + `}}`)
			if res := parseOne(t, doc).Evaluate(tok); res.Verdict != policy.Allow {
				t.Errorf("snippet %s in a %s block does not admit its own token: %s", sn.Text, block, res.Summary)
			}
		}
	}
}
