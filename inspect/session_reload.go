package inspect

import (
	"path/filepath"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// PolicyLoad is what ReloadPolicyFiles read: how many policies, and the
// documents it could not read.
type PolicyLoad struct {
	Read     int
	Failures []policy.Result
}

// FailureLister is a Policies that can hand out the documents it failed
// to read, which it lists as error rows.
type FailureLister interface {
	Failures() []policy.Result
}

// ReloadPolicyFiles is WithPolicyFiles for the terminal's p, which a user
// repeats after editing a file: what was read before from the documents
// path holds (however the path was written), and from a folder's files
// deleted since, is replaced, not listed beside the new copy. An
// unreadable file on its own adds no error row (the caller says why); a
// folder's unreadable documents stay listed as errors, as the command
// line lists them, so none is lost from sight. Without an unloader the
// documents are only added, as WithPolicyFiles adds them.
func (s Session) ReloadPolicyFiles(path string) (Session, PolicyLoad) {
	if s.opts.UnloadPolicies == nil {
		next, failures := s.WithPolicyFiles(path)
		return next, PolicyLoad{Read: len(sourcesOf(next)) - len(sourcesOf(s)), Failures: failures}
	}
	// Unload what came from path before, then read it once.
	for _, src := range append(sourcesOf(s), failedSourcesOf(s)...) {
		if FromDocument(src, path) {
			s, _, _ = s.WithoutPolicies(src)
		}
	}
	next, failures := s.WithPolicyFiles(path)
	for _, f := range failures {
		if f.Source == path {
			next, _, _ = next.WithoutPolicies(path)
		}
	}
	return next, PolicyLoad{Read: len(sourcesOf(next)) - len(sourcesOf(s)), Failures: failures}
}

// FromDocument reports whether a policy's source was read from path: the
// document it names is path, or a file below path when that is a folder,
// however either was written.
func FromDocument(source, path string) bool {
	doc, want := documentKey(source), documentKey(path)
	return doc == want || strings.HasPrefix(doc, want+string(filepath.Separator))
}

// documentKey is the document a source names as an absolute, clean path,
// so that x.json, ./x.json and its absolute path are one document.
func documentKey(src string) string {
	doc := policy.DocumentOf(src)
	if abs, err := filepath.Abs(doc); err == nil {
		return abs
	}
	return filepath.Clean(doc)
}

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

// failedSourcesOf are the sources of the documents the session lists as
// error rows.
func failedSourcesOf(s Session) []string {
	l, ok := s.opts.Policies.(FailureLister)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range l.Failures() {
		out = append(out, f.Source)
	}
	return out
}
