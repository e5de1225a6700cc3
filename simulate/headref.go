package simulate

import "strings"

// madeUpHead is the branch a pull request is taken to come from when the
// context names none.
const madeUpHead = "feature"

// headBranch is a pull request's head_ref: the one given, else the branch
// ref names (ref is the head branch, or the merge ref that names none),
// else a made-up branch other than base (made true). A head equal to the
// base is kept: whoever opens the pull request picks its branch, and a
// fork's main into main is the commonest fork pull request. A tag is no
// head: it is replaced by a made-up branch, and note says so.
func headBranch(given, ref, base string) (head string, made bool, note string) {
	for _, h := range []string{given, ref} {
		switch {
		case h == "" || strings.HasPrefix(h, "refs/pull/"):
			continue
		case strings.HasPrefix(h, "refs/tags/"):
			note = h + " is a tag, and a pull request's head is a branch: GitHub runs no such pull request, so the head is made up"
			continue
		}
		return branchName(h), false, ""
	}
	if base == madeUpHead {
		return madeUpHead + "-1", true, note
	}
	return madeUpHead, true, note
}
