package simulate

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/escape"
)

// ErrContext is wrapped by every refusal of a context that GitHub could
// not have run.
var ErrContext = errors.New("cannot simulate this context")

// Context is what a job's token depends on. Empty fields take GitHub's
// defaults or, for values only a run has (run IDs, SHAs), placeholders
// that Simulation.Placeholders lists.
type Context struct {
	Repository string // OWNER/REPO (required)
	OwnerID    string // repository_owner_id; unknown when empty
	RepoID     string // repository_id; unknown when empty
	Event      string // event_name (required): push, pull_request, workflow_dispatch, …
	Ref        string // refs/heads/B, refs/tags/T, or a branch name; for pull requests the head branch
	BaseRef    string // pull requests: the target branch (default: the default branch)
	HeadRef    string // pull requests: the PR's branch (default: Ref when it names a branch other than the base, else a made-up one)
	// DefaultBranch is the repository's default branch, B or
	// refs/heads/B (default main): the ref when none is given, and a pull
	// request's base.
	DefaultBranch string
	Environment   string // the job's environment:, if any
	Workflow      string // the calling workflow's path, .github/workflows/x.yml (default .github/workflows/workflow.yml)
	// WorkflowName is the workflow claim: the workflow file's name:, or
	// its path when it has none. Empty: unknown, and made up.
	WorkflowName string
	JobWorkflow  string // a reusable workflow defining the job: OWNER/REPO/.github/workflows/y.yml@REF
	SubTemplate  []string
	Immutable    bool   // the repository uses immutable subjects (repo:OWNER@ID/REPO@ID)
	Runner       string // github-hosted (default) or self-hosted
	Enterprise   string // enterprise slug; the token gets the enterprise claims
	// EnterpriseIssuer: the enterprise enabled its unique issuer,
	// https://token.actions.githubusercontent.com/<slug>.
	EnterpriseIssuer bool
	Audience         string // default: the owner's URL, https://github.com/OWNER
	Visibility       string // public, private (default) or internal
	Protected        bool   // the ref is protected (ref_protected)
	Actor, ActorID   string
	At               time.Time // iat; nbf and exp follow (-5 min, +5 min); zero: the caller's clock is not read here, so iat 0
}

// pullRequestEvents get the pull_request sub context. GitHub documents
// "a pull request event"; pull_request_target is included on the
// strength of observed tokens (noted in the simulation).
func pullRequestEvent(event string) bool {
	return event == "pull_request" || event == "pull_request_target"
}

// owner and name split Repository.
func (c Context) split() (owner, name string, err error) {
	owner, name, ok := strings.Cut(c.Repository, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return "", "", fmt.Errorf("%w: repository %s is not OWNER/REPO", ErrContext, escape.Quoted(c.Repository))
	}
	return owner, name, nil
}

// fullRef is the ref as a token carries it: a bare name is a branch.
func fullRef(ref string) string {
	if ref == "" || strings.HasPrefix(ref, "refs/") {
		return ref
	}
	return "refs/heads/" + ref
}

// refType is ref_type for a full ref.
func refType(ref string) string {
	if strings.HasPrefix(ref, "refs/tags/") {
		return "tag"
	}
	return "branch"
}

// branchName is the name of a refs/heads/ ref, or the ref itself.
func branchName(ref string) string { return strings.TrimPrefix(ref, "refs/heads/") }
