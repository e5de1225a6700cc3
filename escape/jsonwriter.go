package escape

import (
	"io"
	"unicode/utf8"
)

// JSONWriter applies JSON to everything written through it, so an encoder
// can stream a large document straight to its destination instead of into
// a buffer that is then escaped into a second one. A UTF-8 sequence split
// across two writes is held back until it is whole. What it writes on is
// gathered into writes of about jsonWriterBatch bytes: a report written a
// claim at a time made a system call per claim. Close writes whatever is
// left; the document is complete only then.
type JSONWriter struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence cut off by the last write
	out     []byte // escaped, not yet written on
}

// jsonWriterBatch is how much JSONWriter gathers before writing it on.
const jsonWriterBatch = 32 << 10

// NewJSONWriter escapes what it is given and writes it to w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: w} }

func (jw *JSONWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(jw.pending) > 0 {
		p = append(jw.pending, p...)
		jw.pending = nil
	}
	// Hold back an incomplete sequence at the end (at most 3 bytes).
	cut := len(p)
	for i := len(p) - 1; i >= 0 && i >= len(p)-utf8.UTFMax; i-- {
		if utf8.RuneStart(p[i]) {
			if !utf8.FullRune(p[i:]) {
				cut = i
			}
			break
		}
	}
	jw.pending = append(jw.pending, p[cut:]...)
	esc := JSON(p[:cut])
	if len(jw.out) == 0 && len(esc) >= jsonWriterBatch {
		// A batch already: written on without a copy.
		if _, err := jw.w.Write(esc); err != nil {
			return 0, err
		}
		return n, nil
	}
	jw.out = append(jw.out, esc...)
	if len(jw.out) >= jsonWriterBatch {
		if err := jw.flush(); err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (jw *JSONWriter) flush() error {
	if len(jw.out) == 0 {
		return nil
	}
	_, err := jw.w.Write(jw.out)
	jw.out = jw.out[:0]
	return err
}

// Close writes what is gathered and a sequence still held back (which can
// only be invalid UTF-8, as it will never be completed).
func (jw *JSONWriter) Close() error {
	jw.out = append(jw.out, JSON(jw.pending)...)
	jw.pending = nil
	return jw.flush()
}
