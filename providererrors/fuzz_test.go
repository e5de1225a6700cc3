package providererrors

import (
	"strings"
	"testing"
)

// FuzzFind: any paste is read without panicking, every match points at a
// line of the paste and quotes a bounded text, and a message found in a
// paste is still found with log decoration around it; no entry matches
// without its required literal (the prefilter hides nothing).
func FuzzFind(f *testing.F) {
	for _, ss := range samples() {
		for _, s := range ss {
			f.Add(s.paste)
		}
	}
	f.Add("\x1b]52;c;aGk=\x07AADSTS700213: No matching federated identity record found for presented assertion subject '\x1b[2J'")
	f.Add(strings.Repeat("%0A", 100) + "Incorrect token audience")
	f.Fuzz(func(t *testing.T, paste string) {
		ms := Find(paste)
		if err := literalHolds(paste); err != nil {
			t.Fatal(err)
		}
		lines := len(strings.Split(strings.ReplaceAll(strings.ReplaceAll(paste, "\r\n", "\n"), "\r", "\n"), "\n"))
		for _, m := range ms {
			if m.Line < 1 || m.Line > lines {
				t.Fatalf("match %s at line %d of %d", m.Entry.ID, m.Line, lines)
			}
			if len(m.Text) > maxQuoted+len("…") {
				t.Fatalf("match %s quotes %d bytes", m.Entry.ID, len(m.Text))
			}
			if strings.ContainsRune(m.Text, 0x1b) {
				t.Fatalf("match %s quotes an escape sequence: %q", m.Entry.ID, m.Text)
			}
		}
	})
}
