package claims

import "strings"

// The shapes GitHub gives the values links are built from, checked byte by
// byte: as regular expressions they were compiled at the first link of
// every run, which cost more than all the checks. FuzzLinkShapes holds each
// to the expression it replaces.

// isRepo: owner/name, ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$.
func isRepo(s string) bool {
	owner, name, ok := strings.Cut(s, "/")
	return ok && allOf(owner, isNameByte) && allOf(name, isNameByte)
}

// isDigits: ^[0-9]+$.
func isDigits(s string) bool { return allOf(s, isDigit) }

// isSHA: a full commit SHA, ^[0-9a-f]{40}$.
func isSHA(s string) bool {
	return len(s) == 40 && allOf(s, func(c byte) bool { return isDigit(c) || 'a' <= c && c <= 'f' })
}

// workflowsDir starts the path of a workflow file in its repository.
const workflowsDir = ".github/workflows/"

// splitWorkflowRef takes owner/name/.github/workflows/<file>.yml@<ref>
// apart into owner/name and the file's path, as
// ^([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)/(\.github/workflows/[A-Za-z0-9_./-]+\.ya?ml)@
// does. No part before the first @ may contain one, so that @ ends the path.
func splitWorkflowRef(s string) (repo, path string, ok bool) {
	head, _, found := strings.Cut(s, "@")
	owner, rest, ok1 := strings.Cut(head, "/")
	name, path, ok2 := strings.Cut(rest, "/")
	if !found || !ok1 || !ok2 || !allOf(owner, isNameByte) || !allOf(name, isNameByte) {
		return "", "", false
	}
	file, ok := strings.CutPrefix(path, workflowsDir)
	if !ok || !allOf(file, func(c byte) bool { return isNameByte(c) || c == '/' }) {
		return "", "", false
	}
	// [A-Za-z0-9_./-]+ before the extension: at least one byte.
	for _, ext := range []string{".yml", ".yaml"} {
		if len(file) > len(ext) && strings.HasSuffix(file, ext) {
			return owner + "/" + name, path, true
		}
	}
	return "", "", false
}

// isNameByte is [A-Za-z0-9_.-], what an owner or repository name is made of.
func isNameByte(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || isDigit(c) || c == '_' || c == '.' || c == '-'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// allOf: s is not empty and every byte of it is ok.
func allOf(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return s != ""
}
