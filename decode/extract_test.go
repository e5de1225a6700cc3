package decode

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// A real GitHub Actions token (sigstore-beacon, see testdata/SOURCES.md)
// would do, but any well-formed JWS shows extraction; this one is short.
const sampleJWS = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJyZXBvOm8vcjpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2lnbmF0dXJl"

func TestExtract(t *testing.T) {
	wrapped := sampleJWS[:30] + "\n" + sampleJWS[30:70] + "\r\n  " + sampleJWS[70:]
	tests := []struct {
		name     string
		in       string
		want     string
		stripped []string
		notes    int
	}{
		{"bare", sampleJWS, sampleJWS, nil, 0},
		{"surrounding whitespace", "\n\t " + sampleJWS + " \n", sampleJWS, []string{StripWhitespace}, 0},
		{"terminal-wrapped lines", wrapped, sampleJWS, []string{StripLineBreaks}, 0},
		{"bearer", "Bearer " + sampleJWS, sampleJWS, []string{StripBearer}, 0},
		{"bearer lower case", "bearer\t" + sampleJWS, sampleJWS, []string{StripBearer}, 0},
		{"authorization header", "Authorization: Bearer " + sampleJWS, sampleJWS, []string{StripAuthorization, StripBearer}, 0},
		{"authorization header any case", "AUTHORIZATION:bearer " + sampleJWS + "\n", sampleJWS, []string{StripWhitespace, StripAuthorization, StripBearer}, 0},
		{"double quotes", `"` + sampleJWS + `"`, sampleJWS, []string{StripQuotes}, 0},
		{"single quotes", `'` + sampleJWS + `'`, sampleJWS, []string{StripQuotes}, 0},
		{"backticks with spaces", "` " + sampleJWS + " `", sampleJWS, []string{StripQuotes, StripWhitespace}, 0},
		{"token endpoint JSON", `{"count":1234,"value":"` + sampleJWS + `"}`, sampleJWS, []string{StripTokenEndpoint}, 0},
		{"token endpoint JSON pretty", "{\n  \"count\": 2,\n  \"value\": \"" + sampleJWS + "\"\n}\n", sampleJWS, []string{StripWhitespace, StripTokenEndpoint}, 0},
		{"log line", "2026-11-25T10:00:00Z INFO got token=" + sampleJWS + " for job 7", sampleJWS, []string{StripSurroundingText}, 0},
		{"two tokens in a log", "a=" + sampleJWS + " b=" + sampleJWS, sampleJWS, []string{StripSurroundingText}, 1},
		{"other JSON holding a token", `{"id_token":"` + sampleJWS + `"}`, sampleJWS, []string{StripSurroundingText}, 0},
		{"byte order mark", "\uFEFF" + sampleJWS, sampleJWS, []string{StripBOM}, 0},
		{"padding kept for the decoder to report", sampleJWS + "==", sampleJWS + "==", nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, err := Extract([]byte(tt.in), 0)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if ex.Text != tt.want {
				t.Errorf("text = %q, want %q", ex.Text, tt.want)
			}
			if !slices.Equal(ex.Stripped, tt.stripped) {
				t.Errorf("stripped = %q, want %q", ex.Stripped, tt.stripped)
			}
			if len(ex.Notes) != tt.notes {
				t.Errorf("notes = %q, want %d", ex.Notes, tt.notes)
			}
		})
	}
}

func TestExtractSerializations(t *testing.T) {
	flattened := `{"payload":"eyJzdWIiOiJ4In0","protected":"eyJhbGciOiJFUzI1NiJ9","signature":"c2ln"}`
	general := `{"payload":"eyJzdWIiOiJ4In0","signatures":[{"protected":"eyJhbGciOiJFUzI1NiJ9","signature":"c2ln"}]}`
	jweJSON := `{"protected":"eyJlbmMiOiJBMTI4R0NNIn0","ciphertext":"YWJj","iv":"YWJj","tag":"YWJj"}`
	for _, in := range []string{flattened, general, jweJSON} {
		ex, err := Extract([]byte(in), 0)
		if err != nil || ex.Text != in {
			t.Errorf("Extract(%s) = %q, %v; want the document itself", in, ex.Text, err)
		}
	}
}

func TestExtractRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want error
	}{
		{"empty", "", 0, ErrNoToken},
		{"only whitespace", " \n\t", 0, ErrNoToken},
		{"prose", "hello, world: this is not a token", 0, ErrNoToken},
		{"JSON without a token", `{"sub":"x"}`, 0, ErrNoToken},
		{"too large", strings.Repeat("a", 101), 100, ErrTooLarge},
		{"default limit", strings.Repeat("a", DefaultMaxSize+1), 0, ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.in), tt.max)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var de *Error
			if !errors.As(err, &de) || de.Segment != "input" {
				t.Errorf("error %v does not name the input", err)
			}
		})
	}
}

func TestExtractTwoTokensOnTwoLines(t *testing.T) {
	ex, err := Extract([]byte(sampleJWS+"\n"+sampleJWS+"\n"), 0)
	if err != nil || ex.Text != sampleJWS || len(ex.Notes) != 1 {
		t.Fatalf("got %q, notes %q, err %v; want the first token and a note", ex.Text, ex.Notes, err)
	}
}

func TestExtractDottedWordsAreNotTokens(t *testing.T) {
	for _, in := range []string{"example.com", "a.b.c.d", "v1.2"} {
		if _, err := Extract([]byte(in), 0); !errors.Is(err, ErrNoToken) {
			t.Errorf("Extract(%q) err = %v, want ErrNoToken", in, err)
		}
	}
	// A truncated token keeps its shape error instead.
	ex, err := Extract([]byte("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0"), 0)
	if err != nil || ex.Text == "" {
		t.Errorf("truncated token: %q, %v", ex.Text, err)
	}
}

// TestIsWholeToken: the scan that replaced the regular expression in
// severalTokens accepts exactly the words jwsRun matches whole.
func TestIsWholeToken(t *testing.T) {
	for _, w := range []string{
		"eyJ..", "eyJa.b.c", "eyJa.b.c.d", "eyJa.b.c.d.e", "eyJa.b.c.d.e.f", "eyJa.b", "eyJ",
		"xeyJa.b.c", "eyJa.b+c.d", "eyJa.b.c=", "eyJ_-.A9.z", "eyJa.b.c\u00e9", "EYJa.b.c",
	} {
		if got, want := isWholeToken(w), jwsRun().FindString(w) == w; got != want {
			t.Errorf("isWholeToken(%q) = %v, want %v", w, got, want)
		}
	}
}
