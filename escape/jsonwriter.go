package escape

import (
	"io"
	"unicode/utf8"
)

// JSONWriter applies JSON to everything written through it, so an encoder
// can stream a large document straight to its destination instead of into
// a buffer that is then escaped into a second one. A UTF-8 sequence split
// across two writes is held back until it is whole; Close writes whatever
// is left.
type JSONWriter struct {
	w       io.Writer
	pending []byte // the start of a UTF-8 sequence cut off by the last write
}

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
	if _, err := jw.w.Write(JSON(p[:cut])); err != nil {
		return 0, err
	}
	return n, nil
}

// Close writes a sequence still held back (which can only be invalid
// UTF-8, as it will never be completed).
func (jw *JSONWriter) Close() error {
	if len(jw.pending) == 0 {
		return nil
	}
	_, err := jw.w.Write(JSON(jw.pending))
	jw.pending = nil
	return err
}
