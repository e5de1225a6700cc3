package policy

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
)

// What the providers that read JSON documents (Entra credentials, Vault
// roles) share: decoding with positions kept, saying where a document
// breaks, and naming what it holds in a message. Which shapes a document
// may take (one object, an array, an envelope) is each provider's own.

// TrimBOM drops a leading UTF-8 byte order mark, as some Windows tools
// write one. Offsets in errors count from after it, so callers keep the
// trimmed bytes for later LineCol calls.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

// ReadJSON decodes a policy document, keeping member order, duplicate
// members and byte offsets. Duplicate keys and invalid UTF-8 are not errors
// here: the field that holds them reports them, in its own terms. Anything
// else is an error that names the line and column and wraps the
// *decode.Error; callers wrap it in their own sentinel.
func ReadJSON(data []byte) (decode.Value, error) {
	v, errs := decode.ParseJSON("document", data)
	for _, e := range errs {
		if errors.Is(e, decode.ErrDuplicateKey) || errors.Is(e, decode.ErrInvalidUTF8) {
			continue
		}
		line, col := LineCol(data, e.Offset)
		detail := e.Cause.Error()
		if e.Detail != "" {
			detail += ": " + e.Detail
		}
		return v, fmt.Errorf("%s at line %d, column %d: %w", detail, line, col, e)
	}
	return v, nil
}

// LineCol turns a byte offset into a 1-based line and column (in bytes);
// an offset outside data is clamped to it.
func LineCol(data []byte, off int64) (line, col int) {
	off = max(0, min(off, int64(len(data))))
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// FirstLine is the line of an object's first member, 0 when it has none
// (or is not an object), for pointing at one item of a document.
func FirstLine(data []byte, v decode.Value) int {
	if len(v.Members) == 0 {
		return 0
	}
	line, _ := LineCol(data, v.Members[0].Offset)
	return line
}

// KeyList names an object's first keys for an error message ("none" when
// it has none): enough to recognise a document that is not what was
// expected, short enough for one line.
func KeyList(v decode.Value) string {
	var keys []string
	for i, m := range v.Members {
		if i == 6 {
			keys = append(keys, "…")
			break
		}
		keys = append(keys, escape.Quoted(Shorten(m.Key, 40)))
	}
	if len(keys) == 0 {
		return "none"
	}
	return strings.Join(keys, ", ")
}

// Shorten cuts s to at most n bytes for a message, at a rune boundary so
// the text stays valid UTF-8, and marks the cut with "…".
func Shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && (s[cut]&0xC0) == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// DocumentOf is the document a policy's source names: "file#N" (as
// NumberedSource and AWS's role lists number them) is file; any other
// source is its own document.
func DocumentOf(source string) string {
	i := strings.LastIndexByte(source, '#')
	if i < 0 {
		return source
	}
	if n := source[i+1:]; n == "" || strings.Trim(n, "0123456789") != "" {
		return source
	}
	return source[:i]
}

// NumberedSource names the index-th (1-based) of total policies read from
// one document: "source#index", or source alone when the document holds
// only one, so that a single policy keeps its file's name.
func NumberedSource(source string, index, total int) string {
	if total > 1 {
		return fmt.Sprintf("%s#%d", source, index)
	}
	return source
}
