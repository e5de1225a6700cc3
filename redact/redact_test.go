package redact_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// pushMainIDs are the values --redact ids hides in the push-main token.
var pushMainIDs = map[string]string{
	"actor_id":            "583231",
	"check_run_id":        "61532875419",
	"jti":                 "3f6d2b8e-9c41-4a7e-b5d2-0e8f1a6c4b97",
	"repository_id":       "74",
	"repository_owner_id": "65",
	"run_id":              "20613598812",
}

// pushMain inspects the push-main token, verified with the demo key,
// against policies that pin its IDs (Google Cloud) and deny it (AWS), so
// IDs appear in conditions, diagnoses, the subject's other form and links.
func pushMain(t *testing.T, input string) *inspect.Report {
	t.Helper()
	return inspectVerified(t, input,
		"../fixtures/policies/gcp/octo-repo-main.json",
		"../fixtures/policies/aws/trust-environment-prod.json")
}

func pushMainToken(t *testing.T) string {
	t.Helper()
	return fixtureToken(t, "push-main")
}

// rendered is every view of r: text, JSON, Markdown and the raw fields a
// view may show (the token text, the segments).
func rendered(t *testing.T, r *inspect.Report) string {
	t.Helper()
	txt, js, md := views(t, r, "push-main")
	var b strings.Builder
	b.WriteString(txt + js + md)
	b.WriteString(r.Token.Input.Text + "\n" + r.Token.SigningInput + "\n" + string(r.Token.PayloadBytes))
	for _, s := range r.Token.Segments {
		b.WriteString("\n" + s.Text + "\n" + string(s.Bytes))
	}
	return b.String()
}

func TestSignature(t *testing.T) {
	tok := pushMainToken(t)
	orig := pushMain(t, "Authorization: Bearer "+tok)
	sig := tok[strings.LastIndexByte(tok, '.')+1:]
	red := redact.Report(orig, redact.Signature)

	out := rendered(t, red)
	if strings.Contains(out, sig) {
		t.Error("the signature is still shown")
	}
	headerPayload := tok[:strings.LastIndexByte(tok, '.')]
	if want := headerPayload + ".<redacted-signature>"; red.Token.Input.Text != want {
		t.Errorf("token text %q, want %q", red.Token.Input.Text, want)
	}
	if red.Token.Signature != nil || red.Token.Segment("signature").Bytes != nil {
		t.Error("signature bytes kept")
	}
	if red.Token.SigningInput != headerPayload {
		t.Error("the signing input changed")
	}
	// Only the signature: the IDs stay.
	if !strings.Contains(out, "61532875419") || !strings.Contains(out, redact.NoteSignature) {
		t.Error("IDs hidden, or no note, with the signature mode")
	}
	// Verdicts and checks are the real token's.
	if red.Verify.Signature.Status != verify.StatusValid || red.ExitCode() != orig.ExitCode() {
		t.Errorf("status %s, exit %d (original %d)", red.Verify.Signature.Status, red.ExitCode(), orig.ExitCode())
	}
	// The original is untouched.
	if !strings.Contains(orig.Token.Input.Text, sig) || orig.Token.Signature == nil || len(orig.Notes) == len(red.Notes) {
		t.Error("the original report was modified")
	}
}

// wholeWord matches v standing alone, as the redaction replaces it.
func wholeWord(v string) *regexp.Regexp {
	return regexp.MustCompile(`(^|[^A-Za-z0-9])` + regexp.QuoteMeta(v) + `([^A-Za-z0-9]|$)`)
}

func TestIDs(t *testing.T) {
	tok := pushMainToken(t)
	orig := pushMain(t, tok)
	red := redact.Report(orig, redact.IDs)
	out := rendered(t, red)
	for claim, v := range pushMainIDs {
		if loc := wholeWord(v).FindStringIndex(out); loc != nil {
			t.Errorf("%s %s still shown: …%s…", claim, v, out[max(0, loc[0]-60):min(len(out), loc[1]+60)])
		}
		if !strings.Contains(out, "<"+claim+">") {
			t.Errorf("no placeholder <%s>", claim)
		}
	}
	for _, want := range []string{
		"repo:octo-org@<repository_owner_id>/octo-repo@<repository_id>:ref:refs/heads/main", // the subject's other form
		"/actions/runs/<run_id>/job/<check_run_id>",                                         // a link
		redact.NoteIDs,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in the output", want)
		}
	}
	// The payload segment now encodes the redacted claims, and the token
	// text is made of the redacted segments.
	p := red.Token.Segment("payload")
	raw, err := base64.RawURLEncoding.DecodeString(p.Text)
	if err != nil || !json.Valid(raw) || !strings.Contains(string(raw), `"repository_id":"<repository_id>"`) {
		t.Errorf("payload segment %s decodes to %q (%v)", p.Text, raw, err)
	}
	if want := red.Token.Segments[0].Text + "." + p.Text + ".<redacted-signature>"; red.Token.Input.Text != want {
		t.Errorf("token text %q, want %q", red.Token.Input.Text, want)
	}
	// Verdicts are the real token's.
	for i, pr := range red.Policies {
		if pr.Verdict != orig.Policies[i].Verdict {
			t.Errorf("%s: verdict %s, was %s", pr.Name, pr.Verdict, orig.Policies[i].Verdict)
		}
	}
	if got, _ := orig.Token.Payload.Str("repository_id"); got != "74" {
		t.Errorf("the original's payload changed: %q", got)
	}
}

// TestIDsNumbersAndErrors: a numeric ID written as a JSON number becomes a
// string placeholder (the JSON view stays valid), two values of one
// claim get distinct placeholders, and decoding errors keep their causes
// for errors.Is while their text is redacted.
func TestIDsNumbersAndErrors(t *testing.T) {
	tok, err := fixtures.SignPayload([]byte(`{"iss":"https://issuer.example","run_id":12345,"sub":"run 12345 of 678","run_id":678}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	orig := inspectVerified(t, tok)
	red := redact.Report(orig, redact.IDs)
	var js bytes.Buffer
	if err := report.JSON(&js, red); err != nil || !json.Valid(js.Bytes()) {
		t.Fatalf("JSON view: %v\n%s", err, js.Bytes())
	}
	if sub, _ := red.Token.Payload.Str("sub"); sub != "run <run_id> of <run_id-2>" {
		t.Errorf("sub = %q", sub)
	}
	if v := red.Claims[1].Value; v.Kind != decode.String || v.Text != "<run_id>" {
		t.Errorf("run_id = %+v", v)
	}
	var found bool
	for _, e := range red.Token.Errors {
		if errors.Is(e, decode.ErrDuplicateKey) {
			found = true
			if strings.Contains(e.Error(), "678") {
				t.Errorf("error text not redacted: %v", e)
			}
		}
	}
	if !found {
		t.Errorf("errors.Is lost the cause: %v", red.Token.Errors)
	}
}

func TestNone(t *testing.T) {
	r := &inspect.Report{}
	if redact.Report(r, redact.None) != r || redact.Report(nil, redact.IDs) != nil {
		t.Error("None must return the report as it is")
	}
	// A report without a token (nothing was found) only gains the note.
	red := redact.Report(&inspect.Report{Errors: []inspect.StageError{{Stage: inspect.StageExtract, Err: errors.New("no token")}}}, redact.IDs)
	if len(red.Notes) != 2 || red.Errors[0].Err.Error() != "no token" {
		t.Errorf("%+v", red)
	}
}
