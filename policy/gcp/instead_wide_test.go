package gcp

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// ownerTerm is a condition term that pins the owner (by name or ID) or the
// enterprise: alone, every repository of it.
var ownerTerm = regexp.MustCompile(`assertion\.(repository_owner(_id)?|enterprise_id) ==`)

// otherProviderAud is the default audience of a provider of the fixtures'
// pool other than any fixture's: the workflow asked for another provider.
const otherProviderAud = "https://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/someone-else"

// TestInsteadNeverWiderThanTheRepository: over every fixture provider,
// crafted ones and every static token, the whole block "Conditions this
// token satisfies instead" (the token's snippets and the fixes) holds no
// owner-wide member, no owner term but next to the repository's ID, and,
// when the token's aud names another Google Cloud provider, no audience
// snippet: that refusal is the workflow's to undo. An aud naming this
// provider, which oidc.allowedAudiences leaves out, still gets one.
func TestInsteadNeverWiderThanTheRepository(t *testing.T) {
	pols := fixtureProviders(t)
	mapping := `"attributeMapping": {"google.subject": "assertion.sub", "attribute.repository_owner_id": "assertion.repository_owner_id"}`
	for _, fields := range []string{
		`"attributeCondition": "has(assertion.environment) && assertion.environment == 'prod' && assertion.repository_owner == 'octo-org'", ` + mapping,
		`"attributeCondition": "assertion.repository_owner == 'octo-org' && assertion.ref == 'refs/heads/release'", ` + mapping,
		`"attributeCondition": "assertion.repository_owner_id == '66'", ` + mapping,
		`"attributeCondition": "assertion.repository_owner_id == '65' && assertion.environment == 'prod'", ` + mapping + `, "oidcscopeMembers": ["` + prodMember + `"]`,
		`"attributeCondition": "assertion.enterprise_id == '999'", ` + mapping,
	} {
		pols = append(pols, parseOne(t, providerDoc(fields)))
	}
	toks := map[string]policy.Token{
		"push-main without repository_id":   with(t, "push-main", map[string]any{"repository_id": nil}),
		"push-main for this provider":       with(t, "push-main", map[string]any{"aud": refAud}),
		"push-main for another provider":    with(t, "push-main", map[string]any{"aud": otherProviderAud}),
		"pull-request for another provider": with(t, "pull-request", map[string]any{"aud": otherProviderAud}),
	}
	for _, name := range insteadTokens {
		toks[name] = fixtureToken(t, name)
	}
	for _, pol := range pols {
		for name, tok := range toks {
			r := pol.Evaluate(tok)
			block := insteadBlock(r, tok)
			id, _ := tok.String("repository_id")
			owners, pinned := 0, false
			for _, sn := range block {
				switch {
				case ownerWide.MatchString(sn.Text):
					t.Errorf("%s/%s: owner-wide member in the block: %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				case ownerTerm.MatchString(sn.Text):
					owners++
				case sn.Text == "assertion.repository_id == '"+id+"'":
					pinned = true
				}
				if strings.HasPrefix(sn.Text, "assertion.repository_owner ==") {
					t.Errorf("%s/%s: the owner's name in the block: %s", pol.Source(), name, sn.Text)
				}
				if sn.Claim == "aud" && strings.HasSuffix(name, "another provider") {
					t.Errorf("%s/%s: the token's aud names another provider, yet the block offers %s (%s)", pol.Source(), name, sn.Text, sn.Note)
				}
			}
			// The owner's terms left out, a condition that reads the owner
			// gets the repository's ID in their place.
			if ownerCondition(r) && gcpDigits(id) && !pinned {
				t.Errorf("%s/%s: the failing condition reads the owner, the block does not pin the repository: %+v", pol.Source(), name, block)
			}
			if owners > 0 && !pinned {
				t.Errorf("%s/%s: an owner's or enterprise's term without the repository's ID: %+v", pol.Source(), name, block)
			}
		}
	}
	// The audience of this very provider, left out of a list that is set,
	// is the document's to change.
	pol := parseOne(t, `{"name": "`+referenceProvider+`", "oidc": {"issuerUri": "`+ghIssuer+`", "allowedAudiences": ["my-audience"]}, "attributeCondition": "assertion.repository_id == '74'", "attributeMapping": {"google.subject": "assertion.sub"}}`)
	tok := toks["push-main for this provider"]
	found := false
	for _, sn := range insteadBlock(pol.Evaluate(tok), tok) {
		found = found || sn.Text == `"allowedAudiences": []`
	}
	if !found {
		t.Errorf("no audience snippet for this provider's own default audience: %+v", insteadBlock(pol.Evaluate(tok), tok))
	}
}

// ownerCondition reports whether r's attributeCondition fails and reads an
// owner claim.
func ownerCondition(r policy.Result) bool {
	for _, c := range r.Conditions {
		if strings.HasPrefix(c.Expression, "attributeCondition: ") && refused(c) && !c.TokenSide &&
			slices.ContainsFunc(c.Claims, func(claim string) bool { return ownerTerm.MatchString("assertion." + claim + " ==") }) {
			return true
		}
	}
	return false
}

func gcpDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// fixtureProviders are the providers of every fixture document.
func fixtureProviders(t *testing.T) []policy.Policy {
	t.Helper()
	var pols []policy.Policy
	for _, f := range []string{"no-condition.json", "octo-repo-main.json", "octo-repo-prod.json", "owner-by-name.json", "reference-hardened.json", "sub-ref-instead-of-environment.json", "subject-too-long.yaml", "providers-list.json", "iam-policy.json"} {
		p, err := New().Parse(f, readFixture(t, f))
		if err != nil {
			t.Fatal(err)
		}
		pols = append(pols, p...)
	}
	return pols
}
