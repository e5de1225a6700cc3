package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report/view"
)

// writeSimulated prints the simulated jobs' reports: one job's is the
// plain report, as inspect prints it; several are each report followed by
// a summary of the verdicts, or in JSON one object listing them.
func writeSimulated(s streams, out outputFlags, reports []simulatedReport) error {
	if len(reports) == 1 {
		return writeReport(s, out, reports[0].report)
	}
	if out.json {
		return writeSimulatedJSON(s, out, reports)
	}
	for i, sr := range reports {
		if i > 0 {
			if _, err := io.WriteString(s.out, "\n"); err != nil {
				return failf("writing the report: %w", err)
			}
		}
		if err := writeReport(s, out, sr.report); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(s.out, simulatedSummary(view.NewPalette(textRenderer(s), view.ANSIScheme), reports)); err != nil {
		return failf("writing the report: %w", err)
	}
	return nil
}

// simulatedJSON is several simulated jobs' reports (schema oidcscope/v1):
// each is the report `inspect --json` prints, with the trigger it is for.
type simulatedJSON struct {
	Schema    string              `json:"schema"`
	Simulated bool                `json:"simulated"`
	Reports   []simulatedJSONItem `json:"reports"`
}

type simulatedJSONItem struct {
	Trigger string          `json:"trigger"`
	Report  json.RawMessage `json:"report"`
}

func writeSimulatedJSON(s streams, out outputFlags, reports []simulatedReport) error {
	doc := simulatedJSON{Schema: inspect.Schema, Simulated: true, Reports: make([]simulatedJSONItem, 0, len(reports))}
	for _, sr := range reports {
		var buf bytes.Buffer
		one := s
		one.out = &buf
		if err := writeReport(one, out, sr.report); err != nil {
			return err
		}
		// The report is escaped JSON already; the trigger is escaped here.
		doc.Reports = append(doc.Reports, simulatedJSONItem{Trigger: sr.trigger, Report: buf.Bytes()})
	}
	return writeJSONDoc(s, doc)
}

// simulatedSummary lists each job's trigger with every policy's verdict,
// to compare the triggers at a glance after the reports.
func simulatedSummary(st view.Palette, reports []simulatedReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n", st.Title.Render(fmt.Sprintf("Simulated jobs (%d)", len(reports))))
	for _, sr := range reports {
		b.WriteString("  " + escape.Text(sr.trigger) + "\n")
		if len(sr.report.Policies) == 0 {
			b.WriteString("    " + st.Dim.Render("no policy loaded") + "\n")
		}
		for _, r := range sr.report.Policies {
			fmt.Fprintf(&b, "    %s  %s  %s", st.Render(view.VerdictMark(r.Verdict)), escape.Text(r.Provider), escape.Text(r.Name))
			if r.Source != r.Name {
				// A policy without a name of its own is named by its file
				// (an AWS role): the file once, as the reports show it.
				b.WriteString("  " + escape.Text(r.Source))
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}
