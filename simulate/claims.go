package simulate

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/escape"
)

// Issuer is GitHub's default token issuer.
const Issuer = "https://token.actions.githubusercontent.com"

// Made-up values for what only a run has; their claims are listed in
// Simulation.Placeholders.
const (
	placeholderSHA = "0000000000000000000000000000000000000000"
	placeholderJTI = "00000000-0000-4000-8000-000000000000"
	placeholderPR  = "1"
)

// Simulation is the payload of the token GitHub would issue, and what in
// it is made up.
type Simulation struct {
	Claims       map[string]any // strings, and exp/iat/nbf as int64
	Placeholders []string       // claims whose values only a real run has, sorted
	Notes        []string       // assumptions and uncertain rules this simulation applied
}

// Build simulates the token of a job in context c.
func Build(c Context) (Simulation, error) {
	owner, name, err := c.split()
	if err != nil {
		return Simulation{}, err
	}
	if c.Event == "" {
		return Simulation{}, fmt.Errorf("%w: the event is required (push, pull_request, workflow_dispatch, …)", ErrContext)
	}
	if err := checkEvent(c.Event); err != nil {
		return Simulation{}, err
	}
	var s Simulation
	cl := map[string]any{}
	placeholder := func(claim string, v any) {
		cl[claim] = v
		s.Placeholders = append(s.Placeholders, claim)
	}

	cl["iss"] = Issuer
	if c.Enterprise != "" {
		cl["enterprise"] = c.Enterprise
		placeholder("enterprise_id", "0")
		if c.EnterpriseIssuer {
			cl["iss"] = Issuer + "/" + c.Enterprise
		}
	}
	cl["aud"] = c.Audience
	if c.Audience == "" {
		cl["aud"] = "https://github.com/" + owner
	}

	// Repository and its IDs.
	cl["repository"], cl["repository_owner"] = c.Repository, owner
	repo := ghsub.Repo{Owner: owner, Name: name}
	if c.OwnerID != "" {
		cl["repository_owner_id"] = c.OwnerID
	}
	if c.RepoID != "" {
		cl["repository_id"] = c.RepoID
	}
	if c.Immutable {
		if c.OwnerID == "" || c.RepoID == "" {
			return Simulation{}, fmt.Errorf("%w: an immutable subject holds the owner and repository IDs: give both", ErrContext)
		}
		repo = repo.WithIDs(c.OwnerID, c.RepoID)
	}
	cl["repository_visibility"] = valueOr(c.Visibility, "private")

	// Event and refs.
	cl["event_name"] = c.Event
	defaultRef := fullRef(valueOr(c.DefaultBranch, "main"))
	ref := fullRef(c.Ref)
	if ref == "" && !pullRequestEvent(c.Event) {
		ref = defaultRef
		s.Notes = append(s.Notes, "no ref given: the default branch, "+ref+", assumed")
	}
	if note := notRun(c.Event, ref, defaultRef); note != "" && !pullRequestEvent(c.Event) {
		s.Notes = append(s.Notes, note)
	}
	if c.Event == "merge_group" {
		ref = queueRef(&s, ref, defaultRef)
	}
	protected := c.Protected
	base := fullRef(valueOr(c.BaseRef, defaultRef))
	cl["base_ref"], cl["head_ref"] = "", ""
	if pullRequestEvent(c.Event) {
		head, made, note := headBranch(c.HeadRef, ref, branchName(base))
		if note != "" {
			s.Notes = append(s.Notes, c.Event+": "+note)
		}
		if made {
			placeholder("head_ref", head)
			s.Notes = append(s.Notes, c.Event+": the head branch, "+head+", is made up (give --head-ref: whoever opens the pull request picks it, and a fork's branch may have the base's name)")
		} else {
			cl["head_ref"] = head
		}
		cl["base_ref"] = branchName(base)
		switch {
		case c.Event == "pull_request_target":
			// Since 8 December 2025 GitHub runs pull_request_target from
			// the default branch whatever the pull request's base: its
			// workflow and GITHUB_REF are the default branch's, base_ref
			// is still the target (GitHub changelog 2025-11-07, "Actions
			// pull_request_target and environment branch protection
			// changes"). The sub's ending is observed, not documented.
			ref = defaultRef
			s.Notes = append(s.Notes, "pull_request_target: ref is the default branch, "+defaultRef+", whatever the base (GitHub, since 8 December 2025); base_ref is the pull request's target; sub ends in :pull_request, as observed in real tokens; GitHub's documentation does not say")
		default:
			// A pull_request run is on the merge ref, which no branch
			// rule protects (fixtures/claims/pull-request.json).
			if !strings.HasPrefix(ref, "refs/pull/") {
				ref = "refs/pull/" + placeholderPR + "/merge"
				s.Placeholders = append(s.Placeholders, "ref")
				s.Notes = append(s.Notes, "pull_request: the run is on refs/pull/<number>/merge; the number is made up (give --ref refs/pull/N/merge)")
			}
			if protected {
				protected = false
				s.Notes = append(s.Notes, "pull_request: the merge ref is never protected: ref_protected is false whatever --protected says")
			}
		}
	}
	cl["ref"], cl["ref_type"] = ref, refType(ref)
	cl["ref_protected"] = fmt.Sprint(protected)
	placeholder("sha", placeholderSHA)
	if c.Environment != "" {
		cl["environment"] = c.Environment
	}

	// Workflows: the caller, and the reusable workflow defining the job.
	wf := valueOr(c.Workflow, ".github/workflows/workflow.yml")
	if !strings.HasPrefix(wf, ".github/workflows/") {
		wf = ".github/workflows/" + path.Base(wf)
	}
	cl["workflow_ref"] = c.Repository + "/" + wf + "@" + ref
	placeholder("workflow_sha", placeholderSHA)
	if c.WorkflowName != "" {
		cl["workflow"] = c.WorkflowName
	} else {
		placeholder("workflow", strings.TrimSuffix(strings.TrimSuffix(path.Base(wf), ".yml"), ".yaml"))
	}
	cl["job_workflow_ref"] = cl["workflow_ref"]
	if c.JobWorkflow != "" {
		if err := checkJobWorkflow(c.JobWorkflow); err != nil {
			return Simulation{}, err
		}
		cl["job_workflow_ref"] = c.JobWorkflow
	}
	placeholder("job_workflow_sha", placeholderSHA)

	// Who and where it ran.
	cl["runner_environment"] = valueOr(c.Runner, "github-hosted")
	if c.Actor != "" {
		cl["actor"] = c.Actor
	} else {
		placeholder("actor", "octocat")
	}
	if c.ActorID != "" {
		cl["actor_id"] = c.ActorID
	} else {
		placeholder("actor_id", "0")
	}
	placeholder("run_id", "0")
	placeholder("run_number", "1")
	placeholder("run_attempt", "1")
	placeholder("check_run_id", "0")
	placeholder("jti", placeholderJTI)
	iat := c.At.Unix()
	if c.At.IsZero() {
		iat = 0
	}
	cl["iat"], cl["nbf"], cl["exp"] = iat, iat-300, iat+300

	template := c.SubTemplate
	if len(template) == 0 {
		template = DefaultTemplate()
	}
	sub, err := subject(template, repo, subContext(c, ref), cl)
	if err != nil {
		return Simulation{}, err
	}
	cl["sub"] = sub
	s.Claims = cl
	slices.Sort(s.Placeholders)
	return s, nil
}

// checkJobWorkflow refuses a reusable workflow reference GitHub would not
// resolve.
func checkJobWorkflow(ref string) error {
	p, at, ok := strings.Cut(ref, "@")
	parts := strings.SplitN(p, "/", 3)
	if !ok || at == "" || len(parts) != 3 || parts[0] == "" || parts[1] == "" || !strings.HasPrefix(parts[2], ".github/workflows/") {
		return fmt.Errorf("%w: a reusable workflow is OWNER/REPO/.github/workflows/FILE@REF, not %s", ErrContext, escape.Quoted(ref))
	}
	return nil
}

func valueOr(v, fallback string) string {
	if v == "" {
		return fallback
	}
	return v
}
