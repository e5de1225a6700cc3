package gcp

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// insteadTokens are the static tokens the fixture table uses.
var insteadTokens = []string{"push-main", "other-repo", "environment-prod", "pull-request", "immutable-sub", "enterprise", "reusable-workflow", "custom-sub", "self-hosted"}

// TestInsteadLetsTheTokenIn: for every fixture provider that refuses a
// static token, the block "Conditions this token satisfies instead",
// applied to the provider as a user would paste it (mapping entries set,
// mapping replaced, issuer set, state restored, members added, the
// condition set to its terms joined with &&), gives a provider that
// allows the token. The block is what report/view shows: the token's
// snippets for the claims the failing conditions read, plus the
// provider's own Fixes.
func TestInsteadLetsTheTokenIn(t *testing.T) {
	files, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if ext := filepath.Ext(f.Name()); ext != ".json" && ext != ".yaml" {
			continue
		}
		data := readFixture(t, f.Name())
		pols, err := New().Parse(f.Name(), data)
		if err != nil {
			t.Fatal(err)
		}
		for i, pol := range pols {
			for _, name := range insteadTokens {
				tok := fixtureToken(t, name)
				r := pol.Evaluate(tok)
				if r.Verdict == policy.Allow {
					continue
				}
				t.Run(pol.Source()+"/"+name, func(t *testing.T) {
					block := insteadBlock(r, tok)
					doc := applyBlock(t, data, i, len(pols), pol.(*gcpPolicy), block)
					// The audience is the workflow's choice (it requests the
					// token for a provider); listing another provider's
					// audience in oidc.allowedAudiences is what the lint warns
					// about. So the audience is set aside: the token is taken
					// as requested with an audience the provider accepts.
					if a := audienceCondition(r); a != nil && a.Result != policy.Pass && len(a.Expected) > 0 {
						tok = with(t, name, map[string]any{"aud": a.Expected[0]})
					}
					got := parseOne(t, doc).Evaluate(tok)
					if got.Verdict != policy.Allow {
						var texts []string
						for _, sn := range block {
							texts = append(texts, sn.Claim+": "+sn.Text)
						}
						t.Errorf("%s: %s\nafter applying the block\n  %s\nthe provider\n%s\nstill says %s: %s", r.Verdict, r.Summary, strings.Join(texts, "\n  "), doc, got.Verdict, got.Summary)
					}
				})
			}
		}
	}
}

func audienceCondition(r policy.Result) *policy.Condition {
	for i, c := range r.Conditions {
		if slices.Equal(c.Claims, []string{"aud"}) {
			return &r.Conditions[i]
		}
	}
	return nil
}

// insteadBlock is report/view's InsteadSnippets for a provider result:
// Result.Instead over the token's snippets for the claims it has.
func insteadBlock(r policy.Result, tok policy.Token) []policy.Snippet {
	return policytest.InsteadBlock(r, tok, gcpinfo.Snippets(tok))
}

// applyBlock pastes block into the index-th provider of a fixture and
// returns that provider (with its members) as one JSON document.
func applyBlock(t *testing.T, data []byte, index, count int, p *gcpPolicy, block []policy.Snippet) string {
	t.Helper()
	j, err := yaml.YAMLToJSON(data)
	if err != nil {
		t.Fatal(err)
	}
	var root any
	if err := json.Unmarshal(j, &root); err != nil {
		t.Fatal(err)
	}
	var prov map[string]any
	var members []any
	switch v := root.(type) {
	case []any:
		prov = v[index].(map[string]any)
	case map[string]any:
		prov = v
		if inner, ok := v["provider"].(map[string]any); ok {
			prov = inner
		}
	}
	for _, m := range p.members {
		members = append(members, m.ref.text)
	}
	mapping, _ := prov["attributeMapping"].(map[string]any)
	if mapping == nil {
		mapping = map[string]any{}
	}
	oidc, _ := prov["oidc"].(map[string]any)
	var terms []string
	unquote := func(s string) any {
		var v any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("snippet %s is not JSON: %v", s, err)
		}
		return v
	}
	// A whole attributeMapping first: entries are set on top of it.
	for _, sn := range block {
		if rest, ok := strings.CutPrefix(sn.Text, `"attributeMapping": `); ok {
			mapping = unquote(rest).(map[string]any)
		}
	}
	for _, sn := range block {
		text := sn.Text
		switch {
		case strings.HasPrefix(text, `"attributeMapping": `):
		case strings.HasPrefix(text, `"issuerUri": `):
			oidc["issuerUri"] = unquote(strings.TrimPrefix(text, `"issuerUri": `))
		case strings.HasPrefix(text, `"allowedAudiences": `):
			// set aside: see the caller
		case strings.HasPrefix(text, `"google.`), strings.HasPrefix(text, `"attribute.`):
			for k, v := range unquote("{" + text + "}").(map[string]any) {
				mapping[k] = v
			}
		case strings.HasPrefix(text, "principal"):
			// A member is added where the document lists members; a
			// provider without them is judged on the provider alone.
			if len(members) > 0 && p.hasRes {
				members = append(members, strings.Replace(text, gcpinfo.Placeholder.PoolPath(), p.res.PoolPath(), 1))
			}
		case strings.HasPrefix(text, "gcloud ") && strings.Contains(text, " undelete "):
			prov["state"] = "ACTIVE"
		case strings.HasPrefix(text, "gcloud ") && strings.Contains(text, "--no-disabled"):
			delete(prov, "disabled")
		default:
			terms = append(terms, text)
		}
	}
	prov["attributeMapping"] = mapping
	if len(terms) > 0 {
		prov["attributeCondition"] = strings.Join(terms, " && ")
	}
	delete(prov, MembersField)
	if len(members) > 0 {
		prov[MembersField] = members
	}
	out, err := json.MarshalIndent(prov, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestInsteadCoversEachRefusal: each way a provider refuses that a change
// to the provider can undo, alone, with the block applied as in
// TestInsteadLetsTheTokenIn; and what the fixes say for it.
func TestInsteadCoversEachRefusal(t *testing.T) {
	longSub := "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/a-very-long-workflow-file-name.yml@refs/heads/main"
	push := func(changes map[string]any) policy.Token {
		changes["aud"] = refAud
		return with(t, "push-main", changes)
	}
	ids := `"attributeCondition": "assertion.repository_owner_id == '65' && assertion.repository_id == '74'"`
	cases := []struct {
		name   string
		fields string
		tok    policy.Token
		want   string // a text of the block contains it ("" when the token's own snippets suffice)
	}{
		{"deleted", ids + `, "state": "DELETED", "attributeMapping": {"google.subject": "assertion.sub"}`, push(map[string]any{}),
			"gcloud iam workload-identity-pools providers undelete my-repo --workload-identity-pool=github --location=global --project=123456789"},
		{"disabled", ids + `, "disabled": true, "attributeMapping": {"google.subject": "assertion.sub"}`, push(map[string]any{}), "update-oidc my-repo --workload-identity-pool=github --location=global --project=123456789 --no-disabled"},
		{"issuer", ids + `, "attributeMapping": {"google.subject": "assertion.sub"}, "oidc": {"issuerUri": "https://token.actions.githubusercontent.com/avocado-corp"}`, push(map[string]any{}), ""},
		{"absent claim in mapping", ids + `, "attributeMapping": {"google.subject": "assertion.sub", "attribute.env": "assertion.environment.lowerAscii()"}`, push(map[string]any{}),
			`"attribute.env": "has(assertion.environment) ? (assertion.environment.lowerAscii()) : ''"`},
		{"mapping of the wrong type", ids + `, "attributeMapping": {"google.subject": "assertion.sub", "attribute.n": "size(assertion.sub) > 3"}`, push(map[string]any{}),
			`"attributeMapping": {"google.subject": "assertion.sub"}`},
		{"sub over 127 bytes", ids + `, "attributeMapping": {"google.subject": "assertion.sub"}`, push(map[string]any{"sub": longSub}),
			`"google.subject": "'repository_id:' + assertion.repository_id"`},
		{"sub over 127 bytes, no repository_id", `"attributeCondition": "assertion.repository_owner_id == '65'", "attributeMapping": {"google.subject": "assertion.sub"}`, push(map[string]any{"sub": longSub, "repository_id": nil}),
			`"google.subject": "assertion.sub.split(':')[1]"`},
		{"empty subject", ids + `, "attributeMapping": {"google.subject": "assertion.head_ref"}`, push(map[string]any{}), `"google.subject": "assertion.sub"`},
		{"condition reads only an absent claim", `"attributeCondition": "assertion.environment == 'prod'", "attributeMapping": {"google.subject": "assertion.sub"}`, push(map[string]any{}),
			"assertion.repository_id == '74'"},
		{"no member matches", ids + `, "attributeMapping": {"google.subject": "assertion.sub"}, "oidcscopeMembers": ["principalSet://iam.googleapis.com/` + poolPath + `/attribute.repository_id/99"]`, push(map[string]any{}),
			"principalSet://iam.googleapis.com/" + poolPath + "/attribute.repository_id/74"},
		{"mapped attributes over 8 KB", ids + `, "attributeMapping": {"google.subject": "assertion.sub", "attribute.big": "assertion.sub + '` + strings.Repeat("x", 8200) + `'"}`, push(map[string]any{}),
			`"attributeMapping": {"google.subject": "assertion.sub"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := providerDoc(tc.fields)
			pol := parseOne(t, doc)
			r := pol.Evaluate(tc.tok)
			if r.Verdict == policy.Allow {
				t.Fatalf("the case does not refuse: %s", r.Summary)
			}
			block := insteadBlock(r, tc.tok) // a fix the token's snippet says already is not repeated
			if tc.want != "" && !slices.ContainsFunc(block, func(s policy.Snippet) bool { return strings.Contains(s.Text, tc.want) }) {
				t.Errorf("no fix %q in %+v", tc.want, block)
			}
			patched := applyBlock(t, []byte(doc), 0, 1, pol.(*gcpPolicy), block)
			if got := parseOne(t, patched).Evaluate(tc.tok); got.Verdict != policy.Allow {
				t.Errorf("%s\nafter the block:\n%s\nsays %s: %s", r.Summary, patched, got.Verdict, got.Summary)
			}
		})
	}
}

// TestFixesTokenSide: a refusal that is the token's gets no provider fix.
func TestFixesTokenSide(t *testing.T) {
	pol := parseOne(t, providerDoc(`"attributeCondition": "assertion.repository_id == '74'", "attributeMapping": {"google.subject": "assertion.sub", "attribute.ref": "assertion.ref"}`))
	tok := payload(t, `{"iss": "`+ghIssuer+`", "aud": "`+refAud+`", "sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "repository_id": "74", "ref": "refs/heads/main", "ref": "refs/heads/evil"}`)
	if r := pol.Evaluate(tok); r.Verdict != policy.Deny {
		t.Fatalf("a duplicated ref: %s %s", r.Verdict, r.Summary)
	}
	if f := pol.Evaluate(tok).Fixes; len(f) != 0 {
		t.Errorf("fixes for a duplicated claim: %+v", f)
	}
	if f := pol.Evaluate(with(t, "push-main", map[string]any{"aud": refAud})).Fixes; f != nil {
		t.Errorf("fixes for an allowed token: %+v", f)
	}
}

// TestSnippetsLongSubject: the google.subject the token's snippets offer
// for a sub over 127 bytes fits, for this token.
func TestSnippetsLongSubject(t *testing.T) {
	long := strings.Repeat("x", 130)
	for _, tc := range []struct {
		name    string
		changes map[string]any
		want    string // "" for no google.subject snippet
	}{
		{"repository_id", map[string]any{"sub": "repo:octo-org/octo-repo:" + long}, `"google.subject": "'repository_id:' + assertion.repository_id"`},
		{"repository_id too long", map[string]any{"sub": "repo:octo-org/octo-repo:" + long, "repository_id": long}, `"google.subject": "assertion.sub.split(':')[1]"`},
		{"nothing fits", map[string]any{"sub": long, "repository_id": nil}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range gcpinfo.Snippets(with(t, "push-main", tc.changes)) {
				if strings.HasPrefix(s.Text, `"google.subject"`) {
					got = append(got, s.Text)
				}
			}
			if want := []string{tc.want}; tc.want == "" && len(got) != 0 || tc.want != "" && !slices.Equal(got, want) {
				t.Errorf("google.subject snippets %q, want %q", got, tc.want)
			}
		})
	}
}
