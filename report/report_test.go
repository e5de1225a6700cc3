package report_test

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report"
)

func TestGolden(t *testing.T) {
	for name, r := range reports(t) {
		t.Run(name, func(t *testing.T) {
			var text bytes.Buffer
			rend := lipgloss.NewRenderer(&text)
			rend.SetColorProfile(termenv.Ascii)
			if err := report.Text(&text, r, rend); err != nil {
				t.Fatal(err)
			}
			golden(t, name+".txt", text.Bytes())

			var js bytes.Buffer
			if err := report.JSON(&js, r); err != nil {
				t.Fatal(err)
			}
			if !json.Valid(js.Bytes()) {
				t.Errorf("JSON output does not parse:\n%s", js.Bytes())
			}
			golden(t, name+".json", js.Bytes())
		})
	}
}

// TestJSONContract checks the oidcscope/v1 field names and the shapes
// scripts rely on, independently of the golden bytes.
func TestJSONContract(t *testing.T) {
	rs := reports(t)
	for name, r := range rs {
		var buf bytes.Buffer
		if err := report.JSON(&buf, r); err != nil {
			t.Fatal(err)
		}
		var doc map[string]json.RawMessage
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, k := range []string{"schema", "input", "header", "payload", "claims", "signature", "checks", "errors", "evaluated_at"} {
			if _, ok := doc[k]; !ok {
				t.Errorf("%s: no %q", name, k)
			}
		}
		for _, k := range []string{"claims", "checks", "errors", "policies"} {
			if string(doc[k]) == "null" {
				t.Errorf("%s: %q is null, want an array", name, k)
			}
		}
		var in struct {
			Stripped []string `json:"stripped"`
		}
		if json.Unmarshal(doc["input"], &in); in.Stripped == nil {
			t.Errorf("%s: input.stripped is not an array: %s", name, doc["input"])
		}
		if !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
			t.Errorf("%s: want one document and a newline", name)
		}
	}
}

// sgrBefore returns the last SGR sequence before the first occurrence of s.
func sgrBefore(t *testing.T, out, s string) string {
	t.Helper()
	i := strings.Index(out, s)
	if i < 0 {
		t.Fatalf("%q not in %q", s, out)
	}
	m := regexp.MustCompile(`\x1b\[[0-9;]*m`).FindAllString(out[:i], -1)
	if len(m) == 0 {
		t.Fatalf("no style before %q", s)
	}
	return m[len(m)-1]
}

func sgrParams(sgr string) []string {
	return strings.Split(strings.TrimSuffix(strings.TrimPrefix(sgr, "\x1b["), "m"), ";")
}

// TestColours: with colour, unverified has its own colour (yellow), never
// the failure red or the success green.
func TestColours(t *testing.T) {
	rs := reports(t)
	render := func(r *inspect.Report) string {
		var buf bytes.Buffer
		rend := lipgloss.NewRenderer(&buf)
		rend.SetColorProfile(termenv.ANSI)
		if err := report.Text(&buf, r, rend); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	unverified := render(rs["push-main-unverified-expired"])
	valid := render(rs["push-main-valid"])
	// SGR foreground: 31 red, 32 green, 33 yellow.
	if p := sgrParams(sgrBefore(t, unverified, "? unverified")); !slices.Contains(p, "33") || slices.Contains(p, "31") || slices.Contains(p, "32") {
		t.Errorf("unverified drawn with SGR %v, want yellow only", p)
	}
	if p := sgrParams(sgrBefore(t, unverified, "✗ fail")); !slices.Contains(p, "31") {
		t.Errorf("a failed check drawn with SGR %v, want red", p)
	}
	if p := sgrParams(sgrBefore(t, valid, "✓ valid")); !slices.Contains(p, "32") {
		t.Errorf("valid drawn with SGR %v, want green", p)
	}
	// Colour must not reach into escaped claim text.
	var buf bytes.Buffer
	rend := lipgloss.NewRenderer(&buf)
	rend.SetColorProfile(termenv.ANSI)
	if err := report.Text(&buf, rs["hostile"], rend); err != nil {
		t.Fatal(err)
	}
	stripped := regexp.MustCompile(`\x1b\[[0-9;]*m`).ReplaceAllString(buf.String(), "")
	if strings.ContainsRune(stripped, 0x1b) {
		t.Errorf("an ESC other than our own styling: %q", stripped)
	}
}
