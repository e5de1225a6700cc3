package publisher_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// FuzzParse: the parser never panics; a document it reads writes back
// (Write) to one that reads the same; every provider's Detect and Parse
// agree and every policy evaluates any token to a verdict.
func FuzzParse(f *testing.F) {
	for _, dir := range []string{"pypi", "crates.io", "rubygems", "npm", "nuget"} {
		policytest.SeedFixtureDocuments(f, filepath.Join("../../fixtures/policies", dir))
	}
	policytest.SeedHostileDocuments(f)
	for _, s := range []string{"registry: pypi\nowner: [\n", "registry: pypi\nowner: &a x\nrepository: *a\n", "{\"registry\":\"crates.io\",\"owner\":\"\\u202e\"}",
		"registry: rubygems\nworkflow_repository: a/b/c\nowner: o\nrepository: r\nworkflow: w.yml\n", "registry: pypi\n---\n"} {
		f.Add([]byte(s))
	}
	toks := policytest.FuzzTokens(f, `{"aud":["pypi","pypi"],"aud":1,"repository":"a","job_workflow_ref":"@@.yml@","workflow_ref":null,"environment":7,"nbf":"x"}`)
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := publisher.Parse(data)
		if err == nil {
			again, err := publisher.Parse([]byte(publisher.Write(doc)))
			if err != nil || again.Owner != doc.Owner || again.Workflow != doc.Workflow || again.Environment != doc.Environment || !slices.Equal(again.Events, doc.Events) {
				t.Fatalf("Write does not round-trip: %v\n%q", err, publisher.Write(doc))
			}
		}
		for _, p := range providers() {
			detected := p.Detect(data)
			pols, err := p.Parse("fuzz.yml", data)
			if detected && err == nil && len(pols) != 1 {
				t.Fatalf("%s: %d policies", p.ID(), len(pols))
			}
			for _, pol := range pols {
				for _, tok := range toks {
					r := pol.Evaluate(tok)
					if r.Verdict != policy.Allow && r.Verdict != policy.Deny && r.Verdict != policy.Error {
						t.Fatalf("verdict %q", r.Verdict)
					}
					if r.Verdict == policy.Deny && r.Summary == "" {
						t.Fatal("deny without a summary")
					}
				}
			}
		}
	})
}

// TestFixtureDocumentsExist keeps the fuzz seeds honest: every registry
// has sample documents.
func TestFixtureDocumentsExist(t *testing.T) {
	for _, dir := range []string{"pypi", "crates.io", "rubygems"} {
		files, _ := filepath.Glob(filepath.Join("../../fixtures/policies", dir, "*.yml"))
		if len(files) == 0 {
			if _, err := os.Stat(filepath.Join("../../fixtures/policies", dir)); err != nil {
				t.Errorf("%s: %v", dir, err)
			} else {
				t.Errorf("%s: no .yml samples", dir)
			}
		}
	}
}

// FuzzEvaluateToken: any token payload evaluates against every sample
// publisher of every registry, and Snippets and Suggest (which checks its
// own round trip) never panic.
func FuzzEvaluateToken(f *testing.F) {
	for _, name := range policytest.FixtureNames() {
		if b, err := fixtures.ClaimSet(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"aud":"pypi","repository":"a/b","job_workflow_ref":"a/b/.github/workflows/x.yml@@","ref":"","sha":"","environment":null,"event_name":"pull_request_target"}`))
	f.Add([]byte(`{"aud":["crates.io"],"repository":"/","workflow_ref":".yml@x","repository_owner_id":"99999999999","iat":"1","exp":1.5}`))
	var pols []policy.Policy
	for _, p := range providers() {
		pols = append(pols, policytest.FixtureDocumentPolicies(f, p, filepath.Join("../../fixtures/policies", p.ID()))...)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, _ := decode.ParseJSON("payload", data)
		tok := policy.NewToken(v)
		for _, pol := range pols {
			if r := pol.Evaluate(tok); r.Verdict == policy.Deny && r.Summary == "" {
				t.Fatal("deny without a summary")
			}
		}
		for _, p := range providers() {
			p.Snippets(tok)
			for _, scope := range policy.Scopes {
				_, _ = p.Suggest(tok, scope)
			}
		}
	})
}
