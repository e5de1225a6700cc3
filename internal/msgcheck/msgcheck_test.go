package msgcheck

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestFlagsInMessages: string literals naming a long flag are found, with
// their file and line; comments, PEM armour and test files are not.
func TestFlagsInMessages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package a\n\n// pass --jwks in a comment\nvar a = \"pass --jwks\"\nvar b = `-----BEGIN`\nvar c = \"--offline\"\n")
	write("a_test.go", "package a\n\nvar d = \"--key\"\n")
	found, err := FlagsInMessages(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Message{{"a.go", 4, "pass --jwks"}, {"a.go", 6, "--offline"}}
	if !reflect.DeepEqual(found, want) {
		t.Errorf("found %+v, want %+v", found, want)
	}
}
