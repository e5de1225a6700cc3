package publisher_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// TestFixesRemoveKeys: a refusing document gets, as Result.Fixes, the
// removal of each key no value of which fits the token (RubyGems's
// workflow_repository when the job runs its own repository's workflow),
// and nothing for a key a token value fixes (that is the token's
// snippet) or when the document allows. An environment the job
// references none of (absent, null or empty) is no document fix:
// removing it would drop the environment's protection (its reviewers and
// branch rules), so the job is told to reference it instead
// (TestNoEnvironmentIsTheJobs).
func TestFixesRemoveKeys(t *testing.T) {
	const ownWF = "workflow_repository: null"
	envDoc := "registry: %s\nowner: octo-org\nrepository: octo-repo\nworkflow: deploy.yml\nenvironment: prod\n"
	ownWFDoc := "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: deploy.yml\nworkflow_repository: octo-org/octo-automation\n"
	for _, tc := range []struct {
		name, provider, doc, token string
		changes                    map[string]any
		claim, want, note          string // the one fix expected, and what its note says; "" for none
	}{
		{"pypi env absent: the job's side", "pypi", envDoc, "push-main", nil, "", "", ""},
		{"pypi env null: the job's side", "pypi", envDoc, "push-main", map[string]any{"environment": json.RawMessage("null")}, "", "", ""},
		{"pypi env empty: the job's side", "pypi", envDoc, "push-main", map[string]any{"environment": ""}, "", "", ""},
		{"pypi env other: the token's snippet sets it", "pypi", envDoc, "push-main", map[string]any{"environment": "staging"}, "", "", ""},
		{"pypi env same: allows", "pypi", envDoc, "push-main", map[string]any{"environment": "prod"}, "", "", ""},
		{"crates.io env absent: the job's side", "crates.io", envDoc, "push-main", nil, "", "", ""},
		{"rubygems env absent: the job's side", "rubygems", envDoc, "push-main", nil, "", "", ""},
		{"npm env empty: the job's side", "npm", envDoc, "push-main", map[string]any{"environment": ""}, "", "", ""},
		{"nuget env absent: the job's side", "nuget", envDoc, "push-main", nil, "", "", ""},
		{"rubygems own workflow", "rubygems", ownWFDoc, "push-main", nil, "job_workflow_ref", ownWF,
			"leave Workflow repository empty in RubyGems's form: the job runs its own repository's workflow"},
		{"rubygems reusable of another: the token's snippet sets it", "rubygems", "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: oidc.yml\nworkflow_repository: octo-org/elsewhere\n", "reusable-workflow", nil, "", "", ""},
		{"rubygems no workflow_repository", "rubygems", "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: other.yml\n", "push-main", nil, "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := registryProvider(t, tc.provider)
			doc := tc.doc
			if doc == envDoc {
				doc = fmt.Sprintf(envDoc, tc.provider)
			}
			pol := parseOne(t, p, "x.yml", doc)
			tok := fixtureToken(t, pol, p.ID(), tc.token, tc.changes)
			r := pol.Evaluate(tok)
			var got []string
			for _, f := range r.Fixes {
				if f.Provider != p.ID() || f.Note == "" {
					t.Errorf("fix %+v: want provider %s and a note", f, p.ID())
				}
				if tc.note != "" && !strings.Contains(f.Note, tc.note) {
					t.Errorf("fix note %q, want it to say %q", f.Note, tc.note)
				}
				got = append(got, f.Claim+" | "+f.Text)
			}
			var want []string
			if tc.want != "" {
				want = []string{tc.claim + " | " + tc.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Fixes = %q, want %q (verdict %s)", got, want, r.Verdict)
			}
			if r.Verdict == policy.Allow && len(r.Fixes) > 0 {
				t.Errorf("an allowing document has fixes %q", got)
			}
			// Pasted as the block shows it, over the key's line, the fix
			// is valid YAML that leaves the key unset: the condition it
			// fixes passes.
			for _, f := range r.Fixes {
				pasted := pasteOver(doc, f.Text)
				after := parseOne(t, p, "x.yml", pasted).Evaluate(tok)
				for _, c := range after.Conditions {
					if c.Result == policy.Fail && slices.Contains(c.Claims, f.Claim) {
						t.Errorf("pasting %q still fails %q\n%s", f.Text, c.Expression, pasted)
					}
				}
			}
		})
	}
}

// TestNoEnvironmentIsTheJobs: when the publisher names an environment
// and the job references none (the claim absent, null or empty), the
// failing environment condition tells the user to add the document's
// environment, quoted, to the job; and no fix removes the key, which
// would let every run of the workflow publish without the environment's
// reviewers and branch rules. A hostile environment name stays one
// quoted line.
func TestNoEnvironmentIsTheJobs(t *testing.T) {
	const prod = "environment: prod\n"
	for _, tc := range []struct {
		provider, label, docEnv string
		env                     any // the token's environment; nil removes it
		want                    string
	}{
		{"pypi", "absent", prod, nil, "add `environment: \"prod\"` to the job"},
		{"pypi", "null", prod, json.RawMessage("null"), "add `environment: \"prod\"` to the job"},
		{"pypi", "empty", prod, "", "add `environment: \"prod\"` to the job"},
		{"crates.io", "absent", prod, nil, "add `environment: \"prod\"` to the job"},
		{"crates.io", "null", prod, json.RawMessage("null"), "add `environment: \"prod\"` to the job"},
		{"rubygems", "absent", prod, nil, "add `environment: \"prod\"` to the job"},
		{"npm", "empty", prod, "", "add `environment: \"prod\"` to the job"},
		{"nuget", "null", prod, json.RawMessage("null"), "add `environment: \"prod\"` to the job"},
		{"pub.dev", "absent", prod, nil, "add `environment: \"prod\"` to the job"},
		{"pypi", "hostile", "environment: \"p\\\"r\\nod\\u202e\"\n", nil, "add `environment: \"p\\\"r\\nod\\u202e\"` to the job"},
	} {
		t.Run(tc.provider+"/"+tc.label, func(t *testing.T) {
			p := registryProvider(t, tc.provider)
			doc := "registry: " + tc.provider + "\nowner: octo-org\nrepository: octo-repo\nworkflow: deploy.yml\n" + tc.docEnv
			if tc.provider == "pub.dev" {
				doc = "registry: pub.dev\nowner: octo-org\nrepository: octo-repo\ntag_pattern: v{{version}}\n" + tc.docEnv
			}
			pol := parseOne(t, p, "x.yml", doc)
			r := pol.Evaluate(fixtureToken(t, pol, p.ID(), "push-main", map[string]any{"environment": tc.env}))
			for _, f := range r.Fixes {
				if f.Claim == "environment" || strings.HasPrefix(f.Text, "environment:") {
					t.Errorf("fix %q removes or sets the document's environment: that is the job's side", f.Text)
				}
			}
			var said []string
			for _, c := range r.Conditions {
				if c.Result != policy.Pass && slices.Contains(c.Claims, "environment") {
					said = append(said, c.Diagnosis...)
				}
			}
			if !slices.ContainsFunc(said, func(d string) bool { return strings.Contains(d, tc.want) }) {
				t.Errorf("the environment condition's diagnosis does not say %q:\n%s", tc.want, strings.Join(said, "\n"))
			}
			for _, d := range said {
				if strings.ContainsAny(d, "\n\u202e") {
					t.Errorf("diagnosis line %q carries a raw newline or bidi control", d)
				}
			}
		})
	}
}

// fixtureToken is the fixture token name with changes, held to the
// audience the document requires (aud is the token's side).
func fixtureToken(t *testing.T, pol policy.Policy, provider, name string, changes map[string]any) policy.Token {
	t.Helper()
	all := map[string]any{}
	if aud := fixtureAudience(pol, provider); aud != "" {
		all["aud"] = aud
	}
	for k, v := range changes {
		all[k] = v
	}
	return policytest.FixtureWith(t, name, all)
}

// pasteOver is doc with line pasted as a reader pastes a `key: value`
// line: in place of the key's line, knowing nothing of removals.
func pasteOver(doc, line string) string {
	key, _, _ := strings.Cut(line, ":")
	var out []string
	for _, l := range strings.Split(strings.TrimRight(doc, "\n"), "\n") {
		if !strings.HasPrefix(l, key+":") {
			out = append(out, l)
		}
	}
	return strings.Join(append(out, line), "\n") + "\n"
}

// TestSnippetsAreTokenOnly: the token's own snippets (the no-policy
// "would satisfy" lists) never hold a removal, which means nothing
// without a document: that is Result.Fixes' part.
func TestSnippetsAreTokenOnly(t *testing.T) {
	for _, reg := range registrations() {
		p := reg.New()
		for _, name := range policytest.FixtureNames() {
			for label, env := range map[string]any{"absent": nil, "null": json.RawMessage("null"), "empty": ""} {
				tok := policytest.FixtureWith(t, name, map[string]any{"environment": env})
				for _, sn := range p.Snippets(tok) {
					if key, ok := publisher.RemovedKey(sn.Text); ok {
						t.Errorf("%s %s (environment %s): snippet %q removes %s", p.ID(), name, label, sn.Text, key)
					}
				}
			}
		}
	}
}

// registryProvider is any of the seven registries by id, pub.dev
// included (provider has only those the shared snippets serve).
func registryProvider(t *testing.T, id string) policy.Provider {
	t.Helper()
	for _, r := range registrations() {
		if p := r.New(); p.ID() == id {
			return p
		}
	}
	t.Fatalf("no registry %s", id)
	return nil
}
