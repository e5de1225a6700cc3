package policyset

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
)

// fake recognises documents starting with its marker; "bad" documents fail
// to parse; each line after the marker is one policy with that verdict.
type fake struct{ id, marker string }

func (f fake) ID() string              { return f.id }
func (f fake) Detect(data []byte) bool { return strings.HasPrefix(string(data), f.marker) }
func (f fake) Parse(source string, data []byte) ([]policy.Policy, error) {
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")[1:]
	var out []policy.Policy
	for i, l := range lines {
		if l == "bad" {
			return nil, errors.New("line " + string(rune('1'+i)) + ": bad")
		}
		out = append(out, fakePolicy{f.id, source, l})
	}
	return out, nil
}
func (f fake) Suggest(policy.Token, policy.Scope) (policy.Suggestion, error) {
	return policy.Suggestion{}, nil
}
func (f fake) Snippets(policy.Token) []policy.Snippet { return nil }

type fakePolicy struct{ provider, source, verdict string }

func (p fakePolicy) Provider() string { return p.provider }
func (p fakePolicy) Source() string   { return p.source }
func (p fakePolicy) Name() string     { return p.source + ":" + p.verdict }
func (p fakePolicy) Evaluate(policy.Token) policy.Result {
	return policy.Result{Source: p.source, Provider: p.provider, Name: p.Name(), Verdict: policy.Verdict(p.verdict)}
}

func TestLoadDetectsEvaluatesAndKeepsFailures(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"a.json":         "A\ndeny\nallow\n",
		"sub/b.yaml":     "B\nallow\n",
		"sub/README.md":  "A\nallow\n", // not a policy file type: skipped
		".hidden/c.json": "A\nallow\n", // hidden: skipped
		"unknown.json":   "{}",         // well-formed, not a policy: skipped
		"broken.yml":     "B\nbad\n",
		"single.txt":     "A\nerror\n",
	})
	single := filepath.Join(dir, "single.txt")
	l := Loader{Providers: []policy.Provider{fake{"p-a", "A"}, fake{"p-b", "B"}}}
	set := l.Load([]string{single, "-", filepath.Join(dir, "missing.json")}, []string{dir}, strings.NewReader("B\nallow\n"))
	results := set.Evaluate(policy.NewToken(decodeObj(t)))
	var got []string
	for _, r := range results {
		got = append(got, filepath.Base(r.Source)+"="+string(r.Verdict))
	}
	want := "single.txt=error (stdin)=allow a.json=deny a.json=allow b.yaml=allow missing.json=error broken.yml=error"
	if strings.Join(got, " ") != want {
		t.Errorf("results\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if !set.Failed() {
		t.Error("Failed() should report the unreadable documents")
	}
	if got := set.Skipped(); !slices.Equal(got, []string{filepath.Join(dir, "unknown.json")}) {
		t.Errorf("Skipped() = %q, want unknown.json", got)
	}
	for _, r := range results {
		if filepath.Base(r.Source) == "broken.yml" && !strings.Contains(r.Error, "line 1: bad") {
			t.Errorf("broken.yml error = %q", r.Error)
		}
	}
	sorted := policy.SortResults(results)
	if sorted[0].Verdict != policy.Allow || sorted[len(sorted)-1].Verdict != policy.Error {
		t.Errorf("Sorted puts allow first and error last: %+v", sorted)
	}
}

func TestAllProvidersHaveDistinctIDs(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range All() {
		if seen[p.ID()] {
			t.Errorf("provider id %q twice", p.ID())
		}
		seen[p.ID()] = true
		if ByID(p.ID()) == nil {
			t.Errorf("ByID(%q) = nil", p.ID())
		}
	}
	// Every provider a user can name has one; the IAM OIDC provider
	// documents are the one addition, and their results are under aws.
	want := append(slices.Clone(policy.ProviderIDs()), oidcprovider.ID)
	if len(seen) != len(want) {
		t.Errorf("All() has %d providers, want %d: %v", len(seen), len(want), want)
	}
	for _, id := range want {
		if !seen[id] {
			t.Errorf("All() lacks %q", id)
		}
	}
}

func TestMergeKeepsBothAndChangesNeither(t *testing.T) {
	a := Loader{ReadFile: func(string) ([]byte, error) {
		return []byte(`{"issuer":"https://token.actions.githubusercontent.com","subject":"repo:o/r:ref:refs/heads/main","audiences":["api://AzureADTokenExchange"],"name":"x"}`), nil
	}}.Load([]string{"a.json"}, nil, nil)
	b := Loader{}.Load([]string{"does-not-exist.json"}, nil, nil)
	m := a.Merge(b)
	if m.Len() != 2 || a.Len() != 1 || b.Len() != 1 {
		t.Fatalf("merge: got %d (a %d, b %d), want 2 (1, 1)", m.Len(), a.Len(), b.Len())
	}
	if !m.Failed() || a.Failed() {
		t.Errorf("failures: merged %v, a %v", m.Failed(), a.Failed())
	}
	if got := (*Set)(nil).Merge(a).Len(); got != 1 {
		t.Errorf("nil.Merge(a) has %d, want 1", got)
	}
}

// TestStdinWithoutStdin: "-" with no standard input is a failure result,
// not a crash (found by ui's FuzzModel: "-" typed at the policy prompt).
func TestStdinWithoutStdin(t *testing.T) {
	s := Loader{}.Load([]string{"-"}, nil, nil)
	f := s.Failures()
	if len(f) != 1 || !strings.Contains(f[0].Error, "not available") {
		t.Fatalf("failures %+v", f)
	}
}
