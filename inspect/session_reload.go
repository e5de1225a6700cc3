package inspect

import (
	"path/filepath"

	"github.com/oidcscope/oidcscope/policy"
)

// PolicyLoad is what ReloadPolicyFiles read: how many policies, and the
// documents it could not read.
type PolicyLoad struct {
	Read     int
	Failures []policy.Result
}

// ReloadPolicyFiles is WithPolicyFiles for the terminal's p, which a user
// repeats after editing a file: what was read before from the documents
// path holds is replaced, not listed beside the new copy. An unreadable
// file on its own adds no error row (the caller says why); a folder's
// unreadable documents stay listed as errors, as the command line lists
// them, so none is lost from sight. Without an unloader the documents
// are only added, as WithPolicyFiles adds them.
func (s Session) ReloadPolicyFiles(path string) (Session, PolicyLoad) {
	next, failures := s.WithPolicyFiles(path)
	if docs := readDocuments(s, next, failures); len(docs) > 0 && s.opts.UnloadPolicies != nil {
		// Read again on a session without the old copies: the loader
		// only appends, and old and new copies share their sources.
		base := s
		for _, src := range sourcesOf(s) {
			if _, read := docs[documentKey(src)]; read {
				base, _, _ = base.WithoutPolicies(src)
			}
		}
		for _, doc := range docs {
			base, _, _ = base.WithoutPolicies(doc) // a failed document's row
		}
		s = base
		next, failures = base.WithPolicyFiles(path)
	}
	for _, f := range failures {
		if f.Source == path && s.opts.UnloadPolicies != nil {
			next, _, _ = next.WithoutPolicies(path)
		}
	}
	return next, PolicyLoad{Read: len(sourcesOf(next)) - len(sourcesOf(s)), Failures: failures}
}

// readDocuments are the documents a load that took before to after read
// (those of the policies it added, and those it could not read), by
// documentKey, each as the load named it.
func readDocuments(before, after Session, failures []policy.Result) map[string]string {
	had := map[string]int{}
	for _, src := range sourcesOf(before) {
		had[src]++
	}
	docs := map[string]string{}
	for _, src := range sourcesOf(after) {
		if had[src] > 0 {
			had[src]--
			continue
		}
		docs[documentKey(src)] = policy.DocumentOf(src)
	}
	for _, f := range failures {
		docs[documentKey(f.Source)] = policy.DocumentOf(f.Source)
	}
	return docs
}

// documentKey is the document a source names, its path cleaned, so that
// ./x.json and x.json are one document.
func documentKey(src string) string { return filepath.Clean(policy.DocumentOf(src)) }

// sourcesOf are the sources of the session's parsed policies, in load
// order, once per policy.
func sourcesOf(s Session) []string {
	l, ok := s.opts.Policies.(PolicyLister)
	if !ok {
		return nil
	}
	var out []string
	for _, p := range l.Policies() {
		out = append(out, p.Source())
	}
	return out
}
