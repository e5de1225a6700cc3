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
	Event       string
	Ref         string
	Environment string // "" for a job without one
	Subject     string // legacy, immutable, or renamed (the repository under another name)
	Sub         string // the simulated sub
	Verdict     policy.Verdict
	Failing     []string // the expressions of the conditions that failed
}

// Table is the reach of one policy.
type Table struct {
	Policy string
	Rows   []Row
	Notes  []string
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
// Audience and SubTemplate as the jobs would have them).
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
	seen := map[[4]string]bool{}
	for _, sc := range Contexts(base, mentioned.events, mentioned.refs, envs, subjects) {
		row, err := evaluate(p, sc.Context)
		if err != nil {
			return Table{}, err
		}
		row.Subject = sc.Subject
		// Refs can meet in one simulated job (every pull request runs on
		// the merge ref): one row each.
		key := [4]string{row.Event, row.Ref, row.Environment, row.Subject}
		if seen[key] {
			continue
		}
		seen[key] = true
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// SubjectContext is a context and the subject form it was built for.
type SubjectContext struct {
	simulate.Context
	Subject string // legacy, renamed or immutable
}

// Contexts is every combination of events, refs, environments ("" for
// none) and subject forms on base that a job can have (JobRef): the rows
// of a table. An event never runs on some refs (a release on a branch):
// those combinations are no jobs, and no rows.
func Contexts(base simulate.Context, events, refs, envs, subjects []string) []SubjectContext {
	var out []SubjectContext
	for _, ev := range events {
		for _, mentioned := range refs {
			ref, ok := JobRef(ev, mentioned, DefaultRef(base))
			if !ok {
				continue
			}
			for _, env := range envs {
				for _, subj := range subjects {
					c := base
					c.Event, c.Ref, c.Environment = ev, ref, env
					if ev == "pull_request" || ev == "pull_request_target" {
						c = PullRequestContext(c, ref)
					}
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
	}
	return out
}

// Allowed is the rows the policy allows.
func (t Table) Allowed() []Row {
	var out []Row
	for _, r := range t.Rows {
		if r.Verdict == policy.Allow {
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
	for _, cond := range res.Conditions {
		if cond.Result == policy.Fail {
			row.Failing = append(row.Failing, cond.Expression)
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
	// workflow is the path of the workflow file the jobs run from;
	// jobWorkflow, the reusable workflow they call (OWNER/REPO/path@REF).
	workflow, jobWorkflow string
}

// mentions evaluates p on a baseline token and reads the values its
// conditions name: refs (refs/heads/…, refs/tags/…; wildcards filled in
// with an example), environments (environment:NAME in subjects, values of
// conditions on the environment claim) and events (values of conditions
// on event_name), the workflow file conditions on workflow_ref or
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
		for _, e := range envMention().FindAllStringSubmatchIndex(text, -1) {
			name := text[e[2]:e[3]]
			if regex {
				name = subjectBranch(name, text[e[1]:])
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
	m.events, m.refs, m.environments, m.audiences = uniq(m.events), uniq(m.refs), uniq(m.environments), uniq(m.audiences)
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
	refMention = lazyre.New(`refs/(?:heads|tags)/[^\s"'),\]]+`)
	// A parenthesised group is part of the name: environment:(prod|staging).
	envMention  = lazyre.New(`environment:((?:\([^()\s"']*\)|[^\s"':(),\]])+)`)
	quotedValue = lazyre.New(`"([^"]*)"|'([^']*)'`)
)
