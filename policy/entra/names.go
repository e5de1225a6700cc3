package entra

import (
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/policy"
)

// Small helpers of Suggest: credential names, labels, the rendered
// document.

// containsSegment reports whether the colon-separated sub tail holds
// want at a segment boundary: "environment:prod" in
// "environment:prod:job_workflow_ref:…" but not in "environment:prod2".
func containsSegment(rest, want string) bool {
	for i := 0; ; {
		j := strings.Index(rest[i:], want)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(want)
		if (start == 0 || rest[start-1] == ':') && (end == len(rest) || rest[end] == ':') {
			return true
		}
		i = start + 1
	}
}

func refLabel(ref string) string {
	switch {
	case strings.HasPrefix(ref, "refs/heads/"):
		return ref[len("refs/heads/"):]
	case strings.HasPrefix(ref, "refs/tags/"):
		return "tag-" + ref[len("refs/tags/"):]
	}
	return ref
}

func workflowFile(jwr string) string {
	path, _, _ := strings.Cut(jwr, "@")
	if i := strings.LastIndexByte(path, '/'); i >= 0 {
		path = path[i+1:]
	}
	return strings.TrimSuffix(strings.TrimSuffix(path, ".yml"), ".yaml")
}

// credentialName makes a valid credential name (3–120 of [A-Za-z0-9_-],
// alphanumeric first) from the repository and the scope label, leaving
// room for a -immutable suffix.
func credentialName(repo, label string) string {
	if _, name, ok := strings.Cut(repo, "/"); ok {
		repo = name
	}
	var b strings.Builder
	dash := false
	for _, r := range repo + "-" + label {
		ok := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_')
		switch {
		case ok:
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	name := strings.TrimRight(b.String(), "-_")
	name = strings.TrimLeft(name, "_")
	if len(name) > 100 {
		name = strings.TrimRight(name[:100], "-_")
	}
	if len(name) < 3 {
		name = "github-actions-" + name
	}
	return name
}

func description(s string) string {
	if utf8.RuneCountInString(s) <= maxFieldLength {
		return s
	}
	return string([]rune(s)[:maxFieldLength-1]) + "…"
}

func orEmpty(problem, otherwise string) string {
	if problem != "" {
		return problem
	}
	return otherwise
}

// renderDocs writes the credentials as an indented JSON array.
func renderDocs(docs []ficDoc) (string, error) { return policy.IndentJSON(docs) }
