package shellquote

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "''"},
		{"sts.amazonaws.com", "sts.amazonaws.com"},
		{"https://token.actions.githubusercontent.com", "https://token.actions.githubusercontent.com"},
		{"a@b%c+d=e:f,g.h/i_j-k", "a@b%c+d=e:f,g.h/i_j-k"},
		{"-n", "-n"}, // an option-like word is Command's concern, not Quote's
		{"a b", "'a b'"},
		{"$(touch p)", "'$(touch p)'"},
		{"it's", `'it'\''s'`},
		{"'", `''\'''`},
		{"~", "'~'"},
		{"é", "'é'"},
		{"a\nb", "'a\nb'"},
	}
	for _, tc := range tests {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestWords checks the test's shell reader against what a shell does.
func TestWords(t *testing.T) {
	tests := []struct {
		line string
		want []string
		err  bool
	}{
		{`a 'b c'  d`, []string{"a", "b c", "d"}, false},
		{`'it'\''s'`, []string{"it's"}, false},
		{`a\ b "c\"d"`, []string{"a b", `c"d`}, false},
		{"a\\\nb", []string{"ab"}, false},
		{`''`, []string{""}, false},
		{`a$b`, nil, true},
		{`"$HOME"`, nil, true},
		{`a;b`, nil, true},
		{`*`, nil, true},
		{`'a`, nil, true},
	}
	for _, tc := range tests {
		got, err := words(tc.line)
		if (err != nil) != tc.err || !equal(got, tc.want) {
			t.Errorf("words(%q) = %q, %v; want %q (error %v)", tc.line, got, err, tc.want, tc.err)
		}
	}
}

func equal(a, b []string) bool {
	return len(a) == len(b) && strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// FuzzQuote: whatever s is, Quote(s) reads back as exactly the one word s,
// with nothing a shell would expand outside quotes.
func FuzzQuote(f *testing.F) {
	for _, s := range hostileSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := Quote(s)
		got, err := words(q)
		if err != nil || len(got) != 1 || got[0] != s {
			t.Fatalf("Quote(%q) = %q reads back as %q, %v", s, q, got, err)
		}
	})
}

var hostileSeeds = []string{
	"", " ", "'", "''", `\`, `"`, "`", "$", "$(touch p)", "${HOME}", "$'\\x41'", "`touch p`", ";touch p", "&&", "||", "|",
	"<", ">", ">>", "2>&1", "(", ")", "{a,b}", "*", "?", "[a]", "~", "~root", "#", "!", "!!", "^", "%", "=", "a=b",
	"\t", "\n", "\r", "\x1b[2J", "\x7f", "\u202e", "\u00a0", "é", "日本", "\xff\xfe", "-n", "--help", "@file", "file:///etc/passwd",
	"'$(touch p)'", `'\''`, `"'"`, "a'b'c", "\\'", "it's", "https://issuer.example/$(touch p)", "sts.amazonaws.com;touch q",
}

// hostileStrings is a few hundred values built from the seeds: each seed
// alone, in a URL, doubled, and pairs of seeds, plus random bytes.
func hostileStrings() []string {
	var out []string
	for _, s := range hostileSeeds {
		out = append(out, s, "https://issuer.example/"+s, s+s, "x"+s+"y")
	}
	for i, a := range hostileSeeds {
		b := hostileSeeds[(i*7+3)%len(hostileSeeds)]
		out = append(out, a+b, b+" "+a)
	}
	r := rand.New(rand.NewPCG(13, 4))
	for range 100 {
		b := make([]byte, 1+r.IntN(24))
		for i := range b {
			b[i] = byte(1 + r.IntN(255)) // no NUL: no shell argument holds one
		}
		out = append(out, string(b))
	}
	return out
}

// TestQuoteBash runs every hostile string through one bash process as
// printf '%s\0' QUOTED, in an empty directory: each must come back byte
// for byte, as one argument, and nothing may be created.
func TestQuoteBash(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found:", err)
	}
	in := hostileStrings()
	if len(in) < 300 {
		t.Fatalf("only %d hostile strings", len(in))
	}
	var script strings.Builder
	for _, s := range in {
		script.WriteString("printf '%s\\0' " + Quote(s) + "\n")
	}
	dir := t.TempDir()
	cmd := exec.Command(bash, "--noprofile", "--norc", "-c", script.String())
	cmd.Dir, cmd.Env = dir, []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "LC_ALL=C"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("bash: %v, stderr %q", err, stderr.String())
	}
	got := strings.Split(strings.TrimSuffix(stdout.String(), "\x00"), "\x00")
	if len(got) != len(in) {
		t.Fatalf("bash printed %d arguments for %d strings", len(got), len(in))
	}
	for i := range in {
		if got[i] != in[i] {
			t.Errorf("Quote(%q) = %q: bash read %q", in[i], Quote(in[i]), got[i])
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("the quoted strings created %s", entries[0].Name())
	}
}

func TestCommand(t *testing.T) {
	tests := []struct {
		format string
		values []string
		want   string
		err    error
	}{
		{"aws iam x --url %s --client-id-list %s", []string{"https://i.example", "sts.amazonaws.com"}, "aws iam x --url https://i.example --client-id-list sts.amazonaws.com", nil},
		{"aws --url %s", []string{"https://i.example/$(touch p)"}, "aws --url 'https://i.example/$(touch p)'", nil},
		{"vault write c bound_issuer=%s", []string{"https://i.example/a b"}, "vault write c bound_issuer='https://i.example/a b'", nil},
		{"vault write c bound_issuer=%s", []string{"-x"}, "vault write c bound_issuer=-x", nil}, // not a word of its own
		{"tool %s", []string{"-x"}, "", ErrOption},
		{"%s", []string{"--help"}, "", ErrOption},
		{"tool %s", []string{"a\nb"}, "", ErrNotShown},
		{"tool %s", []string{"a\x1b[2Jb"}, "", ErrNotShown},
		{"tool %s", []string{"a\u202eb"}, "", ErrNotShown},
		{"tool %s", []string{`a\b`}, "", ErrNotShown},
		{"tool %s", []string{"it's"}, "", ErrNotShown},
		{"tool %s", []string{"a\x00b"}, "", ErrNotShown},
		{"tool %s", []string{"\xff"}, "", ErrNotShown},
		{"tool %s", []string{"a`b"}, "", ErrBackquote},
		{"tool %s %s", []string{"a"}, "", ErrFormat},
	}
	for _, tc := range tests {
		got, err := Command(tc.format, tc.values...)
		if got != tc.want || !errors.Is(err, tc.err) || (err == nil) != (tc.err == nil) {
			t.Errorf("Command(%q, %q) = %q, %v; want %q, %v", tc.format, tc.values, got, err, tc.want, tc.err)
		}
	}
}
