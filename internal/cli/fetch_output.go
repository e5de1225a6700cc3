package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/actions/fetchrun"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
)

// fetched is what fetch learned: per token, the plan, the raw token and
// the report of the real (unredacted) token.
type fetched struct {
	plans     []fetchrun.Plan
	tokens    []string
	reports   []*inspect.Report
	anyPolicy bool // --any: one allowing policy, of any token, is enough
}

// finish sets the step outputs, prints the reports (redacted), appends the
// step summary and returns the exit code.
func finish(res fetched, o *fetchOptions, s streams) int {
	verdict := fetchrun.Combined(res.reports, res.anyPolicy)
	code := fetchrun.ExitCode(res.reports, verdict, res.anyPolicy, o.noFail)
	if path := s.getenv(actions.EnvOutput); path != "" {
		if err := actions.WriteOutputs(path, fetchrun.StepOutputs(res.reports, verdict)); err != nil {
			fmt.Fprintf(s.errOut, "oidcscope: writing the step outputs: %s\n", escape.Text(err.Error()))
			code = exitProblem
		}
	}
	shown := make([]*inspect.Report, len(res.reports))
	sections := make([]report.MarkdownSection, len(res.reports))
	for i, r := range res.reports {
		shown[i] = redact.Report(r, o.output.redact)
		sections[i] = report.MarkdownSection{Heading: res.plans[i].Heading(), Report: shown[i]}
	}
	out := s.out
	if o.printToken {
		out = s.errOut // stdout carries the tokens alone
	}
	if err := writeReports(out, res.plans, shown, o.output.json, s.getenv); err != nil {
		fmt.Fprintf(s.errOut, "oidcscope: writing the report: %v\n", err)
		return exitProblem
	}
	if path := s.getenv(actions.EnvStepSummary); path != "" {
		var md bytes.Buffer
		err := report.Markdown(&md, sections...)
		if err == nil {
			err = actions.AppendSummary(path, md.Bytes())
		}
		if err != nil {
			// The verdict is in the log and the outputs: say so, go on.
			fmt.Fprintf(s.errOut, "oidcscope: writing the step summary: %s\n", escape.Text(err.Error()))
		}
	}
	if o.printToken {
		fmt.Fprintln(s.errOut, "oidcscope: warning: stdout holds the raw token: a credential anyone who reads it can use until it expires")
		for _, t := range res.tokens {
			// A real token is base64url and dots, which escaping leaves as
			// is; whatever else the endpoint answered must not reach a
			// terminal raw.
			fmt.Fprintln(s.out, escape.Text(t))
		}
	}
	return code
}

// writeReports prints each token's report under a heading naming its
// audience; with --json, one document per token, one after the other (a
// stream jq reads as is).
func writeReports(w io.Writer, plans []fetchrun.Plan, reports []*inspect.Report, asJSON bool, getenv env) error {
	for i, r := range reports {
		if asJSON {
			if err := report.JSON(w, r); err != nil {
				return err
			}
			continue
		}
		rend := lipgloss.NewRenderer(w, termenv.WithEnvironment(environ(getenv)))
		sep := ""
		if i > 0 {
			sep = "\n"
		}
		if _, err := fmt.Fprintf(w, "%s%s\n", sep, rend.NewStyle().Bold(true).Render("── "+escape.Text(plans[i].Heading())+" ──")); err != nil {
			return err
		}
		if err := report.Text(w, r, rend); err != nil {
			return err
		}
	}
	return nil
}

// fetchFailed reports why no token could be inspected: on stderr, in the
// step summary, and as the verdict output "error". A job without the
// permission gets the exact block to add. It returns fetch's exit error.
func fetchFailed(s streams, heading string, err error) error {
	fmt.Fprintf(s.errOut, "oidcscope: %s\n", escape.Text(err.Error()))
	problem, snippet := err.Error(), ""
	if errors.Is(err, actions.ErrNoIDTokenPermission) {
		const add = "add this to the job (or the workflow); a run triggered by a pull request from a fork never gets an ID token"
		snippet, problem = actions.PermissionsBlock, problem+"; "+add
		fmt.Fprintf(s.errOut, "oidcscope: %s:\n\n%s\n", add, indent(snippet, "  "))
	}
	if errors.Is(err, actions.ErrNotInActions) {
		fmt.Fprintln(s.errOut, "oidcscope: fetch runs as a step of a GitHub Actions job; to inspect a token you have, run oidcscope inspect TOKEN")
	}
	if path := s.getenv(actions.EnvStepSummary); path != "" {
		var md bytes.Buffer
		if report.MarkdownProblem(&md, heading, problem, snippet, "yaml") == nil {
			if err := actions.AppendSummary(path, md.Bytes()); err != nil {
				fmt.Fprintf(s.errOut, "oidcscope: writing the step summary: %s\n", escape.Text(err.Error()))
			}
		}
	}
	if path := s.getenv(actions.EnvOutput); path != "" {
		if err := actions.WriteOutputs(path, fetchrun.FailedOutputs()); err != nil {
			fmt.Fprintf(s.errOut, "oidcscope: writing the step outputs: %s\n", escape.Text(err.Error()))
		}
	}
	return exitWith(exitProblem)
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return prefix + strings.Join(lines, "\n"+prefix)
}
