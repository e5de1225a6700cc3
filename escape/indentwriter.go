package escape

import "io"

// IndentWriter re-indents compact JSON as it streams through, writing what
// json.Indent(dst, src, "", indent) writes for the whole document, but
// without holding a second copy of it: encoding/json's Encoder with
// SetIndent builds the compact document and then an indented copy, and
// for a report of megabytes that copy was the program's peak memory.
// Write takes the compact document in pieces of any size; what it writes
// on goes through one buffer of indentBatch bytes, allocated once.
type IndentWriter struct {
	w      io.Writer
	indent string
	depth  int
	inStr  bool
	esc    bool // the previous byte in a string was a backslash
	opened bool // the last byte was [ or {, its newline not yet written
	begun  bool // a value has started: whitespace after it at depth 0 is kept, as json.Indent keeps it
	out    []byte
	err    error // the first write error; every later Write returns it
}

// indentBatch is the size of the writes IndentWriter makes. Its writer is
// usually a JSONWriter, which gathers them into larger ones.
const indentBatch = 4 << 10

// indentSlack is the room kept free in the buffer outside strings.
const indentSlack = 256

// NewIndentWriter indents with indent per level and writes to w.
func NewIndentWriter(w io.Writer, indent string) *IndentWriter {
	return &IndentWriter{w: w, indent: indent}
}

// emitRun adds a run of string bytes, which may be longer than the
// buffer, writing the buffer on whenever it is full.
func (iw *IndentWriter) emitRun(b []byte) {
	for len(b) > 0 && iw.err == nil {
		k := copy(iw.out[len(iw.out):cap(iw.out)], b)
		iw.out, b = iw.out[:len(iw.out)+k], b[k:]
		if len(iw.out) == cap(iw.out) {
			iw.flush()
		}
	}
}

func (iw *IndentWriter) flush() {
	if len(iw.out) > 0 && iw.err == nil {
		_, iw.err = iw.w.Write(iw.out)
	}
	iw.out = iw.out[:0]
}

func (iw *IndentWriter) newline() {
	iw.out = append(iw.out, '\n')
	for range iw.depth {
		iw.out = append(iw.out, iw.indent...)
	}
}

func (iw *IndentWriter) Write(p []byte) (int, error) {
	if iw.out == nil {
		iw.out = make([]byte, 0, indentBatch)
	}
	for i := 0; i < len(p) && iw.err == nil; i++ {
		// Flushed with room to spare for a few bytes and a newline's
		// indent, so that appending rarely outgrows the buffer.
		if len(iw.out) >= indentBatch-indentSlack {
			iw.flush()
		}
		c := p[i]
		if iw.inStr {
			if !iw.esc {
				// Copy the string up to its next quote or backslash at
				// once: a report is mostly strings.
				j := i
				for j < len(p) && p[j] != '"' && p[j] != '\\' {
					j++
				}
				iw.emitRun(p[i:j])
				if j == len(p) {
					break
				}
				i, c = j, p[j]
			}
			iw.out = append(iw.out, c)
			switch {
			case iw.esc:
				iw.esc = false
			case c == '\\':
				iw.esc = true
			case c == '"':
				iw.inStr = false
			}
			continue
		}
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' {
			if iw.begun && iw.depth == 0 {
				iw.out = append(iw.out, c) // the encoder's final newline
			}
			continue // inside a value, compact input has none
		}
		iw.begun = true
		if iw.opened {
			iw.opened = false
			if c == ']' || c == '}' { // an empty array or object stays [] / {}
				iw.depth--
				iw.out = append(iw.out, c)
				continue
			}
			iw.newline()
		}
		switch c {
		case '"':
			iw.inStr = true
			iw.out = append(iw.out, c)
		case '[', '{':
			iw.out = append(iw.out, c)
			iw.depth++
			iw.opened = true
		case ']', '}':
			iw.depth--
			iw.newline()
			iw.out = append(iw.out, c)
		case ',':
			iw.out = append(iw.out, c)
			iw.newline()
		case ':':
			iw.out = append(iw.out, ':', ' ')
		default:
			iw.out = append(iw.out, c)
		}
	}
	iw.flush()
	if iw.err != nil {
		return 0, iw.err
	}
	return len(p), nil
}
