package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report"
)

// unsignedReport is the environment-prod claims run as a simulation.
func unsignedReport(t *testing.T, label inspect.Unsigned) *inspect.Report {
	t.Helper()
	claims, err := fixtures.ClaimSet("environment-prod")
	if err != nil {
		t.Fatal(err)
	}
	return fixedRun(t, inspect.Options{Input: claims, Unsigned: label})
}

// TestJSONUnsigned: claims nobody signed are a v1 report that says so
// ("simulated": true and how), the input was claims, and the signature is
// unverified for that reason; a pasted token's report has no such member.
func TestJSONUnsigned(t *testing.T) {
	for _, label := range []inspect.Unsigned{inspect.Simulated, inspect.Edited} {
		var buf bytes.Buffer
		if err := report.JSON(&buf, unsignedReport(t, label)); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Schema    string `json:"schema"`
			Simulated *bool  `json:"simulated"`
			Unsigned  string `json:"unsigned"`
			Input     struct{ Kind string }
			Signature struct{ Status, Reason string }
			Claims    []struct{ Name string }
			Payload   json.RawMessage `json:"payload"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Schema != inspect.Schema || doc.Simulated == nil || !*doc.Simulated || doc.Unsigned != string(label) {
			t.Errorf("%s: schema %q simulated %v unsigned %q", label, doc.Schema, doc.Simulated, doc.Unsigned)
		}
		if doc.Input.Kind != "claims" || doc.Signature.Status != "unverified" || doc.Signature.Reason != "not signed: "+string(label) {
			t.Errorf("%s: input %q signature %+v", label, doc.Input.Kind, doc.Signature)
		}
		if len(doc.Claims) != 32 || string(doc.Payload) == "null" {
			t.Errorf("%s: %d claims, payload %s", label, len(doc.Claims), doc.Payload)
		}
		// "simulated" leads, right after the schema.
		if i, j := bytes.Index(buf.Bytes(), []byte(`"simulated"`)), bytes.Index(buf.Bytes(), []byte(`"input"`)); i < 0 || i > j {
			t.Errorf("%s: simulated at %d, input at %d", label, i, j)
		}
	}
	for name, r := range reports(t) {
		var buf bytes.Buffer
		if err := report.JSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte(`"simulated"`)) || bytes.Contains(buf.Bytes(), []byte(`"unsigned"`)) {
			t.Errorf("%s: a pasted token is neither simulated nor unsigned", name)
		}
	}
}

// TestTextUnsigned: the text report leads with what the claims are, and
// the signature is drawn as unverified, never valid or invalid.
func TestTextUnsigned(t *testing.T) {
	var buf bytes.Buffer
	if err := report.Text(&buf, unsignedReport(t, inspect.Simulated), lipgloss.NewRenderer(&buf, termenv.WithProfile(termenv.Ascii))); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	first, _, _ := strings.Cut(out, "\n")
	if want := "oidcscope · simulated, unsigned · " + gitHubIssuer; !strings.HasPrefix(first, want) {
		t.Errorf("headline %q, want it to start %q", first, want)
	}
	for _, want := range []string{"\nSignature  ? unverified\n", "  signature  not signed: simulated\n", "  alg        not signed: simulated\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "\nHeader\n") {
		t.Error("claims nobody signed have no header to show")
	}
}
