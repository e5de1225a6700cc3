package publishertest

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// Instead are the changes a report offers under a denied publisher
// ("Conditions this token satisfies instead"), taken as
// report/view.InsteadSnippets takes them: p's snippets for the claims a
// failing condition of r reads and the token carries (inspect files a
// snippet under the token's claim of its name, so one about a claim the
// token lacks never shows), then r's Fixes, the changes to the document
// itself (a key to remove) that no snippet of the token can say.
func Instead(p policy.Provider, tok policy.Token, r policy.Result) []policy.Snippet {
	return policytest.InsteadBlock(r, tok, p.Snippets(tok))
}

// ApplyChanges is doc with every line of changes applied as a reader
// would: a RemoveLine deletes its key, any other `key: value` line sets
// the key (replacing its line, or added at the end).
func ApplyChanges(t testing.TB, doc string, changes []policy.Snippet) string {
	t.Helper()
	lines := strings.Split(strings.TrimRight(doc, "\n"), "\n")
	for _, sn := range changes {
		for _, change := range strings.Split(sn.Text, "\n") {
			if key, ok := publisher.RemovedKey(change); ok {
				lines = withoutKey(lines, key)
				continue
			}
			key, _, ok := strings.Cut(change, ":")
			if !ok || key == "" {
				t.Fatalf("change %q of claim %s is neither a key to set nor one to remove", change, sn.Claim)
			}
			lines = append(withoutKey(lines, key), change)
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// withoutKey drops the top-level key's line and the indented or list
// lines that continue its value.
func withoutKey(lines []string, key string) []string {
	var out []string
	dropping := false
	for _, l := range lines {
		if dropping && (strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "-")) {
			continue
		}
		dropping = strings.HasPrefix(l, key+":")
		if !dropping {
			out = append(out, l)
		}
	}
	return out
}
