package aws

import (
	"fmt"
	"sort"
)

// locator turns byte offsets of one JSON text into positions a person can
// find: line and column, or for a URL-encoded document embedded in a
// string, the byte in the decoded text and where that string sits.
type locator struct {
	data  []byte
	lines []int  // offsets of '\n', built on first use
	outer string // for an embedded document: "Roles[2].AssumeRolePolicyDocument (line 14, column 7), URL-decoded"
}

func newLocator(data []byte) *locator { return &locator{data: data} }

// at renders a byte offset.
func (l *locator) at(off int64) string {
	if l.outer != "" {
		return fmt.Sprintf("byte %d of %s", off, l.outer)
	}
	if l.lines == nil {
		l.lines = []int{}
		for i, c := range l.data {
			if c == '\n' {
				l.lines = append(l.lines, i)
			}
		}
	}
	o := int(min(max(off, 0), int64(len(l.data))))
	n := sort.SearchInts(l.lines, o) // newlines before o
	col := o + 1
	if n > 0 {
		col = o - l.lines[n-1]
	}
	return fmt.Sprintf("line %d, column %d", n+1, col)
}

// embedded returns a locator for a document decoded from a string member.
func (l *locator) embedded(data []byte, path string, off int64) *locator {
	return &locator{data: data, outer: fmt.Sprintf("%s (at %s), URL-decoded", path, l.at(off))}
}
