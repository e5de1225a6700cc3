package publisher_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestInsteadFixesTheDocument holds the "Conditions this token satisfies
// instead" block to its promise: for every sample publisher document and
// every fixture token (the demo token, push-main, among them) the
// document denies, applying every change the block offers (set the keys
// it gives, remove the keys it marks for removal) yields a document the
// same evaluator allows, but for the conditions no document change can
// fix (tokenSide). The block lists, as report/view.InsteadSnippets does,
// the provider's snippets for the claims a failing condition reads and
// the token carries, then the result's Fixes: the keys to remove (a
// RubyGems workflow_repository when the job runs its own repository's
// workflow), which no snippet of the token can say.
//
// Each token is evaluated with the audience its sample is held to in the
// README tables (TestFixtureVerdictTables): the fixture tokens carry
// cloud audiences, and aud is the token's side.
func TestInsteadFixesTheDocument(t *testing.T) {
	for _, reg := range registrations() {
		p := reg.New()
		folder := filepath.Join("../../fixtures/policies", p.ID())
		files, err := filepath.Glob(filepath.Join(folder, "*.yml"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no samples (%v)", folder, err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc := string(data)
			pol := parseOne(t, p, file, doc)
			aud := fixtureAudience(pol, p.ID())
			for _, name := range policytest.FixtureNames() {
				t.Run(p.ID()+"/"+filepath.Base(file)+"/"+name, func(t *testing.T) {
					tok := publishertest.WithAud(t, name, aud)
					r := pol.Evaluate(tok)
					if r.Verdict == policy.Allow {
						return
					}
					changes := publishertest.Instead(p, tok, r)
					fixed := publishertest.ApplyChanges(t, doc, changes)
					after := parseOne(t, p, file, fixed).Evaluate(tok)
					var left []string
					for _, c := range after.Conditions {
						if c.Result != policy.Pass && c.Result != policy.NotApplied && !tokenSide(p.ID(), tok, c) {
							left = append(left, c.Expression)
						}
					}
					if len(left) > 0 {
						t.Errorf("after the changes the block offers, the document still fails on %q\nchanges:\n%s\ndocument:\n%s\nconditions:\n%s",
							left, describeChanges(changes), fixed, publishertest.Describe(after))
					}
				})
			}
		}
	}
}

// tokenSide reports a failing condition no document change fixes: what
// the registry requires of every token (its audience and issuer, the
// claims it needs, the events and runners it refuses) and, for PyPI, a
// reusable workflow from another repository or at another ref, which it
// refuses whatever the publisher says. Their own advice lines say what to
// change in the workflow.
//
// So is the document's environment when the job references none (the
// claim absent, null or empty): the environment is the job's side of
// the refusal, its reviewers and branch rules what guard publishing, and
// the block offers no removal of it; the condition's diagnosis says to
// add the environment to the job (TestNoEnvironmentIsTheJobs).
func tokenSide(provider string, tok policy.Token, c policy.Condition) bool {
	if slices.Contains(c.Claims, "environment") {
		if v, ok := tok.Claim("environment"); !ok || v.Kind == decode.Null || v.Kind == decode.String && v.Text == "" {
			return true
		}
	}
	for _, prefix := range []string{
		"aud ",                            // the audience the token was requested for
		"iss ",                            // the issuer: an enterprise's unique one
		"required claims",                 // PyPI, NuGet: claims the token lacks
		"the claims crates.io decodes",    // crates.io: the same
		"nbf, iat, exp are integers",      // RubyGems: the same
		"event_name",                      // pull_request_target, workflow_run
		"runner_environment",              // npm: self-hosted runners
		"job_workflow_ref is <owner>",     // RubyGems: the claim's shape
		"workflow_ref names a .yml",       // crates.io: the claim's shape
		"repository is owner/name",        // crates.io: the claim's shape
		"repository_owner_id is a 32-bit", // crates.io: the claim's shape
	} {
		if strings.HasPrefix(c.Expression, prefix) {
			return true
		}
	}
	switch provider {
	case "pypi":
		// PyPI accepts a workflow only from the publishing repository at
		// the run's own ref or sha: a reusable workflow from elsewhere is
		// refused whatever the document says (its advice line says so).
		return strings.HasPrefix(c.Expression, "job_workflow_ref = ")
	case "nuget":
		// NuGet reads the workflow under the policy's own repository: a
		// job_workflow_ref of another repository (shown whole) fits no
		// workflow: value.
		return strings.HasPrefix(c.Expression, "workflow: ") && strings.Contains(c.Actual, "/.github/workflows/")
	case "pub.dev":
		// pub.dev publishes only from a tag push (or a dispatch on a
		// tag), and only for push and workflow_dispatch events: a
		// branch's token, or a pull request's, fits no document.
		return strings.HasPrefix(c.Expression, "ref_type = tag") ||
			strings.HasPrefix(c.Expression, "ref = refs/tags/") && !strings.HasPrefix(c.Actual, "refs/tags/") ||
			strings.HasPrefix(c.Expression, "events: ") && c.Actual != "push" && c.Actual != "workflow_dispatch"
	}
	return false
}

func parseOne(t *testing.T, p policy.Provider, file, doc string) policy.Policy {
	t.Helper()
	pols, err := p.Parse(file, []byte(doc))
	if err != nil || len(pols) != 1 {
		t.Fatalf("Parse %s: %d policies, %v\n%s", file, len(pols), err, doc)
	}
	return pols[0]
}

func describeChanges(sns []policy.Snippet) string {
	var lines []string
	for _, sn := range sns {
		lines = append(lines, "  ["+sn.Claim+"] "+sn.Text)
	}
	return strings.Join(lines, "\n")
}

// TestRemoveLineIsAChange holds the removal line to what ApplyChanges
// (and a reader) takes it for: `key: null`, valid YAML that the parser
// reads as the key not set, so pasting it as is removes the key; a
// token's value, always quoted, cannot be it.
func TestRemoveLineIsAChange(t *testing.T) {
	line := publisher.RemoveLine("workflow_repository")
	if line != "workflow_repository: null" {
		t.Errorf("RemoveLine = %q", line)
	}
	key, ok := publisher.RemovedKey(line)
	if !ok || key != "workflow_repository" {
		t.Errorf("RemovedKey(%q) = %q, %v", line, key, ok)
	}
	for _, set := range []string{publisher.Line("environment", "null"), `events: ["push"]`, "environment",
		"environment: remove this key (the token has no environment claim)", "environment: nullish"} {
		if key, ok := publisher.RemovedKey(set); ok {
			t.Errorf("RemovedKey(%q) = %q, true: it sets a value", set, key)
		}
	}
}
