package providererrors

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"
)

// variants are the ways a message reaches oidcscope: as printed, from a
// raw job log (timestamps, ##[error]), coloured, wrapped by a terminal
// at 50 columns (cut anywhere), wrapped by a mail client at 60 (at
// spaces) and quoted, and inside a GitHub annotation (%0A for breaks).
func variants(paste string) map[string]string {
	lines := strings.Split(paste, "\n")
	logged := make([]string, len(lines))
	for i, l := range lines {
		logged[i] = fmt.Sprintf("2026-12-06T10:00:%02d.1234567Z %s", i%60, l)
	}
	logged[0] = strings.Replace(logged[0], "Z ", "Z ##[error]", 1)
	return map[string]string{
		"as printed": paste,
		"job log":    "2026-12-06T09:59:58.0000000Z Run aws-actions/configure-aws-credentials@v4\n" + strings.Join(logged, "\n") + "\n2026-12-06T10:01:00.0000000Z Post job cleanup.",
		"coloured":   "\x1b[31;1m" + strings.ReplaceAll(paste, "\n", "\x1b[0m\n\x1b[31;1m") + "\x1b[0m",
		"terminal":   hardWrap(paste, 50),
		"mail quote": "> " + strings.ReplaceAll(wordWrap(paste, 60), "\n", "\n> "),
		"annotation": "::error::" + strings.ReplaceAll(paste, "\n", "%0A"),
	}
}

// hardWrap cuts every line at width characters, as a terminal shows it.
func hardWrap(s string, width int) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		r := []rune(l)
		for len(r) > width {
			out = append(out, string(r[:width]))
			r = r[width:]
		}
		out = append(out, string(r))
	}
	return strings.Join(out, "\n")
}

// wordWrap breaks lines at the last space before width.
func wordWrap(s string, width int) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		for len(l) > width {
			cut := strings.LastIndex(l[:width], " ")
			if cut <= 0 {
				break
			}
			out = append(out, l[:cut])
			l = l[cut+1:]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func TestCatalogueParses(t *testing.T) {
	entries, err := parsed()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 60 {
		t.Errorf("%d entries", len(entries))
	}
	for _, e := range entries {
		if _, err := regexp.Compile(e.Pattern); err != nil {
			t.Errorf("%s: %v", e.ID, err)
		}
	}
}

func TestEveryEntryHasASample(t *testing.T) {
	s := samples()
	ids := map[string]bool{}
	for _, e := range Catalogue() {
		if ids[e.ID] {
			t.Errorf("entry %s is catalogued twice", e.ID)
		}
		ids[e.ID] = true
		if len(s[e.ID]) == 0 {
			t.Errorf("entry %s has no sample paste", e.ID)
		}
		if e.Title == "" || e.Text == "" || e.Meaning == "" || e.Source == "" || len(e.Check) == 0 || e.Provider == "" {
			t.Errorf("entry %s lacks a title, text, meaning, source, provider or check", e.ID)
		}
	}
	for id := range s {
		if !ids[id] {
			t.Errorf("sample for %s, which is not catalogued", id)
		}
	}
}

// Every sample, in every variant, is recognised as its entry (and as no
// other entry of another provider), with the values it carries.
func TestFindRecognisesEveryMessage(t *testing.T) {
	for id, ss := range samples() {
		for i, s := range ss {
			for variant, paste := range variants(s.paste) {
				t.Run(fmt.Sprintf("%s/%d/%s", id, i, variant), func(t *testing.T) {
					got := Find(paste)
					m, ok := findEntry(got, id)
					if !ok {
						t.Fatalf("not recognised; found %v in\n%s", entryIDs(got), paste)
					}
					if s.claims == nil {
						s.claims = map[string]string{}
					}
					if s.extra == nil {
						s.extra = map[string]string{}
					}
					if !maps.Equal(m.Claims, s.claims) {
						t.Errorf("claims = %q, want %q", m.Claims, s.claims)
					}
					if !maps.Equal(m.Extra, s.extra) {
						t.Errorf("extra = %q, want %q", m.Extra, s.extra)
					}
					for _, other := range got {
						if other.Entry.Provider != m.Entry.Provider {
							t.Errorf("also recognised as %s", other.Entry.ID)
						}
					}
				})
			}
		}
	}
}

func TestFindIgnoresNearMisses(t *testing.T) {
	for _, s := range nearMisses() {
		if got := Find(s); len(got) > 0 {
			t.Errorf("Find(%q) = %v, want nothing", s, entryIDs(got))
		}
	}
}

// A log that repeats an error (step output, then annotation) reports it
// once, at its first line; two different errors are both reported, in
// order.
func TestFindReportsEachMessageOnceInOrder(t *testing.T) {
	sub := "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:ref:refs/heads/main'."
	log := strings.Join([]string{
		"2026-12-06T10:00:00.0000000Z Run azure/login@v2",
		"2026-12-06T10:00:01.0000000Z Error: " + sub,
		"2026-12-06T10:00:01.0000000Z ##[error]" + sub,
		"2026-12-06T10:00:02.0000000Z Error: Could not assume role with OIDC: Incorrect token audience",
	}, "\n")
	got := Find(log)
	if ids := entryIDs(got); !slicesEqual(ids, []string{"entra.subject", "aws.audience"}) {
		t.Fatalf("found %v", ids)
	}
	if got[0].Line != 2 || got[1].Line != 4 {
		t.Errorf("lines = %d, %d; want 2, 4", got[0].Line, got[1].Line)
	}
	if !strings.Contains(got[0].Text, "AADSTS700213") || strings.Contains(got[0].Text, "2026-12-06T") {
		t.Errorf("quoted text %q: want the message without the log's timestamp", got[0].Text)
	}
}

// The quoted text is bounded, whatever the log line's length.
func TestFindBoundsQuotedText(t *testing.T) {
	got := Find("Incorrect token audience " + strings.Repeat("x", 10000))
	if len(got) != 1 || len(got[0].Text) > maxQuoted+len("…") {
		t.Fatalf("got %d matches, text %d bytes", len(got), len(got[0].Text))
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"AADSTS700213", []string{"entra.subject"}},
		{"aadsts7002138", []string{"entra.subject-case"}},
		{"InvalidIdentityToken", []string{"aws.no-provider", "aws.audience", "aws.verification-key"}},
		{"aws.no-provider", []string{"aws.no-provider"}},
		{"Incorrect token audience", []string{"aws.audience"}},
		{`"Not authorized to perform sts:AssumeRoleWithWebIdentity"`, []string{"aws.not-authorized"}},
		{"E404", []string{"npm.publish-not-found"}},
		{"eneedauth", []string{"npm.need-auth"}},
		{"npm error 404 Not Found - PUT https://registry.example/octo-pkg - Not found", []string{"npm.publish-not-found"}},
		{"npm error 404 Not Found - GET https://registry.example/octo-pkg - Not found", nil},
		{"no such thing", nil},
		{"  ", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Lookup(tt.query) {
			got = append(got, e.ID)
		}
		if !slicesEqual(got, tt.want) {
			t.Errorf("Lookup(%q) = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func findEntry(ms []Match, id string) (Match, bool) {
	for _, m := range ms {
		if m.Entry.ID == id {
			return m, true
		}
	}
	return Match{}, false
}

func entryIDs(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Entry.ID)
	}
	return out
}

func slicesEqual(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00") && len(a) == len(b)
}

func TestByID(t *testing.T) {
	for _, e := range Catalogue() {
		got, ok := ByID(e.ID)
		if !ok || got.ID != e.ID || got.Text != e.Text || len(got.Check) != len(e.Check) {
			t.Errorf("ByID(%q) = %+v, %v", e.ID, got, ok)
		}
	}
	if _, ok := ByID("no.such"); ok {
		t.Error("ByID found an entry that is not catalogued")
	}
}

// Terminals send a paste's line breaks as carriage returns and old Mac
// files keep them: a lone "\r" ends a line like "\n" and "\r\n" do, so a
// token printed two lines above is not quoted as part of the error.
func TestFindSplitsLinesAtLoneCarriageReturns(t *testing.T) {
	lines := []string{
		"2026-12-06T10:00:00.0000000Z Run azure/login@v2",
		"2026-12-06T10:00:00.5000000Z token: eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
		"2026-12-06T10:00:01.0000000Z Error: AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:o/r:ref:refs/heads/main'.",
	}
	for name, sep := range map[string]string{"CR": "\r", "CRLF": "\r\n", "LF": "\n", "mixed": "\r\n"} {
		text := strings.Join(lines, sep)
		if name == "mixed" {
			text = lines[0] + "\r" + lines[1] + "\n" + lines[2]
		}
		got := Find(text)
		if len(got) != 1 {
			t.Fatalf("%s: found %d messages", name, len(got))
		}
		if got[0].Line != 3 {
			t.Errorf("%s: the error is on line %d, want 3", name, got[0].Line)
		}
		if strings.Contains(got[0].Text, "eyJ") || strings.Contains(got[0].Text, "azure/login") {
			t.Errorf("%s: the quote holds other lines: %q", name, got[0].Text)
		}
	}
}
