package reach

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/simulate"
)

// Row is one simulated context and the policy's verdict for it.
type Row struct {
	Event string
	Ref   string
	// BaseRef and HeadRef are a pull request's target and source
	// branches (base_ref, head_ref); "" for other events.
	BaseRef     string `json:",omitempty"`
	HeadRef     string `json:",omitempty"`
	Environment string // "" for a job without one
	Subject     string // legacy, immutable, or renamed (the repository under another name)
	Sub         string // the simulated sub
	Verdict     policy.Verdict
	Failing     []string // the expressions of the conditions that failed
	Error       string   `json:",omitempty"` // with Verdict Error: the provider's reason
}

// Table is the reach of one policy.
type Table struct {
	Policy string
	Rows   []Row
	Notes  []string
	// Error is set when the provider could evaluate the policy for no
	// job (an UnevaluableError): its reason, and Rows is empty.
	Error string `json:",omitempty"`
}

// OtherEnvironment stands for any environment a policy does not name.
// It is short: a long name would trip subject length limits (Google's
// 127 bytes) that have nothing to do with the policy's conditions.
const OtherEnvironment = "other"

// PrefixProbe follows each environment a policy names, in one more row:
// a pattern anchored only at its start (AWS StringLike ending in *, an
// ungrouped octo-sts alternation under releases up to v0.8.0) lets in
// every name that begins with it.
const PrefixProbe = "-other"

// Events are the triggers every table tries; the policy's conditions can
// add others.
func Events() []string {
	return []string{"push", "pull_request", "pull_request_target", "workflow_dispatch", "schedule", "release", "merge_group"}
}

// Of builds the table of p for the repository in base (Repository, and
// OwnerID/RepoID for the immutable rows; DefaultBranch, main when "", the
// ref of the jobs that run only there and the base of pull requests;
// Audience and SubTemplate as the jobs would have them). Rows the provider
// cannot evaluate have the Error verdict and its reason (Unevaluated);
// when no row has a verdict, the table holds the reason and no rows, and
// the error is an *UnevaluableError.
func Of(p policy.Policy, base simulate.Context) (Table, error) {
	if _, _, ok := strings.Cut(base.Repository, "/"); !ok {
		return Table{}, fmt.Errorf("%w: repository %s is not OWNER/REPO", simulate.ErrContext, escape.Quoted(base.Repository))
	}
	t := Table{Policy: p.Name()}
	mentioned, err := mentions(p, base)
	if err != nil {
		return Table{}, err
	}
	if base.Audience == "" {
		// The audience the jobs would request: the one the policy says it
		// accepts, else one its conditions name, else the provider's login
		// step's default.
		hinted := policy.Audiences(p)
		switch {
		case len(hinted) > 0:
			base.Audience = hinted[0]
		case len(mentioned.audiences) > 0:
			base.Audience = mentioned.audiences[0]
		case policy.InfoOf(p.Provider()).Audience != "" && !strings.Contains(policy.InfoOf(p.Provider()).Audience, "<"):
			base.Audience = policy.InfoOf(p.Provider()).Audience
		}
		if base.Audience != "" {
			t.Notes = append(t.Notes, "audience "+base.Audience+" assumed (give --audience)")
		} else {
			owner, _, _ := strings.Cut(base.Repository, "/")
			t.Notes = append(t.Notes, "the policy names no audience the jobs would request: they request GitHub's default, https://github.com/"+owner+" (give --audience)")
		}
	}
	if base.Workflow == "" && base.JobWorkflow == "" {
		// The jobs run from the workflow file the policy names, with
		// workflow_ref and job_workflow_ref built from it.
		switch {
		case mentioned.workflow != "":
			base.Workflow = mentioned.workflow
			t.Notes = append(t.Notes, "jobs of "+base.Workflow+", the workflow file the policy names")
		case mentioned.jobWorkflow != "":
			base.JobWorkflow = mentioned.jobWorkflow
			t.Notes = append(t.Notes, "jobs that call "+base.JobWorkflow+", the reusable workflow the policy names")
		}
	}
	subjects := []string{"legacy", "renamed"}
	if base.OwnerID != "" && base.RepoID != "" {
		subjects = append(subjects, "immutable")
	} else {
		t.Notes = append(t.Notes, "no owner and repository IDs given: the immutable-subject rows are left out, and a condition on repository_id or repository_owner_id fails on every row (give --owner-id and --repo-id)")
	}
	// No environment, the ones the policy names, and one it cannot know
	// of: a row for OtherEnvironment shows a policy that lets in any.
	envs := append(append([]string{""}, mentioned.environments...), OtherEnvironment)
	seen := map[[6]string]bool{}
	for _, sc := range Contexts(base, mentioned.events, mentioned.refs, mentioned.branches, envs, subjects) {
		row, err := evaluate(p, sc.Context)
		if err != nil {
			return Table{}, err
		}
		row.Subject = sc.Subject
		// Refs can meet in one simulated job (a made-up head and a
		// mentioned one of the same name): one row each.
		key := [6]string{row.Event, row.Ref, row.BaseRef, row.HeadRef, row.Environment, row.Subject}
		if seen[key] {
			continue
		}
		seen[key] = true
		t.Rows = append(t.Rows, row)
	}
	// A policy its provider refuses (cannot compile, cannot load) has no
	// verdict for any job: that is no "lets in none".
	return t, t.unevaluable()
}

// SubjectContext is a context and the subject form it was built for.
type SubjectContext struct {
	simulate.Context
	Subject string // legacy, renamed or immutable
}

// Contexts is every combination of events, refs, environments ("" for
// none) and subject forms on base that a job can have (JobRef): the rows
// of a table. An event never runs on some refs (a release on a branch):
// those combinations are no jobs, and no rows. A pull request event's
// jobs are instead one per base and head branch: each of branches (names
// or refs/heads/ refs, the default branch always among them) as the base,
// and as the head, and a made-up head (Build's): whoever opens a pull
// request picks its head, a fork's main into main the commonest.
func Contexts(base simulate.Context, events, refs, branches, envs, subjects []string) []SubjectContext {
	var out []SubjectContext
	add := func(c simulate.Context) {
		for _, env := range envs {
			for _, subj := range subjects {
				c := c
				c.Environment = env
				switch subj {
				case "immutable":
					c.Immutable = true
				case "renamed":
					c.Repository = renamed(base.Repository)
				}
				out = append(out, SubjectContext{c, subj})
			}
		}
	}
	prBranches := pullRequestBranches(branches, DefaultRef(base))
	for _, ev := range events {
		if ev == "pull_request" || ev == "pull_request_target" {
			for _, b := range prBranches {
				for _, h := range append([]string{""}, prBranches...) {
					c := base
					c.Event, c.Ref, c.BaseRef, c.HeadRef = ev, "", b, h
					add(c)
				}
			}
			continue
		}
		for _, mentioned := range refs {
			ref, ok := JobRef(ev, mentioned, DefaultRef(base))
			if !ok {
				continue
			}
			c := base
			c.Event, c.Ref = ev, ref
			add(c)
		}
	}
	return out
}

// pullRequestBranches is the default branch and each of branches (names
// or refs/heads/ refs; tags and merge-queue branches are no pull
// request's), as names, once each.
func pullRequestBranches(branches []string, defaultRef string) []string {
	out := []string{strings.TrimPrefix(defaultRef, "refs/heads/")}
	for _, b := range branches {
		if strings.HasPrefix(b, "refs/") && !strings.HasPrefix(b, "refs/heads/") || strings.HasPrefix(b, "refs/heads/gh-readonly-queue/") {
			continue
		}
		if b = strings.TrimPrefix(b, "refs/heads/"); b != "" && !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}

// Allowed is the rows the policy allows.
func (t Table) Allowed() []Row { return t.rowsWith(policy.Allow) }

// rowsWith is the rows of verdict v.
func (t Table) rowsWith(v policy.Verdict) []Row {
	var out []Row
	for _, r := range t.Rows {
		if r.Verdict == v {
			out = append(out, r)
		}
	}
	return out
}

// run evaluates p on the simulated token of c.
func run(p policy.Policy, c simulate.Context) (simulate.Simulation, policy.Result, error) {
	sim, err := simulate.Build(c)
	if err != nil {
		return sim, policy.Result{}, err
	}
	tok, err := sim.Token()
	if err != nil {
		return sim, policy.Result{}, err
	}
	return sim, policy.SafeEvaluate(p, tok), nil
}

func evaluate(p policy.Policy, c simulate.Context) (Row, error) {
	sim, res, err := run(p, c)
	if err != nil {
		return Row{}, err
	}
	row := Row{Event: c.Event, Ref: sim.Claims["ref"].(string), Environment: c.Environment, Sub: sim.Claims["sub"].(string), Verdict: res.Verdict}
	row.BaseRef, _ = sim.Claims["base_ref"].(string)
	row.HeadRef, _ = sim.Claims["head_ref"].(string)
	for _, cond := range res.Conditions {
		if cond.Result == policy.Fail {
			row.Failing = append(row.Failing, cond.Expression)
		}
	}
	if res.Verdict == policy.Error {
		row.Error = res.Error
		if row.Error == "" {
			row.Error = res.Summary
		}
	}
	return row, nil
}

// renamed is the repository under another name: what a token would say
// after a rename or transfer (the IDs stay).
func renamed(repo string) string {
	owner, name, _ := strings.Cut(repo, "/")
	return owner + "/" + name + "-renamed"
}

type mentioned struct {
	events, refs, environments, audiences []string
	// branches are the pull requests' bases and heads the conditions on
	// base_ref and head_ref name (branchMentions).
	branches []string
	// workflow is the path of the workflow file the jobs run from;
	// jobWorkflow, the reusable workflow they call (OWNER/REPO/path@REF).
	workflow, jobWorkflow string
}

// mentions evaluates p on a baseline token and reads the values its
// conditions name: refs (refs/heads/…, refs/tags/…; wildcards filled in
// with an example), environments (environment:NAME in subjects, values of
// conditions on the environment claim), events (values of conditions
// on event_name), pull requests' branches (branchMentions), the workflow file conditions on workflow_ref or
// job_workflow_ref name (workflowMentions), beside the defaults. A trusted publisher's document
// states its settings as fields: those are read from it (publisherMentions).
func mentions(p policy.Policy, base simulate.Context) (mentioned, error) {
	c := base
	c.Event, c.Ref = "push", DefaultRef(base)
	_, res, err := run(p, c)
	if err != nil {
		return mentioned{}, err
	}
	m := mentioned{events: Events(), refs: []string{DefaultRef(base), "refs/heads/feature", "refs/tags/v1.0.0"}}
	// A publisher's document names its workflow itself (publisherMentions).
	_, isPublisher := p.(documented)
	for _, cond := range res.Conditions {
		text := cond.Expression + " " + strings.Join(cond.Diagnosis, " ")
		for _, r := range refMention().FindAllString(text, -1) {
			if strings.Contains(r, "{{") {
				// A placeholder ({{version}}) is no ref: the document's
				// fields make it one.
				continue
			}
			m.refs = append(m.refs, fill(strings.TrimRight(r, ".,;")))
		}
		regex := regexCondition(cond.Expression)
		for _, e := range envMentions(text) {
			name := e.name
			if regex {
				name = subjectBranch(name, e.rest)
			}
			m.environments = append(m.environments, environmentVariants(name, regex)...)
		}
		if slices.Contains(cond.Claims, "environment") {
			for _, v := range quotedValues(cond.Expression) {
				if !regex || !strings.Contains(v, "|") {
					m.environments = append(m.environments, literalVariants(v)...)
				}
			}
			if regex {
				// An alternation, read as written: (?:…) is syntax.
				for _, v := range rawQuotedValues(cond.Expression) {
					if strings.Contains(v, "|") {
						m.environments = append(m.environments, environmentVariants(v, true)...)
					}
				}
			}
		}
		if !isPublisher {
			workflowMentions(cond, base.Repository, &m)
		}
		if slices.Contains(cond.Claims, "base_ref") || slices.Contains(cond.Claims, "head_ref") {
			m.branches = append(m.branches, branchMentions(cond.Expression, regex)...)
		}
		if slices.Contains(cond.Claims, "event_name") {
			m.events = append(m.events, quotedValues(cond.Expression)...)
		}
		if slices.Contains(cond.Claims, "aud") {
			for _, q := range quotedValue().FindAllStringSubmatch(cond.Expression, -1) {
				if v := q[1] + q[2]; v != "" && !strings.ContainsAny(v, "*? ") {
					m.audiences = append(m.audiences, v)
				}
			}
		}
	}
	publisherMentions(p, &m)
	// An event no workflow runs on (a typo in the policy, workflow_call)
	// is no job: it makes no row.
	m.events = slices.DeleteFunc(m.events, func(e string) bool { return !simulate.IsWorkflowEvent(e) })
	m.events, m.refs, m.environments, m.audiences = uniq(m.events), uniq(m.refs), uniq(m.environments), uniq(m.audiences)
	if m.branches = uniq(m.branches); len(m.branches) > maxAlternatives {
		m.branches = m.branches[:maxAlternatives]
	}
	return m, nil
}

// literalVariants is a name mined from a condition, with its wildcards
// filled in, and, when it holds regular-expression syntax, the literal
// text before it (prod|repo… → prod), then each followed by PrefixProbe.
func literalVariants(name string) []string {
	out := []string{fill(name)}
	if i := strings.IndexAny(name, `|()[]{}+?\^$.`); i > 0 {
		out = append(out, name[:i])
	}
	for _, n := range slices.Clone(out) {
		out = append(out, n+PrefixProbe)
	}
	return out
}

// fill makes a pattern's wildcards concrete.
func fill(s string) string {
	return strings.NewReplacer("**", "x", "*", "x", "?", "x").Replace(s)
}

func quotedValues(expr string) []string {
	var out []string
	for _, m := range quotedValue().FindAllStringSubmatch(expr, -1) {
		v := m[1] + m[2]
		if v != "" && !strings.ContainsAny(v, " /:") {
			out = append(out, fill(v))
		}
	}
	return out
}

// rawQuotedValues is the quoted values of a regular expression's
// condition as written, where quotedValues fills wildcards and drops
// values with ':': there '?' and ':' are syntax, as in (?:prod|staging).
func rawQuotedValues(expr string) []string {
	var out []string
	for _, m := range quotedValue().FindAllStringSubmatch(expr, -1) {
		if v := m[1] + m[2]; v != "" && !strings.ContainsAny(v, " /") {
			out = append(out, v)
		}
	}
	return out
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range s {
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// The expressions mentions reads conditions with, compiled on first use.
var (
	refMention  = lazyre.New(`refs/(?:heads|tags)/[^\s"'),\]]+`)
	quotedValue = lazyre.New(`"([^"]*)"|'([^']*)'`)
)
