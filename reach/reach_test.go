package reach

import (
	"errors"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/simulate"
)

func base() simulate.Context {
	return simulate.Context{Repository: "octo-org/octo-repo", OwnerID: "65", RepoID: "74"}
}

// samplePolicies parses every sample policy of every provider.
func samplePolicies(t *testing.T) map[string][]policy.Policy {
	t.Helper()
	out := map[string][]policy.Policy{}
	err := fs.WalkDir(fixtures.Policies(), "policies", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := fs.ReadFile(fixtures.Policies(), p)
		if err != nil {
			return err
		}
		for _, prov := range policyset.All() {
			if !prov.Detect(data) {
				continue
			}
			pols, err := prov.Parse(p, data)
			if err == nil {
				out[p] = append(out[p], pols...)
			}
			break
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) < 20 {
		t.Fatalf("only %d sample policy files parsed", len(out))
	}
	return out
}

// key is a context projected to what the reach table promises: an event,
// an environment and a subject form let in, whatever the exact ref.
type key struct{ event, env, subject string }

// For every sample policy, reach's table lets in exactly the (event,
// environment, subject form) combinations that a brute-force enumeration
// — every event, many refs, the values the policy's raw text mentions —
// finds the evaluator allowing. An environment the brute force guesses
// (prod, staging…) and the policy does not name must show up as the
// table's OtherEnvironment row.
func TestReachIsCompleteForSamplePolicies(t *testing.T) {
	rawRef := regexp.MustCompile(`refs/(?:heads|tags)/[A-Za-z0-9._/*-]+`)
	rawEnv := regexp.MustCompile(`environment:\s*"?([A-Za-z0-9._-]+)`)
	// A publisher document's workflow file, the repository of a reusable
	// one, and a tag pattern with the versions the text holds.
	rawWorkflow := regexp.MustCompile(`[A-Za-z0-9._-]+\.ya?ml\b`)
	rawWorkflowRepo := regexp.MustCompile(`workflow_repository:\s*"?([A-Za-z0-9._-]+/[A-Za-z0-9._-]+)|([A-Za-z0-9._-]+/[A-Za-z0-9._-]+)/\.github/workflows/`)
	rawTagPattern := regexp.MustCompile(`tag_pattern:\s*"?([^"\s]+)`)
	rawVersion := regexp.MustCompile(`\b[0-9]+\.[0-9]+\.[0-9]+\b`)
	var allowed, publishersAllowed atomic.Int32
	t.Run("files", func(t *testing.T) {
		for file, pols := range samplePolicies(t) {
			t.Run(path.Base(file), func(t *testing.T) {
				t.Parallel()
				data, _ := fs.ReadFile(fixtures.Policies(), file)
				refs := []string{"refs/heads/main", "refs/heads/feature/x", "refs/tags/v2.3.4"}
				for _, r := range rawRef.FindAllString(string(data), -1) {
					if !strings.Contains(r, "{{") {
						refs = append(refs, fill(r))
					}
				}
				for _, tp := range rawTagPattern.FindAllStringSubmatch(string(data), -1) {
					for _, v := range append(rawVersion.FindAllString(string(data), -1), "2.3.4") {
						refs = append(refs, "refs/tags/"+strings.ReplaceAll(tp[1], "{{version}}", v))
					}
				}
				// The default workflow file, and each the text names, run or
				// called from each repository it names.
				workflows := [][2]string{{"", ""}}
				// A regular expression's escapes undone (deploy\\.yml).
				unescaped := strings.ReplaceAll(string(data), `\`, "")
				for _, w := range rawWorkflow.FindAllString(unescaped, -1) {
					workflows = append(workflows, [2]string{".github/workflows/" + w, ""})
					for _, r := range rawWorkflowRepo.FindAllStringSubmatch(unescaped, -1) {
						workflows = append(workflows, [2]string{"", r[1] + r[2] + "/.github/workflows/" + w + "@refs/heads/main"})
					}
				}
				envs := []string{"", "prod", "production", "staging", "release", "pypi"}
				for _, m := range rawEnv.FindAllStringSubmatch(string(data), -1) {
					envs = append(envs, m[1])
				}
				for _, p := range pols {
					// A sample its provider refuses (bad-cel.yaml) has no
					// rows: the brute force must then find no job let in.
					table, err := Of(p, base())
					var refused *UnevaluableError
					if err != nil && !errors.As(err, &refused) {
						t.Fatalf("%s: %v", file, err)
					}
					fromTable := map[key]bool{}
					for _, r := range table.Allowed() {
						fromTable[key{r.Event, r.Environment, r.Subject}] = true
					}
					brute := map[key]bool{}
					ctx := base()
					ctx.Audience = audienceOf(table)
					envs := append([]string{""}, uniq(append(envs, table.envs()...))...)
					for _, wf := range workflows {
						ctx.Workflow, ctx.JobWorkflow = wf[0], wf[1]
						for _, sc := range Contexts(ctx, Events(), refs, refs, envs, []string{"legacy", "renamed", "immutable"}) {
							row, err := evaluate(p, sc.Context)
							if err != nil {
								t.Fatal(err)
							}
							if row.Verdict == policy.Allow {
								brute[key{sc.Event, sc.Environment, sc.Subject}] = true
							}
						}
					}
					if _, ok := p.(documented); ok && len(fromTable) > 0 {
						publishersAllowed.Add(1)
					}
					for k := range brute {
						listed := fromTable[k]
						if k.env != "" && !slices.Contains(table.envs(), k.env) {
							// An environment the policy does not name: the table
							// must show that it lets in any, or any that starts
							// with one it names.
							listed = fromTable[key{k.event, OtherEnvironment, k.subject}]
							for _, e := range table.envs() {
								if strings.HasPrefix(k.env, e) && fromTable[key{k.event, e + PrefixProbe, k.subject}] {
									listed = true
								}
							}
						}
						if !listed {
							t.Errorf("%s %s: the evaluator allows %+v, the reach table does not list it", file, p.Name(), k)
						}
					}
					for k := range fromTable {
						if !brute[k] {
							t.Errorf("%s %s: the reach table allows %+v, the brute-force enumeration never does", file, p.Name(), k)
						}
					}
					if len(fromTable) > 0 {
						allowed.Add(1)
					}
				}
			})
		}
	})
	allowedSomewhere := int(allowed.Load())
	if allowedSomewhere < 10 {
		t.Errorf("only %d sample policies let any context in: the audience or contexts are off", allowedSomewhere)
	}
	// Most publisher samples let in some job of octo-org/octo-repo (their
	// READMEs' tables); those that do not name another repository, IDs,
	// version or caller, or need an audience only --audience can give.
	if n := int(publishersAllowed.Load()); n < 15 {
		t.Errorf("only %d publisher samples let any context in: the workflow, tag or audience is off", n)
	}
}

// audienceOf reads the audience the table assumed from its notes.
func audienceOf(t Table) string {
	for _, n := range t.Notes {
		if a, ok := strings.CutPrefix(n, "audience "); ok {
			return strings.TrimSuffix(a, " assumed (give --audience)")
		}
	}
	return ""
}

// envs is the environments the table tried.
func (t Table) envs() []string {
	var out []string
	for _, r := range t.Rows {
		if r.Environment != "" && !slices.Contains(out, r.Environment) {
			out = append(out, r.Environment)
		}
	}
	return out
}

// Hand-checked tables: what each sample lets in, in words a reviewer can
// check against the policy file.
func TestReachOfKnownPolicies(t *testing.T) {
	pols := samplePolicies(t)
	tests := []struct {
		file     string
		audience string           // the jobs' audience when the policy cannot say ("": reach's choice)
		want     func(r Row) bool // the rows that must be exactly the allowed ones (at least one)
	}{
		{"policies/aws/trust-environment-prod.json", "", func(r Row) bool {
			// Both sub forms are listed, and repository_id pins the
			// repository: a rename keeps the ID but changes sub.
			return r.Environment == "prod" && r.Subject != "renamed"
		}},
		// Trusted publishers (shared reference on trusted publishing): the
		// jobs run from the workflow file the document names; a rename
		// changes the repository every registry but JSR compares.
		{"policies/nuget/octo-repo-deploy.yml", "", func(r Row) bool {
			// NuGet: no audience in the document (not checked offline),
			// names ignoring case, its event ban list deployment
			// configuration (not checked offline).
			return r.Subject != "renamed"
		}},
		{"policies/pypi/octo-repo-deploy.yml", "", func(r Row) bool {
			// PyPI refuses pull_request_target, and nothing else of these.
			return r.Subject != "renamed" && r.Event != "pull_request_target"
		}},
		{"policies/crates.io/octo-repo-release.yml", "", func(r Row) bool {
			// crates.io refuses pull_request_target and workflow_run.
			return r.Subject != "renamed" && r.Event != "pull_request_target"
		}},
		{"policies/rubygems/shared-workflow.yml", "", func(r Row) bool {
			// The reusable workflow of octo-automation, at any ref.
			return r.Subject != "renamed"
		}},
		{"policies/npm/octo-repo-deploy.yml", "npm:registry.example.test", func(r Row) bool {
			return r.Subject != "renamed"
		}},
		{"policies/jsr/octo-pkg.yml", "", func(r Row) bool {
			// JSR compares repository_id alone, which a rename keeps.
			return true
		}},
		{"policies/pub.dev/octo-repo-tags.yml", "", func(r Row) bool {
			// A push of the tag v{{version}} with version 1.4.0.
			return r.Event == "push" && r.Ref == "refs/tags/v1.4.0" && r.Subject != "renamed"
		}},
	}
	for _, tt := range tests {
		ps := pols[tt.file]
		if len(ps) == 0 {
			t.Fatalf("%s not parsed", tt.file)
		}
		ctx := base()
		ctx.Audience = tt.audience
		checkAllowed(t, tt.file, ps[0], ctx, tt.want)
	}
}

// checkAllowed fails unless p's table on ctx allows exactly the rows want
// picks, and at least one.
func checkAllowed(t *testing.T, file string, p policy.Policy, ctx simulate.Context, want func(Row) bool) {
	t.Helper()
	table, err := Of(p, ctx)
	if err != nil {
		t.Fatal(err)
	}
	wanted := 0
	for _, r := range table.Rows {
		if want(r) {
			wanted++
		}
		if got, want := r.Verdict == policy.Allow, want(r); got != want {
			t.Errorf("%s: %s %s env=%q %s: allowed %v, want %v (failing %q)", path.Base(file), r.Event, r.Ref, r.Environment, r.Subject, got, want, r.Failing)
		}
	}
	if wanted == 0 {
		t.Errorf("%s: no row of the %d is one the policy lets in", file, len(table.Rows))
	}
}

// A tag pattern with a {{version}} placeholder is tried with a tag that
// fits it and one that does not, never as the literal pattern.
func TestReachTriesTagsOfAPattern(t *testing.T) {
	ps := samplePolicies(t)["policies/pub.dev/octo-repo-tags.yml"]
	table, err := Of(ps[0], base())
	if err != nil {
		t.Fatal(err)
	}
	var fits, other bool
	for _, r := range table.Rows {
		if strings.Contains(r.Ref, "{{") {
			t.Fatalf("row on the literal pattern %q", r.Ref)
		}
		if r.Event != "push" || r.Subject != "legacy" || r.Environment != "" {
			continue
		}
		switch {
		case r.Ref == "refs/tags/v1.4.0":
			fits = r.Verdict == policy.Allow
		case strings.HasPrefix(r.Ref, "refs/tags/v") && r.Verdict == policy.Deny && slices.ContainsFunc(r.Failing, func(f string) bool { return strings.HasPrefix(f, "ref = refs/tags/v{{version}}") }):
			other = true
		}
	}
	if !fits || !other {
		t.Errorf("a push of the fitting tag allowed: %v; of another version's tag, refused on the tag: %v", fits, other)
	}
}

// The table says which workflow file its jobs run from when the policy
// names one, and what a policy whose audience it cannot tell costs.
func TestReachNotesWorkflowAndAudience(t *testing.T) {
	pols := samplePolicies(t)
	tests := []struct{ file, note string }{
		{"policies/nuget/octo-repo-deploy.yml", ".github/workflows/deploy.yml"},
		{"policies/rubygems/shared-workflow.yml", "octo-org/octo-automation/.github/workflows/oidc.yml@"},
		{"policies/npm/octo-repo-deploy.yml", "give --audience"},
	}
	for _, tt := range tests {
		table, err := Of(pols[tt.file][0], base())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(table.Notes, "\n"), tt.note) {
			t.Errorf("%s: notes %q lack %q", tt.file, table.Notes, tt.note)
		}
	}
}

// Every pull request runs on the merge ref, so the refs a policy mentions
// meet in one simulated job per base and head branch: the table lists it
// once.
func TestRowsAreDistinctJobs(t *testing.T) {
	ps := samplePolicies(t)["policies/aws/trust-environment-prod.json"]
	table, err := Of(ps[0], base())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[6]string]bool{}
	for _, r := range table.Rows {
		k := [6]string{r.Event, r.Ref, r.BaseRef, r.HeadRef, r.Environment, r.Subject}
		if seen[k] {
			t.Fatalf("job %v listed twice", k)
		}
		seen[k] = true
	}
}

// A policy whose conditions name the workflow file (workflow_ref,
// job_workflow_ref, as a pattern or a glob) is reached by the jobs of that
// file, or by jobs calling it when it lives in another repository.
func TestReachRunsTheWorkflowTheConditionsName(t *testing.T) {
	pols := samplePolicies(t)
	tests := []struct {
		file, name string
		want       func(r Row) bool
	}{
		{"policies/octo-sts/prod-deploy.sts.yaml", "", func(r Row) bool {
			// job_workflow_ref as a regular expression, escapes and all.
			return r.Environment == "prod" && r.Ref == "refs/heads/main" && r.Subject != "renamed"
		}},
		{"policies/vault/github-actions.json", "release", func(r Row) bool {
			// Another repository's reusable workflow, in a glob role that
			// binds no subject: a rename keeps the owner's ID.
			return r.Ref == "refs/heads/main" || strings.HasPrefix(r.Ref, "refs/tags/v")
		}},
	}
	for _, tt := range tests {
		var p policy.Policy
		for _, q := range pols[tt.file] {
			if tt.name == "" || strings.Contains(q.Name(), tt.name) {
				p = q
				break
			}
		}
		if p == nil {
			t.Fatalf("%s %s not parsed", tt.file, tt.name)
		}
		checkAllowed(t, tt.file, p, base(), tt.want)
	}
}
