package escape

import (
	"io"
	"unicode/utf8"
)

// JSONWriter applies JSON to everything written through it, so an encoder
// can stream a large document straight to its destination instead of into
// a buffer that is then escaped into a second one. A UTF-8 sequence split
// across two writes is held back until it is whole. What it writes on is
// gathered into writes of jsonWriterBatch bytes in one buffer allocated
// once: a report written a claim at a time made a system call per claim,
// and a buffer grown by append allocated five times its final size, all
// of it fresh memory (a page fault per 4 KiB) in a short-lived process.
// Close writes whatever is left; the document is complete only then.
type JSONWriter struct {
	w        io.Writer
	pending  [utf8.UTFMax - 1]byte // the start of a UTF-8 sequence cut off by the last write
	npending int
	out      []byte // escaped, not yet written on; capacity jsonWriterBatch
}

// jsonWriterBatch is how much JSONWriter gathers before writing it on:
// a write per 16 KiB costs less than the page faults of a larger buffer
// in a process that lives for milliseconds.
const jsonWriterBatch = 16 << 10

// NewJSONWriter escapes what it is given and writes it to w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: w} }

func (jw *JSONWriter) Write(p []byte) (int, error) {
	n := len(p)
	if jw.npending > 0 {
		var err error
		if p, err = jw.completePending(p); err != nil {
			return 0, err
		}
		if jw.npending > 0 {
			return n, nil // p was used up and the sequence is still incomplete
		}
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
	if err := jw.put(p[:cut]); err != nil {
		return 0, err
	}
	jw.npending = copy(jw.pending[:], p[cut:])
	return n, nil
}

// completePending escapes the held-back bytes together with the start of p
// that completes their runes, and returns the rest of p. When p ends
// before they are complete, all of it joins the held-back bytes.
func (jw *JSONWriter) completePending(p []byte) ([]byte, error) {
	var joined [2 * utf8.UTFMax]byte
	held := copy(joined[:], jw.pending[:jw.npending])
	k := copy(joined[held:], p)
	c := joined[:held+k]
	j := 0 // the end of the runes holding the held-back bytes
	for j < held {
		if !utf8.FullRune(c[j:]) {
			// Only when p is shorter than what is missing: c[j:] has at
			// most 3 bytes, all of p among them.
			if err := jw.put(c[:j]); err != nil {
				return nil, err
			}
			jw.npending = copy(jw.pending[:], c[j:])
			return nil, nil
		}
		_, size := utf8.DecodeRune(c[j:])
		j += size
	}
	jw.npending = 0
	if err := jw.put(c[:j]); err != nil {
		return nil, err
	}
	return p[j-held:], nil
}

// put escapes b, which holds whole runes, into the batch.
func (jw *JSONWriter) put(b []byte) error {
	for {
		i := firstUnsafe(b)
		if i < 0 {
			return jw.copyOut(b)
		}
		if err := jw.copyOut(b[:i]); err != nil {
			return err
		}
		if cap(jw.out)-len(jw.out) < maxJSONEscape {
			if err := jw.flush(); err != nil {
				return err
			}
		}
		if jw.out == nil {
			jw.out = make([]byte, 0, jsonWriterBatch)
		}
		r, size := utf8.DecodeRune(b[i:])
		jw.out = appendJSONEscape(jw.out, r)
		b = b[i+size:]
	}
}

// copyOut adds b to the batch, writing each full batch on; a batch's worth
// that arrives while the batch is empty goes on without a copy.
func (jw *JSONWriter) copyOut(b []byte) error {
	for len(b) > 0 {
		if len(jw.out) == 0 && len(b) >= jsonWriterBatch {
			_, err := jw.w.Write(b)
			return err
		}
		if jw.out == nil {
			jw.out = make([]byte, 0, jsonWriterBatch)
		}
		k := copy(jw.out[len(jw.out):cap(jw.out)], b)
		jw.out, b = jw.out[:len(jw.out)+k], b[k:]
		if len(jw.out) == cap(jw.out) {
			if err := jw.flush(); err != nil {
				return err
			}
		}
	}
	return nil
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
	held := jw.pending[:jw.npending]
	jw.npending = 0
	if err := jw.put(held); err != nil {
		return err
	}
	return jw.flush()
}
