package simulate

import (
	"errors"
	"strings"
	"testing"
)

func TestFromWorkflow(t *testing.T) {
	base := Context{Repository: "octo-org/octo-repo"}
	tests := []struct {
		name, file, job string
		want            []string // event ref environment job_workflow_ref, per trigger
	}{
		{"one event, one job", "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n", "",
			[]string{"push refs/heads/main  "}},
		{"list of events", "on: [push, workflow_dispatch]\njobs:\n  b: {runs-on: x}\n", "",
			[]string{"push refs/heads/main  ", "workflow_dispatch refs/heads/main  "}},
		{"filters, environment by name", `
on:
  push:
    branches: [main, release]
    tags: ['v*']
  pull_request:
jobs:
  deploy:
    environment: prod
    runs-on: ubuntu-latest
  test:
    runs-on: ubuntu-latest
`, "deploy", []string{"pull_request  prod ", "push refs/heads/main prod ", "push refs/heads/release prod ", "push refs/tags/v1.0.0 prod "}},
		{"environment as a map, same-repository reusable workflow", `
on: {release: {types: [published]}}
jobs:
  publish:
    environment: {name: pypi, url: https://example.invalid}
    uses: ./.github/workflows/publish.yml
`, "", []string{"release refs/tags/v1.0.0 pypi octo-org/octo-repo/.github/workflows/publish.yml@refs/tags/v1.0.0"}},
		{"reusable workflow in another repository", `
on: push
jobs:
  oidc:
    uses: octo-org/octo-automation/.github/workflows/oidc.yml@main
`, "", []string{"push refs/heads/main  octo-org/octo-automation/.github/workflows/oidc.yml@main"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			trs, err := FromWorkflow(".github/workflows/deploy.yml", []byte(tt.file), tt.job, base)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tr := range trs {
				c := tr.Context
				if c.Workflow != ".github/workflows/deploy.yml" {
					t.Errorf("workflow %q", c.Workflow)
				}
				got = append(got, strings.Join([]string{c.Event, c.Ref, c.Environment, c.JobWorkflow}, " "))
				if _, err := Build(c); err != nil {
					t.Errorf("trigger %s does not build: %v", c.Event, err)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestFromWorkflowRefusals(t *testing.T) {
	tests := []struct{ name, file, job, want string }{
		{"not YAML", "on: [", "", "workflow"},
		{"no on:", "jobs: {a: {}}", "", "no on:"},
		{"two jobs, none named", "on: push\njobs: {a: {}, b: {}}", "", "name one"},
		{"unknown job", "on: push\njobs: {a: {}}", "z", `no job "z"`},
	}
	for _, tt := range tests {
		_, err := FromWorkflow("w.yml", []byte(tt.file), tt.job, Context{Repository: "o/r"})
		if !errors.Is(err, ErrContext) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// An environment computed by an expression is not guessed.
func TestFromWorkflowExpressionEnvironment(t *testing.T) {
	trs, err := FromWorkflow("w.yml", []byte("on: push\njobs:\n  d:\n    environment: ${{ inputs.env }}\n"), "", Context{Repository: "o/r"})
	if err != nil {
		t.Fatal(err)
	}
	if trs[0].Context.Environment != "" || !strings.Contains(strings.Join(trs[0].Notes, "\n"), "expression") {
		t.Errorf("environment %q notes %q", trs[0].Context.Environment, trs[0].Notes)
	}
}
