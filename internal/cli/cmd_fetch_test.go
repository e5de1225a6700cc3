package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/actions"
)

const (
	awsProd  = "../../fixtures/policies/aws/trust-environment-prod.json"        // denies push-main: ref form vs environment form
	gcpMain  = "../../fixtures/policies/gcp/octo-repo-main.json"                // allows push-main, audience sts.amazonaws.com
	entraEnv = "../../fixtures/policies/entra/graph-list-environment-prod.json" // two credentials, audience api://AzureADTokenExchange
)

// stepFiles are a step's GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
type stepFiles struct{ output, summary string }

func newStepFiles(t *testing.T) stepFiles {
	dir := t.TempDir()
	return stepFiles{output: filepath.Join(dir, "output"), summary: filepath.Join(dir, "summary.md")}
}

func (s stepFiles) env() map[string]string {
	return map[string]string{actions.EnvOutput: s.output, actions.EnvStepSummary: s.summary}
}

func (s stepFiles) read(t *testing.T) (outputs map[string]string, summary string) {
	t.Helper()
	data, _ := os.ReadFile(s.output)
	md, _ := os.ReadFile(s.summary)
	return parseOutputFile(t, string(data)), string(md)
}

// parseOutputFile reads the GITHUB_OUTPUT heredoc format as the runner
// does.
func parseOutputFile(t *testing.T, data string) map[string]string {
	t.Helper()
	out := map[string]string{}
	lines := strings.Split(data, "\n")
	for i := 0; i < len(lines); i++ {
		if lines[i] == "" {
			continue
		}
		name, delim, ok := strings.Cut(lines[i], "<<")
		if !ok {
			t.Fatalf("not a heredoc output line: %q", lines[i])
		}
		var value []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			value = append(value, lines[i])
		}
		out[name] = strings.Join(value, "\n")
	}
	return out
}

// wantIn fails the test for each of wants not in text (what names text).
func wantIn(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("want %q in %s:\n%s", w, what, text)
		}
	}
}

// leaks lists the credentials found in any of texts: a token handed out
// (or its signature alone), or the runner's request token.
func leaks(issued []string, texts ...string) []string {
	all := strings.Join(texts, "\n")
	var found []string
	for _, tok := range issued {
		sig := tok[strings.LastIndexByte(tok, '.')+1:]
		if strings.Contains(all, tok) || strings.Contains(all, sig) {
			found = append(found, "a token")
		}
	}
	if strings.Contains(all, runnerRequestToken) {
		found = append(found, "the request token")
	}
	return found
}

// TestFetch is the whole story: the policies name the audience, one token
// is requested for it with the bearer credential, the AWS role denies it
// (exit 1), and the report, the outputs and the step summary say why,
// with nothing of the token in any of them.
func TestFetch(t *testing.T) {
	r := startRunner(t, "push-main")
	files := newStepFiles(t)
	code, out, errOut := r.fetchIn(r.jobEnv(files.env()), "--jwks", "../../fixtures/demo-jwks.json", "--policy", awsProd, "--policy", gcpMain)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a policy denies)\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	reqs, issued := r.seen()
	if len(reqs) != 1 || len(issued) != 1 {
		t.Fatalf("%d requests, %d tokens; want one of each", len(reqs), len(issued))
	}
	if reqs[0].RawQuery != "api-version=2.0&audience=sts.amazonaws.com" {
		t.Errorf("query %q: the audience must be appended to the runner's query", reqs[0].RawQuery)
	}
	if reqs[0].Authorization != "Bearer "+runnerRequestToken {
		t.Errorf("Authorization %q", reqs[0].Authorization)
	}
	wantIn(t, "the report", out,
		"── Token for audience sts.amazonaws.com ──",
		"Signature  ✓ valid",
		"✓ pass  aud        aud \"sts.amazonaws.com\" contains \"sts.amazonaws.com\"",
		"✗ deny   aws",
		"✓ allow  gcp",
		"the token's sub is in ref form but the policy expects environment form",
		"note: fetched from the job's token endpoint for audience sts.amazonaws.com: the audience 2 of the given policies expect",
		"note: redacted: the signature is replaced")
	outputs, summary := files.read(t)
	want := map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "aud": "sts.amazonaws.com", "verdict": "deny"}
	for k, v := range want {
		if outputs[k] != v {
			t.Errorf("output %s = %q, want %q", k, outputs[k], v)
		}
	}
	wantIn(t, "the summary", summary, "## oidcscope", "### Token for audience sts.amazonaws.com", "**❌ 1 of 2 policies deny this token.**",
		"the token's sub is in ref form but the policy expects environment form", "Conditions this token satisfies instead (AWS, ready to paste)")
	if l := leaks(issued, out, errOut, summary, outputs["sub"]+outputs["aud"]); len(l) > 0 {
		t.Errorf("credentials shown: %v", l)
	}

	// --no-fail: the verdict stays, the exit code does not fail the step.
	files = newStepFiles(t)
	code, out, _ = r.fetchIn(r.jobEnv(files.env()), "--jwks", "../../fixtures/demo-jwks.json", "--policy", awsProd, "--no-fail")
	if outputs, _ := files.read(t); code != 0 || outputs["verdict"] != "deny" {
		t.Errorf("--no-fail: exit %d, verdict %q\n%s", code, outputs["verdict"], out)
	}
	// A failed check still fails: the token's aud is not the one asked.
	code, _, _ = r.fetchIn(r.jobEnv(nil), "--jwks", "../../fixtures/demo-jwks.json", "--policy", awsProd, "--no-fail", "--issuer", "https://elsewhere.example")
	if code != 1 {
		t.Errorf("--no-fail with a failing iss check: exit %d, want 1", code)
	}
}

// TestFetchAudiences: which tokens are requested, and which policies each
// one meets.
func TestFetchAudiences(t *testing.T) {
	for _, tc := range []struct {
		name    string
		args    []string
		queries []string // raw queries, in order
		shown   []string // in stdout
		hidden  string   // not in stdout
		code    int
	}{
		{"no policy, no audience: GitHub's default, no parameter", nil,
			[]string{"api-version=2.0"}, []string{"── Token for GitHub's default audience ──", "GitHub used its default", "aud                    https://github.com/octo-org"}, "", 0},
		{"--audience, query-escaped", []string{"--audience", "api://AzureADTokenExchange"},
			[]string{"api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange"}, []string{"aud \"api://AzureADTokenExchange\" contains \"api://AzureADTokenExchange\""}, "", 0},
		{"two --audience: two tokens, in order", []string{"--audience", "b", "--audience", "a", "--audience", "b"},
			[]string{"api-version=2.0&audience=b", "api-version=2.0&audience=a"}, []string{"── Token for audience b ──", "── Token for audience a ──"}, "", 0},
		{"policies that disagree: one token each, each policy checked once", []string{"--policy", gcpMain, "--policy", entraEnv},
			// Two Entra credentials want Azure's audience, one Google Cloud provider AWS's: most first.
			[]string{"api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange", "api-version=2.0&audience=sts.amazonaws.com"},
			[]string{"Policies (2: 0 allow, 2 deny, 0 error)", "Policies (1: 1 allow, 0 deny, 0 error)"}, "Policies (3:", 1},
		{"--any across tokens: one allowing policy is enough", []string{"--policy", gcpMain, "--policy", entraEnv, "--any"},
			[]string{"api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange", "api-version=2.0&audience=sts.amazonaws.com"},
			[]string{"✓ allow  gcp"}, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startRunner(t, "push-main")
			code, out, errOut := r.fetchIn(r.jobEnv(nil), append([]string{"--offline"}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s\n%s", code, tc.code, out, errOut)
			}
			reqs, _ := r.seen()
			var got []string
			for _, q := range reqs {
				got = append(got, q.RawQuery)
			}
			if strings.Join(got, " ") != strings.Join(tc.queries, " ") {
				t.Errorf("queries %q, want %q", got, tc.queries)
			}
			wantIn(t, "stdout", out, tc.shown...)
			if tc.hidden != "" && strings.Contains(out, tc.hidden) {
				t.Errorf("did not want %q in\n%s", tc.hidden, out)
			}
		})
	}
}

// TestFetchRunnerURLWithoutQuery: a token URL without a query gets "?".
func TestFetchRunnerURLWithoutQuery(t *testing.T) {
	r := startRunner(t, "push-main")
	getenv := r.jobEnv(map[string]string{actions.EnvRequestURL: r.Server.URL + "/idtoken"})
	if code, out, errOut := r.fetchIn(getenv, "--offline", "--audience", "sts.amazonaws.com"); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if reqs, _ := r.seen(); len(reqs) != 1 || reqs[0].RawQuery != "audience=sts.amazonaws.com" {
		t.Errorf("requests %+v", reqs)
	}
}

// TestFetchEndpointErrors: every way the endpoint can fail is exit 2 with
// a message that says what happened, in the summary too, and the verdict
// output "error"; no credential is shown.
func TestFetchEndpointErrors(t *testing.T) {
	echo := func(status int, body string) func(http.ResponseWriter, *http.Request) {
		return func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
			// A hostile endpoint echoes the credential it was sent.
			io.WriteString(w, strings.ReplaceAll(body, "$AUTH", r.Header.Get("Authorization")))
		}
	}
	for _, tc := range []struct {
		name    string
		respond func(http.ResponseWriter, *http.Request)
		want    string
	}{
		{"401", echo(401, `{"message":"$AUTH expired"}`), "the token endpoint refused the request: HTTP 401 Unauthorized: {\"message\":\"Bearer <request token> expired\"}"},
		{"403", echo(403, "Forbidden"), "HTTP 403 Forbidden: Forbidden"},
		{"500", echo(500, "\x1b[31minternal\x1b[0m"), `HTTP 500 Internal Server Error: \x1b[31minternal\x1b[0m`},
		{"not JSON", echo(200, "<html>sign in</html>"), "the token endpoint's response is not a JSON object"},
		{"no value", echo(200, `{"count":0}`), `the token endpoint's response has no token in "value" (members: "count")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := startRunner(t, "push-main")
			r.Respond = tc.respond
			files := newStepFiles(t)
			code, out, errOut := r.fetchIn(r.jobEnv(files.env()), "--offline", "--audience", "sts.amazonaws.com")
			if code != 2 || out != "" {
				t.Fatalf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if !strings.Contains(errOut, "oidcscope: requesting the token for audience sts.amazonaws.com: ") || !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr:\n%s\nwant %q", errOut, tc.want)
			}
			if bad := unsafeRunes(errOut); len(bad) > 0 {
				t.Errorf("raw control characters on stderr: %v", bad)
			}
			outputs, summary := files.read(t)
			if outputs["verdict"] != "error" || !strings.Contains(summary, "### ❌ Could not fetch the token") {
				t.Errorf("verdict %q, summary:\n%s", outputs["verdict"], summary)
			}
			if l := leaks(nil, out, errOut, summary); len(l) > 0 {
				t.Errorf("credentials shown: %v", l)
			}
		})
	}
}

// TestFetchOutsideActions: which variable is missing, and what to do.
func TestFetchOutsideActions(t *testing.T) {
	r := startRunner(t, "push-main")
	files := newStepFiles(t)
	noPermission := files.env()
	noPermission[actions.EnvRequestURL], noPermission[actions.EnvRequestToken] = "", ""
	code, _, errOut := r.fetchIn(r.jobEnv(noPermission))
	if code != 2 {
		t.Fatalf("exit %d", code)
	}
	wantIn(t, "stderr", errOut,
		"lacks permissions: id-token: write): ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set",
		"  permissions:\n    id-token: write\n    contents: read\n",
		"pull request from a fork")
	_, summary := files.read(t)
	if !strings.Contains(summary, "```yaml\npermissions:\n  id-token: write\n  contents: read\n```") {
		t.Errorf("no permissions block in the summary:\n%s", summary)
	}
	// Not a job at all: say so, and point to inspect.
	code, _, errOut = r.fetchIn(func(string) string { return "" })
	if code != 2 || !strings.Contains(errOut, "not running inside a GitHub Actions job") || !strings.Contains(errOut, "oidcscope inspect") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if reqs, _ := r.seen(); len(reqs) != 0 {
		t.Errorf("%d requests without a token endpoint", len(reqs))
	}
}

// TestFetchRedaction: the token never shows, whatever the format, and
// --redact ids hides the IDs too; --print-token is the one way to see it.
func TestFetchRedaction(t *testing.T) {
	ids := regexp.MustCompile(`(^|[^0-9A-Za-z])(583231|61532875419|20613598812|74|65|3f6d2b8e-9c41-4a7e-b5d2-0e8f1a6c4b97)([^0-9A-Za-z]|$)`)
	for _, tc := range []struct {
		args    []string
		idsShow bool
	}{
		{nil, true},
		{[]string{"--json"}, true},
		{[]string{"--redact", "ids"}, false},
		{[]string{"--redact=ids", "--json"}, false},
		{[]string{"--redact=none", "--json"}, true},
		{[]string{"--no-redact"}, true},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			r := startRunner(t, "push-main")
			files := newStepFiles(t)
			args := append([]string{"--jwks", "../../fixtures/demo-jwks.json", "--policy", awsProd}, tc.args...)
			code, out, errOut := r.fetchIn(r.jobEnv(files.env()), args...)
			if code != 1 {
				t.Fatalf("exit %d\n%s", code, errOut)
			}
			_, issued := r.seen()
			outputs, summary := files.read(t)
			if l := leaks(issued, out, errOut, summary); len(l) > 0 {
				t.Errorf("credentials shown: %v", l)
			}
			if got := ids.MatchString(out) && ids.MatchString(summary); got != tc.idsShow {
				t.Errorf("IDs shown: %v, want %v", got, tc.idsShow)
			}
			if !tc.idsShow && (!strings.Contains(out, "<repository_id>") || !strings.Contains(summary, "&lt;repository_id&gt;") && !strings.Contains(summary, "<repository_id>")) {
				t.Errorf("no placeholders:\n%s", summary)
			}
			// Outputs feed later steps: real values.
			if outputs["sub"] != "repo:octo-org/octo-repo:ref:refs/heads/main" {
				t.Errorf("sub output %q", outputs["sub"])
			}
		})
	}
}

func TestFetchPrintToken(t *testing.T) {
	r := startRunner(t, "push-main")
	code, out, errOut := r.fetchIn(r.jobEnv(nil), "--offline", "--print-token", "--audience", "a", "--audience", "b")
	_, issued := r.seen()
	if code != 0 || out != issued[0]+"\n"+issued[1]+"\n" {
		t.Fatalf("exit %d, stdout %q; want the two tokens alone", code, out)
	}
	if !strings.Contains(errOut, "── Token for audience a ──") || !strings.Contains(errOut, "warning: stdout holds the raw token") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

// TestFetchJSONStream: one oidcscope/v1 document per token.
func TestFetchJSONStream(t *testing.T) {
	r := startRunner(t, "push-main")
	files := newStepFiles(t)
	_, out, _ := r.fetchIn(r.jobEnv(files.env()), "--offline", "--json", "--audience", "a", "--audience", "b")
	dec := json.NewDecoder(strings.NewReader(out))
	var auds []string
	for dec.More() {
		var doc struct {
			Schema  string         `json:"schema"`
			Payload map[string]any `json:"payload"`
		}
		if err := dec.Decode(&doc); err != nil || doc.Schema != "oidcscope/v1" {
			t.Fatalf("%v %+v", err, doc)
		}
		auds = append(auds, doc.Payload["aud"].(string))
	}
	if strings.Join(auds, ",") != "a,b" {
		t.Errorf("documents for %v", auds)
	}
	// The aud output lists every token's, in the order requested.
	if outputs, _ := files.read(t); outputs["aud"] != "a,b" || outputs["verdict"] != "none" {
		t.Errorf("outputs %q", outputs)
	}
}

// TestFetchUsage: bad usage is exit 2 before anything is requested.
func TestFetchUsage(t *testing.T) {
	r := startRunner(t, "push-main")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--demo"}, "--demo signs a demo token"},
		{[]string{"--demo-set=push-main"}, "--demo-set=push-main signs a demo token"},
		{[]string{"eyJ.x.y"}, "takes no TOKEN argument"},
		{[]string{"--redact=all"}, `redact "all": want signature (or true), ids, or none`},
		{[]string{"--at", "never"}, "--at: \"never\" is neither RFC 3339"},
		{[]string{"--policy", "no/such/policy.json"}, "policy no/such/policy.json: open no/such/policy.json"},
		{[]string{"--policy", "../../go.mod"}, "not a policy document oidcscope recognises"},
	} {
		code, out, errOut := r.fetchIn(r.jobEnv(nil), tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "eyJ.x.y") {
			t.Errorf("%v: exit %d, stdout %q, stderr:\n%s\nwant %q", tc.args, code, out, errOut, tc.want)
		}
	}
	if reqs, _ := r.seen(); len(reqs) != 0 {
		t.Errorf("%d requests made despite bad usage", len(reqs))
	}
	var stdout bytes.Buffer
	if code := Run([]string{"fetch", "--help"}, strings.NewReader(""), &stdout, io.Discard, func(string) string { return "" }); code != 0 || !strings.Contains(stdout.String(), "Usage: oidcscope fetch") || strings.Contains(stdout.String(), "-demo") {
		t.Errorf("help: exit %d\n%s", code, stdout.String())
	}
}
