package main

import (
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/actions/fetchrun"
	"github.com/oidcscope/oidcscope/internal/cli"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// actionFile is the part of action.yml (and of a workflow's steps) these
// tests read.
type actionFile struct {
	Name   string `json:"name"`
	Inputs map[string]struct {
		Description string  `json:"description"`
		Default     *string `json:"default"`
	} `json:"inputs"`
	Outputs map[string]struct {
		Description string `json:"description"`
		Value       string `json:"value"`
	} `json:"outputs"`
	Runs struct {
		Using string       `json:"using"`
		Steps []actionStep `json:"steps"`
	} `json:"runs"`
}

// actionStep is one step; encoding/json matches the YAML keys (id, name,
// shell, run, uses, with) to these fields without tags.
type actionStep struct {
	ID, Name, Shell, Run, Uses string
	With                       map[string]string
}

func readAction(t *testing.T) (actionFile, string) {
	t.Helper()
	a, data := readYAML[actionFile](t, "action.yml")
	return a, string(data)
}

// readYAML reads the YAML file at path into a T, and returns the file's
// bytes too.
func readYAML[T any](t *testing.T, path string) (T, []byte) {
	t.Helper()
	var v T
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s does not parse: %v", path, err)
	}
	return v, data
}

var (
	inputRef  = regexp.MustCompile(`\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}`)
	stepRef   = regexp.MustCompile(`\$\{\{\s*steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\s*\}\}`)
	flagInRun = regexp.MustCompile(`(?:^|[\s(])--([a-z][a-z-]*)`)
)

// TestActionYAML: a composite action whose expressions name only inputs
// and steps that exist, whose scripts interpolate no expression (inputs
// come in through env), and whose flags are fetch's.
func TestActionYAML(t *testing.T) {
	a, text := readAction(t)
	if a.Runs.Using != "composite" || a.Name == "" {
		t.Fatalf("runs.using %q, name %q: want a named composite action", a.Runs.Using, a.Name)
	}
	for _, want := range []string{"audience", "policy", "redact", "fail-on-deny"} {
		if _, ok := a.Inputs[want]; !ok {
			t.Errorf("no input %q", want)
		}
	}
	used := map[string]bool{}
	for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
		used[m[1]] = true
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("${{ inputs.%s }} names no input", m[1])
		}
	}
	for name, in := range a.Inputs {
		if !used[name] {
			t.Errorf("input %s is never read", name)
		}
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	ids := map[string]bool{}
	var fetch actionStep
	for _, s := range a.Runs.Steps {
		ids[s.ID] = true
		if s.Run != "" && s.Shell == "" {
			t.Errorf("step %q: a composite run step needs a shell", s.Name)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q interpolates an expression into its script: pass it through env", s.Name)
		}
		if s.ID == "fetch" {
			fetch = s
		}
	}
	for _, m := range stepRef.FindAllStringSubmatch(text, -1) {
		if !ids[m[1]] {
			t.Errorf("%s names no step", m[0])
		}
	}
	for _, want := range []string{"sub", "aud", "verdict"} {
		o, ok := a.Outputs[want]
		if !ok {
			t.Errorf("no output %q", want)
			continue
		}
		m := stepRef.FindStringSubmatch(o.Value)
		if m == nil || m[0] != strings.TrimSpace(o.Value) || m[1] != "fetch" || m[2] != want {
			t.Errorf("output %s = %q: want ${{ steps.fetch.outputs.%s }}", want, o.Value, want)
		}
	}
	root := cli.NewRootCommand(strings.NewReader(""), io.Discard, io.Discard, func(string) string { return "" })
	fetchCmd, _, err := root.Find([]string{"fetch"})
	if err != nil || fetchCmd.Name() != "fetch" {
		t.Fatalf("no fetch command: %v", err)
	}
	fs := fetchCmd.Flags()
	for _, m := range flagInRun.FindAllStringSubmatch(fetch.Run, -1) {
		if fs.Lookup(m[1]) == nil {
			t.Errorf("the script passes --%s, which fetch does not have", m[1])
		}
	}
}

// TestActionScript runs the fetch step's script with bash in a stand-in
// workspace, with oidcscope replaced by a stub printing its arguments: the
// inputs become the flags they should, globs and directories included.
func TestActionScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	a, _ := readAction(t)
	var script string
	for _, s := range a.Runs.Steps {
		if s.ID == "fetch" {
			script = s.Run
		}
	}
	ws := t.TempDir()
	for _, f := range []string{"roles/a.json", "roles/deep/b.json", "roles/c.yaml", "my dir/x.json"} {
		p := filepath.Join(ws, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stub := filepath.Join(t.TempDir(), "oidcscope")
	if err := os.WriteFile(stub, []byte("#!/bin/sh\nfor a in \"$@\"; do echo \"[$a]\"; done\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		inputs map[string]string
		want   string // the arguments, one [per] line; "" with fail
		fail   string
	}{
		{"defaults", nil, "[fetch] [--redact=signature]", ""},
		{"every input", map[string]string{
			"AUDIENCE": " sts.amazonaws.com \n\napi://AzureADTokenExchange\n", "POLICY": "roles/**/*.json\nroles\nmy dir/x.json",
			"REDACT": "ids", "FAIL_ON_DENY": "false",
		}, "[fetch] [--audience] [sts.amazonaws.com] [--audience] [api://AzureADTokenExchange] " +
			"[--policy] [roles/a.json] [--policy] [roles/deep/b.json] [--policy-dir] [roles] [--policy] [my dir/x.json] [--redact=ids] [--no-fail]", ""},
		{"redact false", map[string]string{"REDACT": "false"}, "[fetch] [--redact=none]", ""},
		{"a pattern matching nothing", map[string]string{"POLICY": "nope/*.json"}, "", "no file matches nope/*.json"},
		{"no shell injection", map[string]string{"POLICY": "$(touch pwned)\n`touch pwned`", "AUDIENCE": "$(touch pwned)"}, "[fetch] [--audience] [$(touch pwned)] [--policy] [$(touch pwned)] [--policy] [`touch pwned`] [--redact=signature]", ""},
		{"a bad redact value", map[string]string{"REDACT": "all"}, "", "redact: want true, ids or false"},
		{"a bad fail-on-deny value", map[string]string{"FAIL_ON_DENY": "yes"}, "", "fail-on-deny: want true or false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bash, "-c", script)
			cmd.Dir = ws
			// As the runner sets them: every input, its default when not given.
			env := map[string]string{"AUDIENCE": "", "POLICY": "", "REDACT": "true", "FAIL_ON_DENY": "true"}
			maps.Copy(env, tc.inputs)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "OIDCSCOPE_BIN=" + stub}
			for _, k := range slices.Sorted(maps.Keys(env)) {
				cmd.Env = append(cmd.Env, "OIDCSCOPE_"+k+"="+env[k])
			}
			out, err := cmd.CombinedOutput()
			got := strings.Join(strings.Fields(strings.ReplaceAll(string(out), "]\n[", "] [")), " ")
			if tc.fail != "" {
				if err == nil || !strings.Contains(string(out), tc.fail) {
					t.Errorf("err %v, output %q; want a failure saying %q", err, out, tc.fail)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("err %v\ngot  %s\nwant %s", err, got, tc.want)
			}
			if _, err := os.Stat(filepath.Join(ws, "pwned")); err == nil {
				t.Fatal("an input ran as a command")
			}
		})
	}
}

// workflowFile is the part of an example workflow the tests read.
type workflowFile struct {
	Permissions map[string]string `json:"permissions"`
	Jobs        map[string]struct {
		Permissions map[string]string `json:"permissions"`
		Steps       []actionStep      `json:"steps"`
	} `json:"jobs"`
}

// TestExamples: every example workflow parses, lets its job request an ID
// token, passes the action only inputs it has, and asks for the audience
// its sample policy (examples/policies/) expects, which is the one fetch
// would request by itself.
func TestExamples(t *testing.T) {
	a, _ := readAction(t)
	files, err := filepath.Glob(filepath.Join("examples", "*.yml"))
	if err != nil || len(files) < 4 {
		t.Fatalf("examples: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			w, _ := readYAML[workflowFile](t, f)
			uses := 0
			for name, job := range w.Jobs {
				if perm := job.Permissions; perm["id-token"] != "write" && w.Permissions["id-token"] != "write" {
					t.Errorf("job %s: no permissions: id-token: write (%v, %v)", name, w.Permissions, perm)
				}
				for _, s := range job.Steps {
					if !strings.HasPrefix(s.Uses, "oidcscope/oidcscope@") {
						continue
					}
					uses++
					for k := range s.With {
						if _, ok := a.Inputs[k]; !ok {
							t.Errorf("with: %s is not an input of the action", k)
						}
					}
					checkExampleAudience(t, s.With["policy"], s.With["audience"])
				}
			}
			if uses != 1 {
				t.Errorf("%d oidcscope steps, want 1", uses)
			}
		})
	}
}

func checkExampleAudience(t *testing.T, policyInput, audience string) {
	t.Helper()
	sample := filepath.Join("examples", "policies", filepath.Base(policyInput))
	set := policyset.Loader{}.Load([]string{sample}, nil, nil)
	pols, failures := set.Policies(), set.Failures()
	if len(failures) > 0 || len(pols) == 0 {
		t.Fatalf("sample %s: %d policies, failures %+v", sample, len(pols), failures)
	}
	plans := fetchrun.PlanTokens(nil, pols)
	if len(plans) != 1 || plans[0].Audience != audience {
		t.Errorf("the sample policy expects %q; the workflow requests %q", plans[0].Audience, audience)
	}
}
