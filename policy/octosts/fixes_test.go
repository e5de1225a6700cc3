package octosts

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// tagsAlt is a tester's policy meant as "main or any v* tag", whose
// ungrouped alternation octo-sts since PR #1643 reads as two whole values.
const tagsAlt = `# Intended: main branch or any v* tag of octo-org/octo-repo.
issuer: https://token.actions.githubusercontent.com
subject_pattern: "repo:octo-org/octo-repo:ref:refs/heads/main|refs/tags/v.*"
claim_pattern:
  repository_id: "74"
permissions:
  contents: read
`

// fixTokens are the fixture tokens, each also requested with octo-sts's
// own audience, and a tag push of octo-org/octo-repo.
func fixTokens(t *testing.T) map[string]policy.Token {
	t.Helper()
	out := map[string]policy.Token{}
	tag := map[string]any{
		"ref": "refs/tags/v1.4.0", "ref_type": "tag", "sub": "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0",
		"job_workflow_ref": "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.4.0",
		"workflow_ref":     "octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.4.0",
	}
	for _, name := range append(policytest.FixtureNames(), "tag") {
		base, changes := name, map[string]any{}
		if name == "tag" {
			base, changes = "push-main", tag
		}
		out[name] = policytest.FixtureWith(t, base, changes)
		withAud := map[string]any{"aud": DefaultDomain}
		for k, v := range changes {
			withAud[k] = v
		}
		out[name+"@"+DefaultDomain] = policytest.FixtureWith(t, base, withAud)
	}
	return out
}

// fixDocuments are the sample policies and tagsAlt, as text.
func fixDocuments(t *testing.T) map[string]string {
	t.Helper()
	docs := map[string]string{"tags-alt.sts.yaml": tagsAlt}
	for _, f := range []string{"alternation-pitfall.sts.yaml", "octo-repo-main.sts.yaml", "prod-deploy.sts.yaml", "ref-main-exact.sts.yaml"} {
		docs[f] = string(policytest.FixtureFile(t, "octo-sts", f))
	}
	return docs
}

// patternOnly reports a deny decided only by *_pattern and claim_pattern
// conditions that read a string the token carries: the refusals a change
// to the pattern can lift.
func patternOnly(r policy.Result) bool {
	if r.Verdict != policy.Deny {
		return false
	}
	for _, c := range r.Conditions {
		if c.Result == policy.Pass || c.Result == policy.NotApplied {
			continue
		}
		key, _, _ := strings.Cut(c.Expression, ":")
		pattern := key == "issuer_pattern" || key == "subject_pattern" || key == "audience_pattern" || strings.HasPrefix(key, "claim_pattern.")
		if c.Result != policy.Fail || c.Absent || !pattern {
			return false
		}
	}
	return true
}

// applyFix replaces the document's line for the fix's key with the fix,
// keeping the line's indentation: what its note tells the user to do.
func applyFix(t *testing.T, doc string, fix policy.Snippet) string {
	t.Helper()
	key, _, ok := strings.Cut(fix.Text, ":")
	if !ok || strings.Contains(fix.Text, "\n") {
		t.Fatalf("fix %q is not one KEY: value line", fix.Text)
	}
	lines := strings.Split(doc, "\n")
	found := -1
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimLeft(l, " "), key+":") {
			if found >= 0 {
				t.Fatalf("fix %q: the document has two %s lines", fix.Text, key)
			}
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("fix %q: the document has no %s line to replace", fix.Text, key)
	}
	indent := lines[found][:len(lines[found])-len(strings.TrimLeft(lines[found], " "))]
	lines[found] = indent + fix.Text
	return strings.Join(lines, "\n")
}

func repoOf(tok policy.Token) string {
	r, _ := tok.String("repository")
	return r
}

// TestFixesPasteIntoTheDocument: for every sample policy and fixture
// token whose deny only patterns decide, the fixes, each replacing the
// line of its key, give a document that octo-sts (either anchoring) lets
// the token in with, that still lets in every token the original did,
// and that lets in no token of another repository the original refused.
func TestFixesPasteIntoTheDocument(t *testing.T) {
	toks := fixTokens(t)
	names := make([]string, 0, len(toks))
	for n := range toks {
		names = append(names, n)
	}
	slices.Sort(names)
	older := &Provider{Domain: DefaultDomain, Anchoring: AnchorCaretDollar}
	checked := 0
	for file, doc := range fixDocuments(t) {
		pol := parseOne(t, provider(), doc)
		for _, name := range names {
			r := pol.Evaluate(toks[name])
			if !patternOnly(r) {
				continue
			}
			checked++
			t.Run(file+"/"+name, func(t *testing.T) {
				if len(r.Fixes) == 0 {
					t.Fatalf("no fixes for a deny decided by patterns: %s", r.Summary)
				}
				fixed := doc
				for _, fx := range r.Fixes {
					if fx.Provider != policy.OctoSTS || !strings.Contains(fx.Note, "replace") {
						t.Errorf("fix %+v: want octo-sts's, with a note that says it replaces a line", fx)
					}
					if k, _, _ := strings.Cut(fx.Text, "_pattern:"); exactKey[k+"_pattern"] == k && !strings.Contains(fx.Note, "only one of "+k+" or "+k+"_pattern") {
						t.Errorf("fix %q: the note does not say that an exact %s: line cannot go beside it: %s", fx.Text, k, fx.Note)
					}
					fixed = applyFix(t, fixed, fx)
				}
				for _, p := range []*Provider{provider(), older} {
					if got := parseOne(t, p, fixed).Evaluate(toks[name]); got.Verdict != policy.Allow {
						t.Errorf("anchoring %d: the fixed document %s: %s", p.Anchoring, got.Verdict, got.Summary)
					}
				}
				fixedPol := parseOne(t, provider(), fixed)
				for _, other := range names {
					was := pol.Evaluate(toks[other]).Verdict == policy.Allow
					now := fixedPol.Evaluate(toks[other]).Verdict == policy.Allow
					if was && !now {
						t.Errorf("the fixed document no longer allows %s", other)
					}
					if now && !was && repoOf(toks[other]) != repoOf(toks[name]) {
						t.Errorf("the fixed document lets in %s, of repository %s", other, repoOf(toks[other]))
					}
				}
			})
		}
	}
	if checked < 5 {
		t.Fatalf("only %d pattern-only denies among the samples", checked)
	}
}

// TestFixesText: the fix each case gets, in full; none where no change to
// the document is the fix.
func TestFixesText(t *testing.T) {
	tag := map[string]any{"aud": DefaultDomain, "sub": "repo:octo-org/octo-repo:ref:refs/tags/v1.4.0", "ref": "refs/tags/v1.4.0"}
	for _, c := range []struct {
		name, doc string
		token     string
		changes   map[string]any
		want      []string
	}{
		{"an ungrouped alternation of a branch and tags gets the lint's factored pattern",
			tagsAlt, "push-main", tag,
			[]string{`subject_pattern: "repo:octo-org/octo-repo:ref:refs/(?:heads/main|tags/v.*)"`}},
		{"a pattern that does not fit the token keeps what it accepts and adds the token's exact sub",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/octo-repo:ref:refs/heads/main\n", "push-main", tag,
			[]string{`subject_pattern: "(?:repo:octo-org/octo-repo:ref:refs/heads/main|repo:octo-org/octo-repo:ref:refs/tags/v1\\.4\\.0)"`}},
		{"the factored pattern would let in every repository of the owner: the exact sub instead",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: \"repo:octo-org/octo-repo:ref:refs/heads/main|octo-org/.*:ref:refs/tags/v.*\"\n", "push-main", tag,
			[]string{`subject_pattern: "(?:repo:octo-org/octo-repo:ref:refs/heads/main|octo-org/.*:ref:refs/tags/v.*|repo:octo-org/octo-repo:ref:refs/tags/v1\\.4\\.0)"`}},
		{"an issuer_pattern and an audience_pattern get their pattern forms",
			"issuer_pattern: https://token\\.actions\\.githubusercontent\\.com/enterprise\nsubject_pattern: repo:octo-org/.*\naudience_pattern: api://.*\n", "push-main",
			map[string]any{"aud": "my-audience.example"},
			[]string{`issuer_pattern: "(?:https://token\\.actions\\.githubusercontent\\.com/enterprise|https://token\\.actions\\.githubusercontent\\.com)"`,
				`audience_pattern: "(?:api://.*|my-audience\\.example)"`}},
		{"an aud another provider requests by default: the workflow's mistake, no fix",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/.*\naudience_pattern: octo-sts\\.dev\n", "push-main", nil,
			nil},
		{"an owner-scope claim: the token's owner would let in every repository of it, no fix",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: \"repo:.*\"\naudience: octo-sts.dev\nclaim_pattern:\n  repository_owner: other-org\n  repository_owner_id: \"99\"\n  enterprise_id: \"999\"\n", "enterprise",
			map[string]any{"aud": DefaultDomain},
			nil},
		{"a claim_pattern entry gets its own line",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/octo-repo:.*\naudience: octo-sts.dev\nclaim_pattern:\n  ref: refs/heads/main\n", "push-main", tag,
			[]string{`ref: "(?:refs/heads/main|refs/tags/v1\\.4\\.0)"`}},
		{"a hostile claim value stays inside its quoted, escaped scalar",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/octo-repo:.*\naudience: octo-sts.dev\nclaim_pattern:\n  environment: staging\n", "push-main",
			map[string]any{"aud": DefaultDomain, "environment": "prod\x1b[2J\"\n"},
			[]string{`environment: "(?:staging|prod\u001B\\[2J\"\n)"`}},
		{"an exact subject: the token's own subject: line replaces it, no fix",
			"issuer: https://token.actions.githubusercontent.com\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\naudience: octo-sts.dev\n", "push-main", tag,
			nil},
		{"a token without the claim: no pattern fits it, no fix",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/octo-repo:.*\naudience: octo-sts.dev\nclaim_pattern:\n  environment: prod\n", "push-main", tag,
			nil},
		{"a token octo-sts refuses before reading the policy: no fix",
			"issuer: https://token.actions.githubusercontent.com\nsubject_pattern: repo:octo-org/octo-repo:ref:refs/heads/main\n", "push-main",
			map[string]any{"aud": DefaultDomain, "sub": json.RawMessage(`7`)},
			nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseOne(t, provider(), c.doc).Evaluate(policytest.FixtureWith(t, c.token, c.changes))
			if r.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny: %s", r.Verdict, r.Summary)
			}
			var got []string
			for _, fx := range r.Fixes {
				got = append(got, fx.Text)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("fixes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

// TestRewriteChecks: the checks a rewrite passes before it is offered.
func TestRewriteChecks(t *testing.T) {
	both := []string{"repo:octo-org/octo-repo:", "repo:octo-org@65/octo-repo@74:"}
	for _, c := range []struct {
		pattern string
		want    bool
	}{
		{`(?:repo:octo-org/octo-repo|repo:octo-org@65/octo-repo@74):ref:refs/(?:heads/main|tags/v.*)`, true},
		{`repo:octo-org/octo-repo:ref:refs/[a-z]+`, true},
		{`repo:octo-org/(?:octo-repo:ref:refs/heads/main|.*:ref:refs/tags/v.*)`, false},
		{`repo:octo-org/octo-repo.*`, false},
		{`(?i)repo:octo-org/octo-repo:.*`, false},
		{`.*`, false},
	} {
		if got := beginsWithOneOf(c.pattern, both); got != c.want {
			t.Errorf("beginsWithOneOf(%q) = %v, want %v", c.pattern, got, c.want)
		}
	}
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{`a:(?:b|c/d)`, `(?:a:b|a:c/d)`, true},
		{`r:refs/(?:heads/main|tags/v.*)`, `(?:r:refs/heads/main|r:refs/tags/v.*)`, true},
		{`a:(?:b|c.*)`, `(?:a:b|a:c)`, false},
		{`a:(?:b|c)`, `(?:a:b|a:c|a:d)`, false},
	} {
		if got := sameValues(c.a, c.b); got != c.want {
			t.Errorf("sameValues(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
