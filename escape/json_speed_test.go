package escape

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// jsonRuneByRune is JSON as it was first written, one rune at a time: the
// reference the faster JSON must match byte for byte.
func jsonRuneByRune(doc []byte) []byte {
	var b bytes.Buffer
	for i := 0; i < len(doc); {
		r, size := utf8.DecodeRune(doc[i:])
		switch {
		case (size > 1 || r == 0x7f) && r != utf8.RuneError && Unsafe(r) && r > 0xffff:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
		case (size > 1 || r == 0x7f) && r != utf8.RuneError && Unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.Write(doc[i : i+size])
		}
		i += size
	}
	return b.Bytes()
}

// TestJSONMatchesRuneByRune: JSON copies safe runs whole and escapes only
// what the rune-by-rune reference escapes: unsafe runes at the start, the
// end and next to each other, DEL, bytes that are not UTF-8 (left as they
// are, for the encoder never writes them), a literal U+FFFD, and every
// corpus string inside an encoded claim.
func TestJSONMatchesRuneByRune(t *testing.T) {
	long := strings.Repeat("repo:octo-org/octo-repo ✓ — ", 200)
	docs := []string{
		"", "plain ASCII", "é ✓ — safe only", "\u202e", "\u202e\u202e\x7f", "\x7fstart", "end\x7f",
		long + "\u2066" + long + "\U000E0041", "\xff\xfe bad \u202e bytes \xc3", "\ufffd stand-in \ufffd",
		"a\u00adb\u034fc\u3164d\ufe0fe\U000E0101f", "\u0085 C1 \u009b2J", "\u2028\u2029",
	}
	for _, s := range corpusStrings(t) {
		doc, err := json.Marshal(map[string]string{"claim": s})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, string(doc), s)
	}
	for _, doc := range docs {
		want := jsonRuneByRune([]byte(doc))
		if got := JSON([]byte(doc)); !bytes.Equal(got, want) {
			t.Fatalf("JSON(%q)\n= %q\nwant %q", doc, got, want)
		}
	}
}

// TestIndentWriterLongStrings: strings longer than a flush, with escaped
// quotes and backslashes anywhere, in writes that cut them anywhere.
func TestIndentWriterLongStrings(t *testing.T) {
	long := strings.Repeat(`a \" b \\ c ✓ `, 4000) // 60 KB: over the 4 and 16 KiB buffers
	doc := fmt.Sprintf(`{"a":"%s","b":["%s",1,{"c":"\\"}],"d":"%s"}`, long, long[:999], `\\\"`)
	var want bytes.Buffer
	if err := json.Indent(&want, []byte(doc), "", "  "); err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 2, 3, 7, 4096, 32 << 10, len(doc)} {
		var got bytes.Buffer
		iw := NewIndentWriter(&got, "  ")
		for i := 0; i < len(doc); i += size {
			if _, err := iw.Write([]byte(doc[i:min(i+size, len(doc))])); err != nil {
				t.Fatal(err)
			}
		}
		if got.String() != want.String() {
			t.Fatalf("writes of %d: the output differs from json.Indent's", size)
		}
	}
}

// reportLike is compact JSON shaped like `inspect --json` output: mostly
// ASCII strings, a few with the report's own ✓ and em dashes.
func reportLike() []byte {
	var b bytes.Buffer
	b.WriteString(`{"claims":[`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"claim_%d","value":"repo:octo-org/octo-repo:ref:refs/heads/main","summary":"What the claim means — with the provider's words ✓","n":%d,"ok":true}`, i, i)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

func BenchmarkJSON(b *testing.B) {
	doc := reportLike()
	b.SetBytes(int64(len(doc)))
	for range b.N {
		JSON(doc)
	}
}

func BenchmarkIndentWriter(b *testing.B) {
	doc := reportLike()
	b.SetBytes(int64(len(doc)))
	iw := NewIndentWriter(io.Discard, "  ")
	for range b.N {
		if _, err := iw.Write(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// countingWriter counts the writes that reach it.
type countingWriter struct {
	bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

// TestJSONWriterBatchesWrites: a report written a claim at a time reaches
// its destination in a few large writes (each one a system call on a file
// or a pipe), with the same bytes, all of them out once Close returns.
func TestJSONWriterBatchesWrites(t *testing.T) {
	doc := reportLike()
	var dst countingWriter
	jw := NewJSONWriter(&dst)
	for i := 0; i < len(doc); i += 100 {
		if _, err := jw.Write(doc[i:min(i+100, len(doc))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := jw.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dst.Bytes(), JSON(doc)) {
		t.Fatal("the output differs from JSON of the whole")
	}
	if most := len(doc)/jsonWriterBatch + 2; dst.writes > most {
		t.Errorf("%d bytes in writes of 100 reached the destination in %d writes, want at most %d", len(doc), dst.writes, most)
	}
	// A write of a whole batch goes on at once, in order with the small
	// writes after it.
	dst = countingWriter{}
	jw = NewJSONWriter(&dst)
	for _, part := range [][]byte{doc[:jsonWriterBatch], doc[jsonWriterBatch : jsonWriterBatch+10], doc[jsonWriterBatch+10:]} {
		if _, err := jw.Write(part); err != nil {
			t.Fatal(err)
		}
	}
	if err := jw.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(dst.Bytes(), JSON(doc)) {
		t.Fatal("with a large write: the output differs from JSON of the whole")
	}
}

// failingWriter refuses every write.
type failingWriter struct{}

var errRefused = errors.New("refused")

func (failingWriter) Write([]byte) (int, error) { return 0, errRefused }

// TestJSONWriterReportsWriteErrors: a destination's error comes back from
// Write or, at the latest, from Close.
func TestJSONWriterReportsWriteErrors(t *testing.T) {
	jw := NewJSONWriter(failingWriter{})
	_, err := jw.Write([]byte(`{"a":1}`))
	if err == nil {
		err = jw.Close()
	}
	if !errors.Is(err, errRefused) {
		t.Errorf("error = %v, want the destination's", err)
	}
}
