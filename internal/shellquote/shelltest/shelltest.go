// Package shelltest runs the commands oidcscope prints the way a person
// would: copied from the text report and pasted into bash, with the tool
// they call (aws, vault, az) replaced by a shell function that records its
// arguments. A test then sees whether a hostile value stayed one argument
// and whether anything else ran.
package shelltest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
)

// Commands returns the commands calling tool in notes, as a person copies
// them from the text report (which shows each note through escape.Text):
// every `…` span that starts with the tool's name. A note without such a
// span but with "(tool " is taken from there to its last ")", which is
// how a command printed in parentheses reads.
func Commands(notes []string, tool string) []string {
	var out []string
	for _, n := range notes {
		shown := escape.Text(n)
		found := false
		parts := strings.Split(shown, "`")
		for i := 1; i < len(parts)-1; i += 2 { // odd parts are inside backticks
			if strings.HasPrefix(parts[i], tool+" ") {
				out = append(out, parts[i])
				found = true
			}
		}
		if found {
			continue
		}
		if i, j := strings.Index(shown, "("+tool+" "), strings.LastIndex(shown, ")"); i >= 0 && j > i {
			out = append(out, shown[i+1:j])
		}
	}
	return out
}

// Run runs line (one command, or several on lines of their own) with bash
// in an empty directory, each of tools defined as a function that records
// its arguments, and returns the recorded calls. It fails t when bash
// reports an error, writes to stderr, or anything appears in the
// directory: the line ran something besides the tools. Without bash it
// skips t.
func Run(t testing.TB, line string, tools ...string) [][]string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("bash not found:", err)
	}
	work, calls := t.TempDir(), filepath.Join(t.TempDir(), "calls")
	var script strings.Builder
	for _, tool := range tools {
		fmt.Fprintf(&script, "%s() { printf '%%s\\0' \"$#\" \"$@\" >>\"$SHELLTEST_CALLS\"; }\n", tool)
	}
	script.WriteString(line + "\n")
	cmd := exec.Command(bash, "--noprofile", "--norc", "-c", script.String())
	cmd.Dir = work
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + work, "LC_ALL=C", "SHELLTEST_CALLS=" + calls}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Errorf("bash ran %q: %v, stderr %q", line, err, stderr.String())
	}
	if entries, _ := os.ReadDir(work); len(entries) > 0 {
		t.Errorf("running %q created %s: the line ran more than %v", line, entries[0].Name(), tools)
	}
	return readCalls(t, calls)
}

// readCalls splits the record: per call, the argument count and the
// arguments, each ended by a NUL.
func readCalls(t testing.TB, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	fields := strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
	var out [][]string
	for len(fields) > 0 {
		n, err := strconv.Atoi(fields[0])
		if err != nil || n > len(fields)-1 {
			t.Fatalf("unreadable call record %q", data)
		}
		out = append(out, fields[1:1+n])
		fields = fields[1+n:]
	}
	return out
}
