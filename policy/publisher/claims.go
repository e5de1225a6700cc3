package publisher

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// GitHubIssuer is the issuer every registry here requires.
const GitHubIssuer = "https://token.actions.githubusercontent.com"

// PyPIWorkflowFile is PyPI's _extract_workflow_filename, the pattern
// `[^/]+\.(yml|yaml)` followed by a lookahead for `@`: the first run of
// non-slash characters ending in .yml or .yaml right before an `@`.
func PyPIWorkflowFile(ref string) (string, bool) {
	return workflowFileBeforeAt(ref, func(string) bool { return true })
}

// CratesIOWorkflowFile is crates.io's extract_workflow_filename, the
// pattern `([^/]+\.(yml|yaml))(@.+)`: a run of non-slash characters ending
// in .yml or .yaml followed by `@` and at least one character that is not
// a newline.
func CratesIOWorkflowFile(ref string) (string, bool) {
	return workflowFileBeforeAt(ref, func(after string) bool { return after != "" && after[0] != '\n' })
}

// WorkflowPath is a job_workflow_ref taken apart as RubyGems does:
// the workflow's repository owner and name, and the file name (everything
// up to the first `@`); Ref is what follows that `@`.
type WorkflowPath struct {
	Owner, Name, File, Ref string
}

// Repository is owner/name of the workflow's repository.
func (w WorkflowPath) Repository() string { return w.Owner + "/" + w.Name }

// RubyGemsWorkflowPath parses job_workflow_ref as RubyGems's
// `\A([^/]+)/([^/]+)/\.github/workflows/([^@]+)@` does: a non-empty owner
// and name, the workflows folder, and a non-empty file up to the first `@`.
func RubyGemsWorkflowPath(ref string) (WorkflowPath, bool) {
	owner, rest, ok := strings.Cut(ref, "/")
	if !ok || owner == "" {
		return WorkflowPath{}, false
	}
	name, rest, ok := strings.Cut(rest, "/")
	if !ok || name == "" {
		return WorkflowPath{}, false
	}
	if rest, ok = strings.CutPrefix(rest, ".github/workflows/"); !ok {
		return WorkflowPath{}, false
	}
	file, after, ok := strings.Cut(rest, "@")
	if !ok || file == "" {
		return WorkflowPath{}, false
	}
	return WorkflowPath{Owner: owner, Name: name, File: file, Ref: after}, true
}

// SplitRepository splits the repository claim at its first `/`, as every
// registry does; ok is false without one.
func SplitRepository(repo string) (owner, name string, ok bool) {
	return strings.Cut(repo, "/")
}

// CaseRule is how a registry compares names.
type CaseRule int

const (
	CaseSensitive   CaseRule = iota // Ruby ==, SQL equality
	CaseInsensitive                 // lower() on both sides
)

// Same compares a and b under the rule.
func (c CaseRule) Same(a, b string) bool {
	if c == CaseInsensitive {
		return strings.ToLower(a) == strings.ToLower(b)
	}
	return a == b
}

// ClaimState is what reading one string claim found.
type ClaimState int

const (
	ClaimString     ClaimState = iota // one string
	ClaimAbsent                       // not in the token
	ClaimNotString                    // another JSON type (null included)
	ClaimDuplicated                   // given more than once
)

// ReadString reads a claim that must be one string. A duplicated claim
// is ambiguous: the registries' JSON readers differ on which copy wins,
// and GitHub never issues one, so it is never read.
func ReadString(tok policy.Token, claim string) (string, ClaimState) {
	if tok.Duplicated(claim) {
		return "", ClaimDuplicated
	}
	v, ok := tok.Claim(claim)
	switch {
	case !ok:
		return "", ClaimAbsent
	case v.Kind != decode.String:
		return claimText(tok, claim), ClaimNotString
	}
	return v.Text, ClaimString
}

// claimText is any claim as text, for Actual.
func claimText(tok policy.Token, claim string) string {
	s, _ := tok.Text(claim)
	return s
}

// stateProblem words a claim that could not be read as a string.
func stateProblem(claim string, st ClaimState) string {
	switch st {
	case ClaimAbsent:
		return policy.Absent(claim)
	case ClaimDuplicated:
		return fmt.Sprintf("the token carries %s more than once: registries' JSON readers disagree on which copy counts, and GitHub never issues such a token", claim)
	case ClaimNotString:
		return fmt.Sprintf("the token's %s is not a string", claim)
	}
	return ""
}

// PathWorkflowFile is the file name of a workflow ref of the shape
// <owner>/<repo>/.github/workflows/<file>@<ref>: everything up to the
// first `@` after the workflows folder (RubyGems's pattern, and the shape
// npm's docs describe).
func PathWorkflowFile(ref string) (string, bool) {
	w, ok := RubyGemsWorkflowPath(ref)
	return w.File, ok
}

// String words the rule for a condition's expression.
func (c CaseRule) String() string {
	if c == CaseInsensitive {
		return "ignoring case"
	}
	return "case-sensitive"
}
