package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

const gitHubIssuer = "https://token.actions.githubusercontent.com"

func staticToken(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "fixtures", fixtures.StaticDir, name+".jwt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func demoKeys(t *testing.T) *verify.KeySet {
	t.Helper()
	ks, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "demo-jwks.json")
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

func signed(t *testing.T, payload, header string) []byte {
	t.Helper()
	var h []byte // nil: the default demo header
	if header != "" {
		h = []byte(header)
	}
	tok, err := fixtures.SignPayload([]byte(payload), h)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(tok)
}

// reports builds fixed Reports: fixed tokens, fixed keys, a fixed clock, no
// network. Each becomes testdata/<name>.txt and testdata/<name>.json.
func reports(t *testing.T) map[string]*inspect.Report {
	offline := verify.Source{Offline: true}
	at := fixtures.StaticNow()
	run := func(o inspect.Options) *inspect.Report {
		if o.At.IsZero() {
			o.At = at
		}
		if o.Leeway == 0 {
			o.Leeway = verify.DefaultLeeway
		}
		o.Now = func() time.Time { t.Fatal("the clock was read"); return time.Time{} }
		o.Providers = policyset.All() // what the command layer passes
		o.Source.Names = flagwords.Names
		return inspect.Run(context.Background(), o)
	}
	return map[string]*inspect.Report{
		// The static push-main token, verified with the demo JWKS, every
		// check requested.
		"push-main-valid": run(inspect.Options{
			Input:     staticToken(t, "push-main"),
			Keys:      demoKeys(t),
			Issuer:    gitHubIssuer,
			Audiences: []string{"sts.amazonaws.com"},
		}),
		// No key, an hour after expiry, pasted as an Authorization header.
		"push-main-unverified-expired": run(inspect.Options{
			Input:  append([]byte("Authorization: Bearer "), staticToken(t, "push-main")...),
			Source: offline,
			At:     at.Add(time.Hour),
		}),
		// Wrong audience with a valid signature.
		"environment-prod-wrong-aud": run(inspect.Options{
			Input:     staticToken(t, "environment-prod"),
			Keys:      demoKeys(t),
			Audiences: []string{"sts.amazonaws.com"},
		}),
		// One policy per provider, allowing and denying, with lint.
		"environment-prod-policies": run(inspect.Options{
			Input:  staticToken(t, "environment-prod"),
			Source: offline,
			Policies: policyset.Loader{}.Load([]string{
				"../fixtures/policies/aws/list-roles.json",
				"../fixtures/policies/entra/graph-list-environment-prod.json",
				"../fixtures/policies/gcp/octo-repo-prod.json",
				"../fixtures/policies/vault/deploy.json",
				"../fixtures/policies/octo-sts/prod-deploy.sts.yaml",
				"../fixtures/policies/k8s/octo-repo-prod.json",
				"../fixtures/policies/k8s/bad-cel.yaml",
			}, nil, nil),
			PoliciesAny: true,
		}),
		// Nothing to decode.
		"not-a-token": run(inspect.Options{Input: []byte("hello world"), Source: offline}),
		// Duplicate keys and strings that would drive a terminal.
		"hostile": run(inspect.Options{
			Input: signed(t,
				`{"iss":"https://issuer.example","sub":"a","sub":"b","osc52":"\u001b]52;c;ZXZpbA==\u0007","bidi":"admin\u202etxt.exe","zwj":"a\u200db","c1":"\u009b2J","cr":"x\ry","n":12345678901234567890,"f":1.50,"arr":["\u001b[2J","\u202e"]}`,
				`{"alg":"RS256","kid":"oidcscope-demo","typ":"JWT","x5u":"https://evil.example/\u001b[2J"}`),
			Keys: demoKeys(t),
		}),
	}
}

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

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
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
