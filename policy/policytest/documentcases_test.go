package policytest

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

var errRefused = errors.New("refused")

// refusing is lines whose Parse refuses an empty document with an error
// naming the source and wrapping errRefused.
type refusing struct{ lines }

func (refusing) Parse(source string, data []byte) ([]policy.Policy, error) {
	if len(data) == 0 {
		return nil, fmt.Errorf("%s: %w: empty document", source, errRefused)
	}
	return lines{}.Parse(source, data)
}

func TestCheckDetect(t *testing.T) {
	if msg := failure(func(tb testing.TB) { CheckDetect(tb, lines{}, true, map[string]string{"any": "x"}) }); msg != "" {
		t.Errorf("a detected document failed the test: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { CheckDetect(tb, foreign{}, true, map[string]string{"mine": "x"}) }); !strings.Contains(msg, "Detect(mine) = false") {
		t.Errorf("an undetected document should fail the test naming it: %q", msg)
	}
}

func TestCheckParseRefusals(t *testing.T) {
	tests := []struct {
		name   string
		prefix string
		cases  []ParseRefusal
		fails  string // "" when the cases hold
	}{
		{"refused as stated", "f: ", []ParseRefusal{{Name: "empty", Doc: "", Is: errRefused, Says: []string{"empty document"}}}, ""},
		{"a document that parses", "", []ParseRefusal{{Name: "one", Doc: "one", Is: errRefused}}, "want only an error"},
		{"another sentinel", "", []ParseRefusal{{Name: "empty", Doc: "", Is: errors.ErrUnsupported}}, "wrapping"},
		{"another prefix", "g: ", []ParseRefusal{{Name: "empty", Doc: "", Is: errRefused}}, `beginning "g: "`},
		{"says something else", "", []ParseRefusal{{Name: "empty", Doc: "", Is: errRefused, Says: []string{"too long"}}}, `does not say "too long"`},
	}
	for _, tt := range tests {
		msg := failure(func(tb testing.TB) { CheckParseRefusals(tb, refusing{}, "f", tt.prefix, tt.cases) })
		if tt.fails == "" && msg != "" || !strings.Contains(msg, tt.fails) {
			t.Errorf("%s: failed with %q, want %q", tt.name, msg, tt.fails)
		}
	}
}

func TestCheckText(t *testing.T) {
	if msg := failure(func(tb testing.TB) { CheckText(tb, "diagnosis", "a b", []string{"a"}, []string{"c"}) }); msg != "" {
		t.Errorf("text that says what it should failed the test: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { CheckText(tb, "diagnosis", "a b", []string{"c"}, nil) }); !strings.Contains(msg, `diagnosis lacks "c"`) {
		t.Errorf("missing text should fail the test: %q", msg)
	}
	if msg := failure(func(tb testing.TB) { CheckText(tb, "summary", "a b", nil, []string{"b"}) }); !strings.Contains(msg, `summary should not say "b"`) {
		t.Errorf("text that should not be there should fail the test: %q", msg)
	}
}

func TestFixtureFile(t *testing.T) {
	if b := FixtureFile(t, "entra", "README.md"); !strings.Contains(string(b), "|") {
		t.Errorf("the entra README holds no table: %.100q", b)
	}
	if msg := failure(func(tb testing.TB) { FixtureFile(tb, "entra", "nothing.json") }); !strings.Contains(msg, "entra/nothing.json") {
		t.Errorf("a missing fixture should fail the test naming it: %q", msg)
	}
}
