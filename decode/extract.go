package decode

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/internal/setting"
)

const expectJWT = "expected a JWT: three base64url parts joined by dots, starting with eyJ"

// DefaultMaxSize is the default cap on pasted text (--max-size).
const DefaultMaxSize = 1 << 20

// What Extract removed around or inside the token, in the order it happened.
// The names are part of the JSON contract ("input.stripped").
const (
	StripBOM             = "bom"
	StripWhitespace      = "whitespace"
	StripLineBreaks      = "line-breaks"
	StripAuthorization   = "authorization-header"
	StripBearer          = "bearer-prefix"
	StripQuotes          = "quotes"
	StripTokenEndpoint   = "token-endpoint-json"
	StripSurroundingText = "surrounding-text"
)

// Extracted is the token text found in a paste and what was removed to get it.
type Extracted struct {
	Text     string   // compact serialization, or a JWS/JWE JSON serialization document
	Stripped []string // Strip* names
	Notes    []string // human-readable remarks, e.g. "3 tokens in the text; showing the first"
}

// jwsRun finds a compact JWS/JWE inside longer text: a run that starts like a
// base64url JSON object ("eyJ" is `{"`) followed by 2 to 4 dotted segments.
var jwsRun = lazyre.New(`eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){2,4}`)

// Extract pulls the token out of whatever people paste: the bare token, a
// wrapped multi-line paste, an Authorization header, a quoted string, the
// Actions token endpoint's JSON, or a log line around a token.
func Extract(input []byte, maxSize int) (Extracted, error) {
	return ExtractWithin(input, Limits{MaxSize: maxSize})
}

// Limits bound what Decode and Extract read.
type Limits struct {
	MaxSize int // bytes of input; 0 or less: DefaultMaxSize
	// Names words the setting that a refusal points to, such as the
	// command layer's flag; nil leaves it neutral.
	Names setting.Names
}

// ExtractWithin is Extract under lim.
func ExtractWithin(input []byte, lim Limits) (Extracted, error) {
	maxSize := lim.MaxSize
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	if len(input) > maxSize {
		return Extracted{}, errAt("input", -1, ErrTooLarge,
			fmt.Sprintf("over the %d-byte limit", maxSize)+lim.Names.Pick("", "; raise it with %s", setting.MaxSize))
	}
	var ex Extracted
	s := string(input)
	if rest, ok := strings.CutPrefix(s, "\uFEFF"); ok {
		s = rest
		ex.strip(StripBOM)
	}
	ex.trim(&s)
	if s == "" {
		return ex, errAt("input", -1, ErrNoToken, "the input is empty")
	}
	if hasPrefixFold(s, "authorization:") {
		s = s[len("authorization:"):]
		ex.strip(StripAuthorization)
		s = strings.TrimSpace(s)
	}
	if hasPrefixFold(s, "bearer") && len(s) > 6 && (s[6] == ' ' || s[6] == '\t') {
		s = strings.TrimSpace(s[6:])
		ex.strip(StripBearer)
	}
	if inner, ok := unquote(s); ok {
		s = inner
		ex.strip(StripQuotes)
		ex.trim(&s)
	}
	if strings.HasPrefix(s, "{") {
		if done := ex.fromJSON(s, maxSize); done {
			return ex, nil
		}
	}
	var runs []string
	joined := false
	if mayHaveSpace(s) {
		runs, joined = tokenRuns(s)
	}
	if compact := removeSpace(s); looksLikeToken(compact) && plausibleShape(compact) && !severalTokens(s) && !otherToken(runs, compact) {
		if compact != s {
			ex.strip(StripLineBreaks)
		}
		ex.Text = compact
		return ex, nil
	}
	if !mayHaveSpace(s) {
		runs = jwsRun().FindAllString(s, -1)
		for i, r := range runs {
			runs[i] = withoutFullStop(r)
		}
	}
	if len(runs) == 0 {
		return ex, errAt("input", -1, ErrNoToken, expectJWT)
	}
	if joined {
		ex.strip(StripLineBreaks)
	}
	ex.strip(StripSurroundingText)
	if len(runs) > 1 {
		ex.Notes = append(ex.Notes, fmt.Sprintf("%d tokens in the text; showing the first", len(runs)))
	}
	ex.Text = runs[0]
	return ex, nil
}

func (ex *Extracted) strip(name string) { ex.Stripped = append(ex.Stripped, name) }

func (ex *Extracted) trim(s *string) {
	t := strings.TrimSpace(*s)
	if t != *s && !slices.Contains(ex.Stripped, StripWhitespace) {
		ex.strip(StripWhitespace)
	}
	*s = t
}

// fromJSON handles a pasted JSON document: the token endpoint's
// {"count":…,"value":"eyJ…"} or a JWS/JWE JSON serialization. It reports
// false when the document is neither, so the caller searches the text.
func (ex *Extracted) fromJSON(s string, maxSize int) bool {
	v, errs := ParseJSON("input", []byte(s))
	if len(errs) > 0 || v.Kind != Object {
		return false
	}
	if val, ok := v.Str("value"); ok {
		inner, err := Extract([]byte(val), maxSize)
		if err != nil || inner.Text == "" {
			return false
		}
		ex.strip(StripTokenEndpoint)
		ex.Stripped = append(ex.Stripped, inner.Stripped...)
		ex.Notes = append(ex.Notes, inner.Notes...)
		ex.Text = inner.Text
		return true
	}
	_, hasPayload := v.Get("payload")
	_, hasSig := v.Get("signature")
	_, hasSigs := v.Get("signatures")
	_, hasCipher := v.Get("ciphertext")
	if hasPayload && (hasSig || hasSigs) || hasCipher {
		ex.Text = s
		return true
	}
	return false
}

// otherToken reports whether the lines of a paste hold a whole token that
// is not the paste with its white space removed: then the words around it
// are not part of it ("token eyJ…", a log line after a wrapped token).
func otherToken(runs []string, compact string) bool {
	if len(runs) == 0 || runs[0] == compact {
		return false
	}
	n := strings.Count(runs[0], ".")
	return strings.HasPrefix(runs[0], "eyJ") && (n == 2 || n == 4)
}

// looksLikeToken accepts text made only of base64url characters and dots,
// plus the near-misses that decoding reports precisely: '+' and '/' from
// the standard alphabet, and '=' padding at the end of a segment.
func looksLikeToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isB64URL(c) || c == '.' || c == '+' || c == '/':
		case c == '=' && (i+1 == len(s) || s[i+1] == '.' || s[i+1] == '='):
		default:
			return false
		}
	}
	return true
}

// plausibleShape keeps dotted words ("example.com") from being read as a
// broken token: a JWS has 2 dots, a JWE 4, a lone segment none; a text that
// starts like a JOSE header ("eyJ") is decoded whatever its shape, so a
// truncated paste gets a precise error.
func plausibleShape(s string) bool {
	switch strings.Count(s, ".") {
	case 0, 2, 4:
		return true
	}
	return strings.HasPrefix(s, "eyJ")
}

// severalTokens tells a paste of two whole tokens on separate lines from
// one token wrapped across lines: joining the former would forge a 5-part
// "JWE".
func severalTokens(s string) bool {
	if !mayHaveSpace(s) {
		return false // one word: the common paste, checked without splitting
	}
	n := 0
	for _, f := range strings.Fields(s) {
		if isWholeToken(f) {
			n++
		}
	}
	return n > 1
}

// isWholeToken reports whether jwsRun matches all of f, without the regular
// expression: a word of a megabyte costs a scan, not a backtracking match.
func isWholeToken(f string) bool {
	if !strings.HasPrefix(f, "eyJ") {
		return false
	}
	dots := 0
	for i := 0; i < len(f); i++ {
		switch c := f[i]; {
		case c == '.':
			dots++
		case !isB64URL(c):
			return false
		}
	}
	return dots >= 2 && dots <= 4
}

// mayHaveSpace is false when s certainly holds no white space: ASCII
// without space characters. (Decoding runes to ask unicode.IsSpace made
// these checks most of the cost of extracting a plain token.)
func mayHaveSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ', c >= '\t' && c <= '\r', c >= utf8.RuneSelf:
			return true
		}
	}
	return false
}

func removeSpace(s string) string {
	if !mayHaveSpace(s) {
		return s // the usual paste: one word, nothing to remove
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func unquote(s string) (string, bool) {
	if len(s) < 2 {
		return s, false
	}
	q := s[0]
	if (q == '"' || q == '\'' || q == '`') && s[len(s)-1] == q {
		return s[1 : len(s)-1], true
	}
	return s, false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
