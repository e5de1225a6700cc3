package cli

import (
	"io"
	"os"

	"github.com/oidcscope/oidcscope/internal/shellquote"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// loadPolicySet reads --policy files and --policy-dir folders, as every
// command that takes them does; nil when none are named. Each folder is
// read on its own so that one in which no policy document is found is an
// input error (exit 2, before any report): a policy was asked for there,
// and a gate that evaluated none must not pass as if it had. A folder
// that cannot be read, or holds a document that fails, is the set's
// failure as before. A folder named with --policy is a usage error that
// points to --policy-dir.
func loadPolicySet(files, dirs []string, stdin io.Reader) (*policyset.Set, error) {
	if len(files) == 0 && len(dirs) == 0 {
		return nil, nil
	}
	for _, f := range files {
		if fi, err := os.Stat(f); f != "-" && err == nil && fi.IsDir() {
			return nil, failf("--policy %s is a folder: give it with --policy-dir %s", f, shellquote.Quote(f))
		}
	}
	set := policyset.Loader{}.Load(files, nil, stdin)
	for _, dir := range dirs {
		found := policyset.Loader{}.Load(nil, []string{dir}, nil)
		if found.Len() == 0 {
			return nil, emptyPolicyFolder(dir, found.SkipNote())
		}
		set = set.Merge(found)
	}
	return set, nil
}

// emptyPolicyFolder says that dir held no policy document, and what it
// held instead (skipNote, from the set's SkipNote) when anything.
func emptyPolicyFolder(dir, skipNote string) error {
	if skipNote != "" {
		return failf("--policy-dir %s: no policy document found below it; %s", dir, skipNote)
	}
	return failf("--policy-dir %s: no policy document (.json, .yaml or .yml) found below it", dir)
}
