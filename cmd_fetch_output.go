package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/actions"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
)

// fetched is what fetch learned: per token, the plan, the raw token and
// the report of the real (unredacted) token.
type fetched struct {
	plans     []tokenPlan
	tokens    []string
	reports   []*inspect.Report
	anyPolicy bool // --any: one allowing policy, of any token, is enough
}

// Verdicts of the verdict step output, worst last.
const (
	verdictNone  = "none"  // no policy was given
	verdictAllow = "allow" // every given policy allows (with --any: one does)
	verdictDeny  = "deny"  // a given policy denies
	verdictError = "error" // a policy could not be evaluated, or no token was inspected
)

var verdictRank = map[string]int{verdictNone: 0, verdictAllow: 1, verdictDeny: 2, verdictError: 3}

// finish sets the step outputs, prints the reports (redacted), appends the
// step summary and returns the exit code: the worst of the tokens', where
// with --no-fail a policy's verdict does not count.
func (c fetchCommand) finish(res fetched, ff fetchFlags, asJSON bool, stdout, stderr io.Writer, getenv env) int {
	verdict := combinedVerdict(res.reports, res.anyPolicy)
	code := 0
	for _, r := range res.reports {
		code = max(code, exitCode(r, ff.noFail || res.anyPolicy))
	}
	if res.anyPolicy && !ff.noFail && (verdict == verdictDeny || verdict == verdictError) {
		code = max(code, 1) // --any: no token had a policy that allows
	}
	if path := getenv(actions.EnvOutput); path != "" {
		if err := actions.WriteOutputs(path, stepOutputs(res.reports, verdict)); err != nil {
			fmt.Fprintf(stderr, "oidcscope: writing the step outputs: %s\n", escape.Text(err.Error()))
			code = 2
		}
	}
	shown := make([]*inspect.Report, len(res.reports))
	sections := make([]report.MarkdownSection, len(res.reports))
	for i, r := range res.reports {
		shown[i] = redact.Report(r, ff.redact)
		sections[i] = report.MarkdownSection{Heading: res.plans[i].heading(), Report: shown[i]}
	}
	out := stdout
	if ff.printToken {
		out = stderr // stdout carries the tokens alone
	}
	if err := writeReports(out, res.plans, shown, asJSON, getenv); err != nil {
		fmt.Fprintf(stderr, "oidcscope: writing the report: %v\n", err)
		return 2
	}
	if path := getenv(actions.EnvStepSummary); path != "" {
		var md bytes.Buffer
		err := report.Markdown(&md, sections...)
		if err == nil {
			err = actions.AppendSummary(path, md.Bytes())
		}
		if err != nil {
			// The verdict is in the log and the outputs: say so, go on.
			fmt.Fprintf(stderr, "oidcscope: writing the step summary: %s\n", escape.Text(err.Error()))
		}
	}
	if ff.printToken {
		fmt.Fprintln(stderr, "oidcscope: warning: stdout holds the raw token: a credential anyone who reads it can use until it expires")
		for _, t := range res.tokens {
			// A real token is base64url and dots, which escaping leaves as
			// is; whatever else the endpoint answered must not reach a
			// terminal raw.
			fmt.Fprintln(stdout, escape.Text(t))
		}
	}
	return code
}

// exitCode is inspect's exit code for r; with noFail, what the policies
// decided does not count, every other check still does.
func exitCode(r *inspect.Report, noFail bool) int {
	if !noFail {
		return r.ExitCode()
	}
	without := *r
	without.Policies = nil
	return without.ExitCode()
}

// writeReports prints each token's report under a heading naming its
// audience; with --json, one document per token, one after the other (a
// stream jq reads as is).
func writeReports(w io.Writer, plans []tokenPlan, reports []*inspect.Report, asJSON bool, getenv env) error {
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
		if _, err := fmt.Fprintf(w, "%s%s\n", sep, rend.NewStyle().Bold(true).Render("── "+escape.Text(plans[i].heading())+" ──")); err != nil {
			return err
		}
		if err := report.Text(w, r, rend); err != nil {
			return err
		}
	}
	return nil
}

// combinedVerdict is the worst verdict of the tokens, or with --any allow
// when any token's policies allow.
func combinedVerdict(reports []*inspect.Report, anyPolicy bool) string {
	verdict := verdictNone
	for _, r := range reports {
		v := verdictOf(r)
		if anyPolicy && v == verdictAllow {
			return verdictAllow
		}
		if verdictRank[v] > verdictRank[verdict] {
			verdict = v
		}
	}
	return verdict
}

// stepOutputs are the step's outputs: sub of the first token (every token
// of a job has the same), aud of every token joined with commas in the
// order requested, and the verdict. They are the real values, not
// redacted: outputs feed later steps, they are not shown.
func stepOutputs(reports []*inspect.Report, verdict string) []actions.Output {
	var sub string
	var auds []string
	for _, r := range reports {
		if r.Token == nil {
			continue
		}
		if s, ok := r.Token.Payload.Str("sub"); ok && sub == "" {
			sub = s
		}
		if v, ok := r.Token.Payload.Get("aud"); ok {
			if list, ok := policy.StringList(v); ok {
				auds = policy.AppendAudiences(auds, list...)
			}
		}
	}
	return []actions.Output{{Name: "sub", Value: sub}, {Name: "aud", Value: strings.Join(auds, ",")}, {Name: "verdict", Value: verdict}}
}

// verdictOf sums up one report's policies as the exit code reads them.
func verdictOf(r *inspect.Report) string {
	if r.Token == nil {
		return verdictError
	}
	if len(r.Policies) == 0 {
		return verdictNone
	}
	counts := map[policy.Verdict]int{}
	for _, p := range r.Policies {
		counts[p.Verdict]++
	}
	switch {
	case r.PoliciesAny && counts[policy.Allow] > 0, counts[policy.Allow] == len(r.Policies):
		return verdictAllow
	case counts[policy.Deny] > 0:
		return verdictDeny
	}
	return verdictError
}

// failed reports why no token could be inspected: on stderr, in the step
// summary, and as the verdict output "error", so a later step that runs
// anyway (if: always()) can tell. A job without the permission gets the
// exact block to add.
func (c fetchCommand) failed(stderr io.Writer, getenv env, heading string, err error) int {
	fmt.Fprintf(stderr, "oidcscope: %s\n", escape.Text(err.Error()))
	problem, snippet := err.Error(), ""
	if errors.Is(err, actions.ErrNoIDTokenPermission) {
		const add = "add this to the job (or the workflow); a run triggered by a pull request from a fork never gets an ID token"
		snippet, problem = actions.PermissionsBlock, problem+"; "+add
		fmt.Fprintf(stderr, "oidcscope: %s:\n\n%s\n", add, indent(snippet, "  "))
	}
	if errors.Is(err, actions.ErrNotInActions) {
		fmt.Fprintln(stderr, "oidcscope: fetch runs as a step of a GitHub Actions job; to inspect a token you have, run oidcscope inspect TOKEN")
	}
	if path := getenv(actions.EnvStepSummary); path != "" {
		var md bytes.Buffer
		if report.MarkdownProblem(&md, heading, problem, snippet, "yaml") == nil {
			if err := actions.AppendSummary(path, md.Bytes()); err != nil {
				fmt.Fprintf(stderr, "oidcscope: writing the step summary: %s\n", escape.Text(err.Error()))
			}
		}
	}
	if path := getenv(actions.EnvOutput); path != "" {
		if err := actions.WriteOutputs(path, []actions.Output{{Name: "verdict", Value: verdictError}}); err != nil {
			fmt.Fprintf(stderr, "oidcscope: writing the step outputs: %s\n", escape.Text(err.Error()))
		}
	}
	return 2
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	return prefix + strings.Join(lines, "\n"+prefix)
}
