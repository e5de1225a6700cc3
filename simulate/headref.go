package simulate

import "strings"

// madeUpHead is the branch a pull request is taken to come from when the
// context names none: GitHub runs no pull request of a branch into
// itself, so the head must differ from the base.
const madeUpHead = "feature"

// headBranch is a pull request's head_ref: the one given, else the branch
// ref names when that is not the base (ref is the head branch, or the
// merge ref that names none), else a made-up branch other than base
// (made true). A head given equal to the base is kept: a fork's branch
// may share the base's name.
func headBranch(given, ref, base string) (head string, made bool) {
	if given != "" {
		return given, false
	}
	if ref != "" && !strings.HasPrefix(ref, "refs/pull/") {
		if b := branchName(ref); b != base {
			return b, false
		}
	}
	if base == madeUpHead {
		return madeUpHead + "-1", true
	}
	return madeUpHead, true
}
