package simulate

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/escape"
)

// Trigger is one way a workflow file starts a job: the context a run of
// it would have, as far as the file says, and what the file left open.
type Trigger struct {
	Context Context
	Notes   []string
}

// FromWorkflow reads a workflow file (its path in the repository, as
// .github/workflows/x.yml, and its content) and returns one context per
// trigger of its on: section for job (the only job when job is ""), with
// the job's environment: and uses: applied. base carries what the file
// cannot say (repository, IDs, audience, template); an Event in base
// keeps only the file's trigger of that event. Each trigger runs on
// a ref the event's filters let through (branches, tags, their -ignore
// lists and !negations), or the one base gives: a ref or base branch the
// user gave is kept, with a note when the filters exclude it. A pull
// request event's branches filter names the branches it targets: its
// triggers get them as BaseRef (unless base has one), and base's Ref is
// its head. Events that run only on the default branch (schedule,
// workflow_run, …) run there; merge_group on its queue branch.
func FromWorkflow(file string, data []byte, job string, base Context) ([]Trigger, error) {
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%w: workflow %s: %w", ErrContext, file, err)
	}
	// YAML 1.1 reads a bare on: key as the boolean true.
	on, ok := doc["on"]
	if !ok {
		on, ok = doc["true"]
	}
	if !ok {
		return nil, fmt.Errorf("%w: workflow %s has no on: section", ErrContext, file)
	}
	jobDef, name, err := pickJob(doc, job, file)
	if err != nil {
		return nil, err
	}
	base.Workflow = ".github/workflows/" + path.Base(file)
	var notes []string
	wfName, note := workflowName(doc, base.Workflow)
	base.WorkflowName = wfName
	if note != "" {
		notes = append(notes, note)
	}
	if env, note := environmentOf(jobDef); env != "" {
		base.Environment = env
	} else if note != "" {
		notes = append(notes, note)
	}
	evs, err := eventsNamed(events(on), base.Event, file)
	if err != nil {
		return nil, err
	}
	evs, skipped := runnable(evs)
	if skipped != "" && len(evs) == 0 {
		return nil, fmt.Errorf("%w: workflow %s has no trigger a job runs on by itself (%s): a called workflow's jobs carry the calling workflow's event, so simulate the calling workflow", ErrContext, file, skipped)
	}
	if skipped != "" {
		notes = append(notes, "left out: "+skipped+", which runs no job of its own (a called workflow's jobs carry the caller's event)")
	}
	var out []Trigger
	seen := map[[3]string]bool{}
	for _, ev := range evs {
		for _, ref := range refsFor(ev, base, fullRef(valueOr(base.DefaultBranch, "main"))) {
			c := base
			c.Event, c.Ref = ev.name, ref.ref
			if pullRequestEvent(ev.name) {
				// A pull request's branches filter names its target;
				// the ref given is its head, else Build makes one up.
				c.Ref, c.BaseRef = base.Ref, ref.ref
			}
			key := [3]string{c.Event, c.Ref, c.BaseRef}
			if seen[key] {
				continue
			}
			seen[key] = true
			if uses, _ := jobDef["uses"].(string); uses != "" {
				jw, note := reusable(uses, c)
				c.JobWorkflow = jw
				if note != "" {
					notes = append(notes, note)
				}
			}
			t := Trigger{Context: c, Notes: append(slices.Clone(notes), "job "+name+", trigger "+ev.name)}
			if ref.note != "" {
				t.Notes = append(t.Notes, ref.note)
			}
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: workflow %s has no trigger that runs job %s", ErrContext, file, name)
	}
	return out, nil
}

// runnable are evs without the triggers no job runs on by itself
// (workflow_call), and those named, escaped, for a note.
func runnable(evs []event) ([]event, string) {
	var out []event
	var skipped []string
	for _, e := range evs {
		if IsWorkflowEvent(e.name) {
			out = append(out, e)
		} else {
			skipped = append(skipped, e.name)
		}
	}
	return out, strings.Join(escape.QuotedEach(skipped), ", ")
}

// eventsNamed are the file's events named name (base's Event: the user
// asked for that trigger alone), or all of them when name is "". An
// event the file has no trigger for is the user's error.
func eventsNamed(evs []event, name, file string) ([]event, error) {
	if name == "" {
		return evs, nil
	}
	names := make([]string, 0, len(evs))
	for _, e := range evs {
		if e.name == name {
			return []event{e}, nil
		}
		names = append(names, e.name)
	}
	return nil, fmt.Errorf("%w: workflow %s has no %s trigger (it has %s)", ErrContext, file, escape.Quoted(name), strings.Join(names, ", "))
}

// workflowName is the workflow claim for a file at path wf: its name:,
// else its path. GitHub documents the path fallback for github.workflow;
// the shared reference gives the claim only as the workflow's name, so
// the fallback is noted.
func workflowName(doc map[string]any, wf string) (string, string) {
	switch n := doc["name"].(type) {
	case string:
		if n != "" {
			return n, ""
		}
	case nil:
	default:
		// YAML read a number or a boolean: GitHub shows the text.
		return fmt.Sprint(n), ""
	}
	return wf, "the workflow file sets no name:, so the workflow claim is taken to be its path, " + wf + ", as GitHub documents for github.workflow (not confirmed for the token's claim)"
}

func pickJob(doc map[string]any, job, file string) (map[string]any, string, error) {
	jobs, _ := doc["jobs"].(map[string]any)
	names := make([]string, 0, len(jobs))
	for n := range jobs {
		names = append(names, n)
	}
	sort.Strings(names)
	if job == "" {
		if len(names) != 1 {
			return nil, "", fmt.Errorf("%w: workflow %s has jobs %s: name one", ErrContext, file, strings.Join(names, ", "))
		}
		job = names[0]
	}
	def, ok := jobs[job].(map[string]any)
	if !ok {
		return nil, "", fmt.Errorf("%w: workflow %s has no job %s (it has %s)", ErrContext, file, escape.Quoted(job), strings.Join(names, ", "))
	}
	return def, job, nil
}

// environmentOf is the job's environment: a name, or {name: …}. A name
// computed by an expression cannot be simulated: it is left out, with a
// note.
func environmentOf(job map[string]any) (string, string) {
	var name string
	switch e := job["environment"].(type) {
	case string:
		name = e
	case map[string]any:
		name, _ = e["name"].(string)
	}
	if strings.Contains(name, "${{") {
		return "", "environment " + name + " is an expression: give --environment with the value it takes"
	}
	return name, ""
}

type event struct {
	name           string
	branches, tags filter
}

// filtered are the events whose branches and tags filters name the refs
// they run on (for pull requests and merge queues, the base branch);
// other events' filters (workflow_run's branches: the triggering run's)
// say nothing of the job's ref.
var filtered = map[string]bool{"push": true, "pull_request": true, "pull_request_target": true, "merge_group": true}

// events reads on: in its three forms: a name, a list of names, or a map
// from name to its filters.
func events(on any) []event {
	var out []event
	switch v := on.(type) {
	case string:
		out = append(out, event{name: v})
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, event{name: s})
			}
		}
	case map[string]any:
		names := make([]string, 0, len(v))
		for n := range v {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			e := event{name: n}
			if f, ok := v[n].(map[string]any); ok && filtered[n] {
				e.branches = filterOf(f, "branches")
				if n == "push" {
					e.tags = filterOf(f, "tags")
				}
			}
			out = append(out, e)
		}
	}
	return out
}

func filterOf(f map[string]any, key string) filter {
	only, ignore := f[key], f[key+"-ignore"]
	return filter{set: only != nil || ignore != nil, only: stringsOf(only), ignore: stringsOf(ignore)}
}

type refChoice struct{ ref, note string }

// madeUpBranch stands for a branch the filters let through when they
// exclude the default branch.
const madeUpBranch = "refs/heads/" + madeUpHead

// refsFor picks the refs to simulate an event on (for a pull request,
// the base branches): the one the user gave (base's BaseRef for a pull
// request, else its Ref), noted when the event's filters exclude it;
// else one per filter pattern (filled in with an example) the filters let
// through; else the default branch, defaultRef, or a made-up branch when
// the filters exclude it. Events that run only on the default branch run
// there, a merge queue on its queue branch, a release on a tag. No ref
// left: no trigger.
func refsFor(e event, base Context, defaultRef string) []refChoice {
	given := fullRef(base.Ref)
	if pullRequestEvent(e.name) || e.name == "merge_group" {
		given = fullRef(base.BaseRef)
		if e.name == "merge_group" && given == "" {
			given = fullRef(base.Ref)
		}
	}
	if given != "" {
		choice := refChoice{ref: given}
		if !e.runs(given) {
			what := e.name + " on " + given
			if pullRequestEvent(e.name) {
				what = e.name + " into " + given
			}
			choice.note = what + ": " + excludedBy(e, given)
		}
		if e.name == "merge_group" {
			choice.ref, _ = JobRef(e.name, given, defaultRef)
		} else if !pullRequestEvent(e.name) {
			choice.ref = base.Ref
		}
		return []refChoice{choice}
	}
	switch {
	case onDefaultBranch[e.name]:
		return []refChoice{{defaultRef, e.name + " runs on the default branch, " + branchName(defaultRef) + " (give --default-branch)"}}
	case e.name == "release":
		// A release runs on its tag.
		return []refChoice{{"refs/tags/v1.0.0", "release: runs on the release's tag; v1.0.0 assumed (give --ref)"}}
	}
	var out []refChoice
	for _, b := range e.branches.positive() {
		r, note := example(b, "refs/heads/")
		out = append(out, refChoice{r, note})
	}
	for _, t := range e.tags.positive() {
		r, note := example(t, "refs/tags/")
		out = append(out, refChoice{r, note})
	}
	if len(out) == 0 {
		out = append(out, refChoice{defaultRef, "no ref in the file: the default branch, " + branchName(defaultRef) + ", assumed (give --ref)"})
		switch {
		case pullRequestEvent(e.name):
			out[0].note = "no target branch in the file: a pull request into the default branch, " + branchName(defaultRef) + ", assumed (give --base-ref)"
		case e.name == "merge_group":
			out[0].note = "no target branch in the file: a merge queue for the default branch, " + branchName(defaultRef) + ", assumed (give --base-ref)"
		}
		if !e.runs(defaultRef) {
			out[0] = refChoice{madeUpBranch, "the workflow's filters exclude the default branch: a branch they let through, " + branchName(madeUpBranch) + ", made up (give --ref or --base-ref)"}
		}
	}
	kept := out[:0]
	for _, c := range out {
		if !e.runs(c.ref) {
			continue
		}
		if e.name == "merge_group" {
			c.ref, _ = JobRef(e.name, c.ref, defaultRef)
		}
		kept = append(kept, c)
	}
	return kept
}

// excludedBy says that GitHub would not run e for ref (e.runs is false),
// and why: a branch or tag filter leaves it out, or the file filters only
// the other kind of ref, and GitHub then runs the trigger for none of
// this kind.
func excludedBy(e event, ref string) string {
	tag := strings.HasPrefix(ref, "refs/tags/")
	switch {
	case tag && !e.tags.set:
		return "the workflow filters only branches, so GitHub runs this trigger for no tag"
	case !tag && !e.branches.set:
		return "the workflow filters only tags, so GitHub runs this trigger for no branch"
	case tag:
		return "the workflow's tags filters exclude it, so GitHub would not run this trigger"
	}
	return "the workflow's branches filters exclude it, so GitHub would not run this trigger"
}

// example turns a filter pattern into a ref that matches it: a \
// escape stands for its character, a wildcard for an example.
func example(pattern, prefix string) (string, string) {
	name, special := unescaped(pattern)
	if !special {
		return prefix + name, ""
	}
	var b strings.Builder
	rs := []rune(pattern)
	for i := 0; i < len(rs); i++ {
		switch ch := rs[i]; {
		case ch == '\\' && i+1 < len(rs):
			i++
			b.WriteRune(rs[i])
		case ch == '*':
			b.WriteString("1.0.0")
			if i+1 < len(rs) && rs[i+1] == '*' {
				i++
			}
		case ch == '?' || ch == '+':
			// The preceding character, written once, matches both.
		default:
			b.WriteRune(ch)
		}
	}
	r := b.String()
	return prefix + r, "filter " + pattern + " simulated as " + prefix + r
}

// reusable is job_workflow_ref for a job that uses: a reusable workflow:
// ./path in the same repository at the run's ref (as Build makes it: a
// pull_request's merge ref, pull_request_target's default branch), or
// OWNER/REPO/path@REF.
func reusable(uses string, c Context) (string, string) {
	if p, ok := strings.CutPrefix(uses, "./"); ok {
		ref := cmp.Or(fullRef(c.Ref), fullRef(valueOr(c.DefaultBranch, "main")))
		if sim, err := Build(c); err == nil {
			ref, _ = sim.Claims["ref"].(string)
		}
		return c.Repository + "/" + p + "@" + ref, ""
	}
	if strings.Contains(uses, "${{") {
		return "", "uses: " + uses + " is an expression: give --job-workflow"
	}
	return uses, ""
}

func stringsOf(v any) []string {
	var out []string
	switch l := v.(type) {
	case string:
		out = append(out, l)
	case []any:
		for _, e := range l {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// Name names the trigger in a summary: its event and ref, or for a pull
// request the branch it targets.
func (t Trigger) Name() string {
	c := t.Context
	if pullRequestEvent(c.Event) {
		return c.Event + " into " + fullRef(cmp.Or(c.BaseRef, c.DefaultBranch, "main"))
	}
	return c.Event + " " + c.Ref
}
