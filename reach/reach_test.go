package reach

import (
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
	rawEnv := regexp.MustCompile(`environment:([A-Za-z0-9._-]+)`)
	var allowed atomic.Int32
	t.Run("files", func(t *testing.T) {
		for file, pols := range samplePolicies(t) {
			t.Run(path.Base(file), func(t *testing.T) {
				t.Parallel()
				data, _ := fs.ReadFile(fixtures.Policies(), file)
				refs := []string{"refs/heads/main", "refs/heads/feature/x", "refs/tags/v2.3.4"}
				for _, r := range rawRef.FindAllString(string(data), -1) {
					refs = append(refs, fill(r))
				}
				envs := []string{"", "prod", "production", "staging", "release", "pypi"}
				for _, m := range rawEnv.FindAllStringSubmatch(string(data), -1) {
					envs = append(envs, m[1])
				}
				for _, p := range pols {
					table, err := Of(p, base())
					if err != nil {
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
					for _, sc := range Contexts(ctx, Events(), refs, envs, []string{"legacy", "renamed", "immutable"}) {
						row, err := evaluate(p, sc.Context)
						if err != nil {
							t.Fatal(err)
						}
						if row.Verdict == policy.Allow {
							brute[key{sc.Event, sc.Environment, sc.Subject}] = true
						}
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
		file string
		want func(r Row) bool // the rows that must be exactly the allowed ones
	}{
		{"policies/aws/trust-environment-prod.json", func(r Row) bool {
			// Both sub forms are listed, and repository_id pins the
			// repository: a rename keeps the ID but changes sub.
			return r.Environment == "prod" && r.Subject != "renamed"
		}},
	}
	for _, tt := range tests {
		ps := pols[tt.file]
		if len(ps) == 0 {
			t.Fatalf("%s not parsed", tt.file)
		}
		table, err := Of(ps[0], base())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range table.Rows {
			if got, want := r.Verdict == policy.Allow, tt.want(r); got != want {
				t.Errorf("%s: %s %s env=%q %s: allowed %v, want %v (failing %q)", path.Base(tt.file), r.Event, r.Ref, r.Environment, r.Subject, got, want, r.Failing)
			}
		}
	}
}

// Every pull request runs on the merge ref, so the refs a policy mentions
// meet in one simulated job: the table lists it once.
func TestRowsAreDistinctJobs(t *testing.T) {
	ps := samplePolicies(t)["policies/aws/trust-environment-prod.json"]
	table, err := Of(ps[0], base())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[4]string]bool{}
	for _, r := range table.Rows {
		k := [4]string{r.Event, r.Ref, r.Environment, r.Subject}
		if seen[k] {
			t.Fatalf("job %v listed twice", k)
		}
		seen[k] = true
	}
}
