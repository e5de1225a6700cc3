package actions

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// readOutputs parses a GITHUB_OUTPUT file as the runner does: a line ends
// at \n, \r or \r\n; "NAME<<DELIMITER" starts a value that runs to a line
// equal to DELIMITER; any other line is NAME=VALUE.
func readOutputs(t *testing.T, data string) map[string]string {
	t.Helper()
	lines := regexp.MustCompile(`\r\n|\r|\n`).Split(strings.TrimSuffix(data, "\n"), -1)
	out := map[string]string{}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		eq, hd := strings.Index(line, "="), strings.Index(line, "<<")
		if eq >= 0 && (hd < 0 || eq < hd) {
			out[line[:eq]] = line[eq+1:]
			continue
		}
		if hd < 0 {
			t.Fatalf("line %d is neither name=value nor a heredoc: %q", i+1, line)
		}
		name, delim := line[:hd], line[hd+2:]
		var value []string
		for i++; i < len(lines) && lines[i] != delim; i++ {
			value = append(value, lines[i])
		}
		if i == len(lines) {
			t.Fatalf("heredoc %s is not closed", name)
		}
		out[name] = strings.Join(value, "\n")
	}
	return out
}

func TestFormatOutputs(t *testing.T) {
	// A value may try to end its heredoc and forge an output: with the
	// delimiter it guesses, or with the toolkit's prefix.
	forged := "x\nghadelimiter_00000000000000000000000000000000\nverdict<<EOF\nallow\nEOF"
	outputs := []Output{
		{"sub", "repo:octo-org/octo-repo:ref:refs/heads/main"},
		{"aud", "sts.amazonaws.com,api://AzureADTokenExchange"},
		{"multi", "line one\nline two"},
		{"eq", "verdict=allow"},
		{"forged", forged},
		{"verdict", "deny"},
		{"empty", ""},
	}
	data, err := FormatOutputs(outputs, bytes.NewReader(bytes.Repeat([]byte{0xab}, 16*len(outputs))))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "sub<<ghadelimiter_abababababababababababababababab\nrepo:") {
		t.Errorf("not in the heredoc form:\n%s", data)
	}
	got := readOutputs(t, string(data))
	if len(got) != len(outputs) {
		t.Errorf("%d outputs read back, want %d: %q", len(got), len(outputs), got)
	}
	for _, o := range outputs {
		if got[o.Name] != o.Value {
			t.Errorf("%s read back as %q, want %q", o.Name, got[o.Name], o.Value)
		}
	}
}

func TestFormatOutputsDelimiterInValue(t *testing.T) {
	// The random source always draws zeros: the value holds that delimiter.
	zeros := bytes.NewReader(make([]byte, 1024))
	_, err := FormatOutputs([]Output{{"v", "a\nghadelimiter_00000000000000000000000000000000\nb"}}, zeros)
	if !errors.Is(err, ErrDelimiter) {
		t.Fatalf("err = %v, want ErrDelimiter", err)
	}
	// A source that moves on finds a delimiter the value lacks.
	mixed := bytes.NewReader(append(make([]byte, 16), bytes.Repeat([]byte{1}, 16)...))
	data, err := FormatOutputs([]Output{{"v", "ghadelimiter_00000000000000000000000000000000"}}, mixed)
	if err != nil || !strings.Contains(string(data), "ghadelimiter_01010101") {
		t.Fatalf("FormatOutputs = %q, %v", data, err)
	}
}

func TestFormatOutputsBadName(t *testing.T) {
	for _, name := range []string{"", "a b", "a=b", "a<<b", "a\nb", "1a"} {
		if _, err := FormatOutputs([]Output{{name, "v"}}, bytes.NewReader(make([]byte, 16))); !errors.Is(err, ErrOutputName) {
			t.Errorf("name %q: err = %v, want ErrOutputName", name, err)
		}
	}
}

func TestWriteOutputsAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "output")
	if err := os.WriteFile(path, []byte("earlier=step\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteOutputs(path, []Output{{"verdict", "allow"}, {"sub", "a\nb"}}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	got := readOutputs(t, string(data))
	if got["earlier"] != "step" || got["verdict"] != "allow" || got["sub"] != "a\nb" {
		t.Errorf("read back %q from\n%s", got, data)
	}
	if err := WriteOutputs(filepath.Join(t.TempDir(), "no", "such", "dir"), nil); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}
