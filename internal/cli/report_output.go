package cli

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
)

// writeReport prints rep as the output flags ask (JSON or text, redacted
// as asked), as inspect and simulate do.
func writeReport(s streams, out outputFlags, rep *inspect.Report) error {
	shown := redact.Report(rep, out.redact) // the exit code stays the real token's
	var err error
	if out.json {
		err = report.JSON(s.out, shown)
	} else {
		err = report.Text(s.out, shown, textRenderer(s))
	}
	if err != nil {
		return failf("writing the report: %w", err)
	}
	return nil
}

// textRenderer colours text for stdout as the environment allows.
func textRenderer(s streams) *lipgloss.Renderer {
	return lipgloss.NewRenderer(s.out, termenv.WithEnvironment(environ(s.getenv)))
}

// policyProblems says on stderr what the policy loader skipped and which
// documents could not be read; those make the exit code 2 (the user must
// fix the input), returned as an error. set may be nil.
func policyProblems(s streams, set *policyset.Set) error {
	sayPolicySkips(s, set.SkipNote())
	if set == nil || !set.Failed() {
		return nil
	}
	// The report shows them too; stderr says why the exit code is 2.
	for _, r := range set.Failures() {
		fmt.Fprintf(s.errOut, "oidcscope: policy %s: %s\n", escape.Text(r.Source), escape.Text(r.Error))
	}
	return exitWith(exitProblem)
}

// writeJSONDoc writes doc to stdout indented by two spaces, with no HTML
// escaping and every control or format character escaped, as the
// reports' JSON is.
func writeJSONDoc(s streams, doc any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return failf("writing the report: %w", err)
	}
	w := escape.NewJSONWriter(s.out)
	if _, err := w.Write(buf.Bytes()); err != nil {
		return failf("writing the report: %w", err)
	}
	if err := w.Close(); err != nil {
		return failf("writing the report: %w", err)
	}
	return nil
}
