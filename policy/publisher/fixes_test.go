package publisher_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// TestFixesRemoveKeys: a refusing document gets, as Result.Fixes, the
// removal of each key no value of which fits the token (an environment
// the job references none of, absent, null or empty; RubyGems's
// workflow_repository when the job runs its own repository's workflow),
// and nothing for a key a token value fixes (that is the token's
// snippet) or when the document allows.
func TestFixesRemoveKeys(t *testing.T) {
	const (
		noEnv   = "environment: remove this key (the token has no environment claim)"
		nullEnv = "environment: remove this key (the token's environment is null)"
		emptEnv = "environment: remove this key (the token's environment is empty)"
		ownWF   = "workflow_repository: remove this key (the job runs a workflow of its own repository)"
	)
	envDoc := "registry: %s\nowner: octo-org\nrepository: octo-repo\nworkflow: deploy.yml\nenvironment: prod\n"
	for _, tc := range []struct {
		name, provider, doc, token string
		changes                    map[string]any
		claim, want                string // the one fix expected; "" for none
	}{
		{"pypi env absent", "pypi", envDoc, "push-main", nil, "environment", noEnv},
		{"pypi env null", "pypi", envDoc, "push-main", map[string]any{"environment": json.RawMessage("null")}, "environment", nullEnv},
		{"pypi env empty", "pypi", envDoc, "push-main", map[string]any{"environment": ""}, "environment", emptEnv},
		{"pypi env other: the token's snippet sets it", "pypi", envDoc, "push-main", map[string]any{"environment": "staging"}, "", ""},
		{"pypi env same: allows", "pypi", envDoc, "push-main", map[string]any{"environment": "prod"}, "", ""},
		{"crates.io env absent", "crates.io", envDoc, "push-main", nil, "environment", noEnv},
		{"crates.io env null", "crates.io", envDoc, "push-main", map[string]any{"environment": json.RawMessage("null")}, "environment", nullEnv},
		{"rubygems env absent", "rubygems", envDoc, "push-main", nil, "environment", noEnv},
		{"npm env empty", "npm", envDoc, "push-main", map[string]any{"environment": ""}, "environment", emptEnv},
		{"nuget env absent", "nuget", envDoc, "push-main", nil, "environment", noEnv},
		{"pub.dev env absent", "pub.dev", "registry: pub.dev\nowner: octo-org\nrepository: octo-repo\ntag_pattern: v{{version}}\nenvironment: prod\n", "push-main", nil, "environment", noEnv},
		{"rubygems own workflow", "rubygems", "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: deploy.yml\nworkflow_repository: octo-org/octo-automation\n", "push-main", nil, "job_workflow_ref", ownWF},
		{"rubygems reusable of another: the token's snippet sets it", "rubygems", "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: oidc.yml\nworkflow_repository: octo-org/elsewhere\n", "reusable-workflow", nil, "", ""},
		{"rubygems no workflow_repository", "rubygems", "registry: rubygems\nowner: octo-org\nrepository: octo-repo\nworkflow: other.yml\n", "push-main", nil, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := registryProvider(t, tc.provider)
			doc := tc.doc
			if doc == envDoc {
				doc = fmt.Sprintf(envDoc, tc.provider)
			}
			pol := parseOne(t, p, "x.yml", doc)
			changes := map[string]any{}
			if aud := fixtureAudience(pol, p.ID()); aud != "" {
				changes["aud"] = aud
			}
			for k, v := range tc.changes {
				changes[k] = v
			}
			r := pol.Evaluate(policytest.FixtureWith(t, tc.token, changes))
			var got []string
			for _, f := range r.Fixes {
				if f.Provider != p.ID() || f.Note == "" {
					t.Errorf("fix %+v: want provider %s and a note", f, p.ID())
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
		})
	}
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
