// Package msgcheck finds command-line flags named in a package's messages.
// Library packages word their messages neutrally and the command layer adds
// the flags (issue 15); a test per library package holds that line.
package msgcheck

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// flagName is a long flag: two dashes and a letter, not the tail of a
// longer run of dashes ("-----BEGIN").
var flagName = regexp.MustCompile(`(?:^|[^-])--[A-Za-z]`)

// Message is a string literal that names a flag.
type Message struct {
	File string // base name
	Line int
	Text string // unquoted
}

// Key is how a known message is listed: "file.go:text".
func (m Message) Key() string { return m.File + ":" + m.Text }

// FlagsInMessages lists every string literal in the non-test Go files of
// dir that names a long flag. Comments are not messages and are not read.
func FlagsInMessages(dir string) ([]Message, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var found []Message
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("reading messages: %w", err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			if text, err := strconv.Unquote(lit.Value); err == nil && flagName.MatchString(text) {
				pos := fset.Position(lit.Pos())
				found = append(found, Message{filepath.Base(pos.Filename), pos.Line, text})
			}
			return true
		})
	}
	return found, nil
}

// Check fails t for each message in dir that names a flag and is not in
// known (keys as Message.Key), and for each entry of known no longer
// found, so that the list of known ones only shrinks.
func Check(t testing.TB, dir string, known map[string]bool) {
	t.Helper()
	found, err := FlagsInMessages(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range found {
		seen[m.Key()] = true
		if !known[m.Key()] {
			t.Errorf("%s:%d: a message names a flag (word it neutrally; the command layer adds flags): %s", m.File, m.Line, m.Text)
		}
	}
	for k := range known {
		if !seen[k] {
			t.Errorf("listed as still naming a flag, but no longer found: %s (drop it from the list)", k)
		}
	}
}
