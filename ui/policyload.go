package ui

import (
	"strings"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// The inspector's p adds a file's (or a folder's) policies to the
// session. inspect.Session.WithPolicyFiles appends whatever it reads,
// so loading a file a second time would list its policies twice and a
// file that is not a policy would stay as an error row; here a file read
// again replaces what was read from it before, and a file that could not
// be read is left out (the status line names it, with why).

// loadPolicyFiles is s with the policies at path in place of any read
// from the same documents before, and the documents that could not be
// read (not in the session).
func loadPolicyFiles(s inspect.Session, path string) (inspect.Session, []policy.Result) {
	next, failures := s.WithPolicyFiles(path)
	stale := staleSources(s, next, failures)
	if len(stale) > 0 {
		// Read again on a session without the old copies: the loader
		// only appends, and the old and new copies share their sources.
		base := s
		for _, src := range stale {
			base, _, _ = base.WithoutPolicies(src)
		}
		next, failures = base.WithPolicyFiles(path)
	}
	for _, f := range failures {
		next, _, _ = next.WithoutPolicies(f.Source)
	}
	return next, failures
}

// staleSources are the sources loaded in before that the load giving
// after read again: of the documents whose policies it added (a role
// list's policies are "file#N", one document), and of those it could
// not read, which replace what was read from them before as well.
func staleSources(before, after inspect.Session, failures []policy.Result) []string {
	old := sourcesOf(before)
	if len(old) == 0 {
		return nil
	}
	count := map[string]int{}
	for _, src := range old {
		count[src]++
	}
	read := map[string]bool{}
	for _, src := range sourcesOf(after) {
		if count[src] > 0 {
			count[src]--
			continue
		}
		read[documentOf(src)] = true
	}
	for _, f := range failures {
		read[documentOf(f.Source)] = true
	}
	var out []string
	seen := map[string]bool{}
	for _, src := range old {
		if read[documentOf(src)] && !seen[src] {
			seen[src] = true
			out = append(out, src)
		}
	}
	return out
}

// sourcesOf are the sources of the session's parsed policies, in load
// order, once per policy.
func sourcesOf(s inspect.Session) []string {
	l, ok := s.Policies().(inspect.PolicyLister)
	if !ok {
		return nil
	}
	var out []string
	for _, p := range l.Policies() {
		out = append(out, p.Source())
	}
	return out
}

// documentOf is the document a source names: "file#N" (policy.
// NumberedSource) is the N-th policy of file.
func documentOf(src string) string {
	i := strings.LastIndexByte(src, '#')
	if i < 0 {
		return src
	}
	if n := src[i+1:]; n == "" || strings.Trim(n, "0123456789") != "" {
		return src
	}
	return src[:i]
}
