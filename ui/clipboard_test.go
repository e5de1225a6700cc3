package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

// pasteBreakout ends a bracketed paste early (ESC [201~) and then runs a
// command: pasted into bash, a raw copy of it ran `echo PWNED`.
const pasteBreakout = "\x1b[201~\necho PWNED > pwned.txt\n"

// hostileCopyPayload puts the break-out in sub (GCP's IAM member embeds
// it raw) and in aud (the pool of GCP's principalSet members comes from
// it), C1, bidi and invisible characters in other claims.
var hostileCopyPayload = `{"iss":"https://token.actions.githubusercontent.com",` +
	`"sub":"prod\u001b[201~\necho PWNED > pwned.txt\n",` +
	`"aud":"https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p\u001b[201~\necho PWNED\n/providers/x",` +
	`"repository_id":"74","environment":"prod\u202e\u3164\ufe0f",` +
	`"nested":{"a":["\u009b31m","\u3164","\u0085"]},"exp":1767229200}`

// hostileProvider is a Google Cloud provider whose display name (its name
// in the Policies pane) carries the break-out.
var hostileProvider = `{"displayName":"octo\u001b[201~\necho PWNED\n\u202e\u3164",` +
	`"attributeCondition":"assertion.repository_id == '74'",` +
	`"oidc":{"issuerUri":"https://token.actions.githubusercontent.com"},"state":"ACTIVE"}`

// clipUnsafe is what no copy of outside data may hold: C0 controls (ESC,
// line breaks, tabs), DEL, C1, format characters (bidi, zero-width),
// separators and the invisible characters the hostile payloads use.
// Listed here, not taken from escape.Unsafe, so a gap there shows too.
func clipUnsafe(r rune, multiline bool) bool {
	switch {
	case r == '\n':
		return !multiline
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0x2028, r == 0x2029, r == 0xfffd:
		return true
	case r == 0x3164, r == 0x115f, r == 0x034f, r >= 0xe0100 && r <= 0xe01ef:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// TestCopyNeverCarriesControls presses every copy key on hostile outside
// data and checks what reaches the clipboard: escaped as on screen, and
// the status line says it was escaped.
func TestCopyNeverCarriesControls(t *testing.T) {
	tok, err := fixtures.SignPayload([]byte(hostileCopyPayload), nil)
	if err != nil {
		t.Fatal(err)
	}
	plain := inspect.NewSession(demoOptions(t))
	set := policyset.Loader{ReadFile: func(string) ([]byte, error) { return []byte(hostileProvider), nil }}.
		Load([]string{"hostile.json"}, nil, nil)
	if set.Failed() {
		t.Fatalf("hostile provider: %+v", set.Failures())
	}
	withPolicy := plain.WithPolicies(set)

	// snippet selects the claim and moves ] to its first snippet of
	// provider whose text starts with prefix.
	snippet := func(claim, provider, prefix string) func(t *testing.T, m Model) Model {
		return func(t *testing.T, m Model) Model {
			m = selectClaim(t, m, claim)
			for i, sn := range m.selectedClaim().WouldSatisfy {
				if sn.Provider == provider && strings.HasPrefix(sn.Text, prefix) {
					for range i {
						m = keys(t, m, "]")
					}
					return keys(t, m, "Y")
				}
			}
			t.Fatalf("%s has no %s snippet starting %q", claim, provider, prefix)
			return m
		}
	}
	tests := []struct {
		name      string
		session   inspect.Session
		input     string
		press     func(t *testing.T, m Model) Model
		want      string // the exact copy, when known
		multiline bool   // a document: line breaks of ours allowed
		has       string // a part the copy must hold
		flash     string
	}{
		{
			name: "y on a string claim", session: plain, input: tok,
			press: func(t *testing.T, m Model) Model { return keys(t, selectClaim(t, m, "sub"), "y") },
			want:  escape.Text("prod" + pasteBreakout), flash: "escaped",
		},
		{
			name: "y on a claim with invisible characters", session: plain, input: tok,
			press: func(t *testing.T, m Model) Model { return keys(t, selectClaim(t, m, "environment"), "y") },
			want:  `prod\u202e\u3164\ufe0f`, flash: "escaped",
		},
		{
			name: "y on an object claim", session: plain, input: tok,
			press: func(t *testing.T, m Model) Model { return keys(t, selectClaim(t, m, "nested"), "y") },
			want:  `{"a":["\u009b31m","\u3164","\u0085"]}`, flash: "escaped",
		},
		{
			name: "y on a policy name", session: withPolicy, input: tok,
			press: func(t *testing.T, m Model) Model { return keys(t, m, "4", "y") },
			want:  escape.Text("octo\x1b[201~\necho PWNED\n\u202e\u3164"), flash: "escaped",
		},
		{
			// A pool read from a hostile aud is not printed: the member
			// names the placeholder pool instead, so nothing needs escaping.
			name: "Y on a member whose pool comes from a hostile aud", session: plain, input: tok,
			press: snippet("repository_id", policy.GCP, "principalSet://"), has: "<POOL_ID>",
		},
		{
			name: "Y on a quoted condition", session: plain, input: tok,
			press: snippet("environment", policy.GCP, "assertion."), flash: "escaped",
		},
		{
			name: "token copy from a hostile paste", session: plain, input: pasteBreakout + tok + "\n" + pasteBreakout,
			press: func(t *testing.T, m Model) Model { return keys(t, m, "5", "y", "y") },
			want:  tok, flash: "the whole token",
		},
		{
			name: "x", session: withPolicy, input: tok, multiline: true,
			press: func(t *testing.T, m Model) Model { return keys(t, m, "x") }, flash: "signature redacted",
		},
		{
			name: "X", session: withPolicy, input: tok, multiline: true,
			press: func(t *testing.T, m Model) Model { return keys(t, m, "X") }, flash: "ids redacted",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, clip := newTestModel(t, tt.session, []byte(tt.input), 120, 40)
			if m.report == nil || m.report.Token == nil {
				t.Fatal("no token inspected")
			}
			m = tt.press(t, m)
			got := clipboard(t, clip)
			for i, r := range got {
				if clipUnsafe(r, tt.multiline) {
					t.Fatalf("raw %U at byte %d of the copy %q", r, i, got)
				}
			}
			if tt.want != "" && got != tt.want {
				t.Errorf("copied %q, want %q", got, tt.want)
			}
			if !strings.Contains(got, tt.has) {
				t.Errorf("copied %q, want it to hold %q", got, tt.has)
			}
			if !strings.Contains(m.flash, tt.flash) {
				t.Errorf("status line %q does not say %q", m.flash, tt.flash)
			}
		})
	}
}

// FuzzClipboardText: whatever the outside text, what the copy functions
// put on the clipboard holds no control, format, invisible or separator
// character (a document keeps only line breaks and tabs of its own, and
// only from a token that is not hostile), and it is what the screen
// shows: the text itself, or its escaped form.
func FuzzClipboardText(f *testing.F) {
	for _, s := range []string{
		"repo:octo-org/octo-repo:ref:refs/heads/main", "prod" + pasteBreakout, "a\u202eb\u3164\ufe0f",
		"claim_pattern:\n  ref: \"refs/heads/main\"", `C:\path` + "\t", "\xff\xfe", "\u0085\u009b", "\U000E0101",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, hostile bool) {
		check := func(fn, out string, lines bool) {
			t.Helper()
			for i, r := range out {
				if (r != '\n' && r != '\t' || !lines) && (clipUnsafe(r, false) || escape.Unsafe(r)) {
					t.Fatalf("%s(%q): raw %U at byte %d of %q", fn, in, r, i, out)
				}
			}
		}
		out, escaped := clipValue(in)
		check("clipValue", out, false)
		if escaped && out != escape.Text(in) || !escaped && out != in {
			t.Fatalf("clipValue(%q) = %q, %v: neither the text nor the screen's %q", in, out, escaped, escape.Text(in))
		}

		out, escaped = clipDocument(in, func() bool { return hostile })
		check("clipDocument", out, !escaped)
		if !escaped && (out != in || escape.Document(in) != in) {
			t.Fatalf("clipDocument(%q) = %q unescaped, but the screen shows %q", in, out, escape.Document(in))
		}
		if hostile && strings.ContainsAny(out, "\n\t") {
			t.Fatalf("clipDocument(%q) kept a line break for a hostile token: %q", in, out)
		}

		js, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		out, _ = clipJSON(js)
		check("clipJSON", out, false)
		var back, want string
		if err := json.Unmarshal(js, &want); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(out), &back); err != nil || back != want {
			t.Fatalf("clipJSON(%s) = %s reads back as %q, %v", js, out, back, err)
		}

		out, _ = clipToken(in)
		check("clipToken", out, false)
	})
}
