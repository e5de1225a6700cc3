package decode

import (
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Finding a token that a paste broke over lines with something around it:
// a label line, a log line after it, a timestamp or an email quote mark
// before every line, a full stop after it. A line is joined to the token
// only when all of it could be the token's next characters, and never past
// the end of the token's signature, so the lines of a log are not glued on.

// linePrefix is what a log or a quote puts before every line of a wrapped
// token: GitHub's log timestamps (2026-12-06T10:00:00.1234567Z) and email
// or Markdown quote marks ("> ", "> > ").
var linePrefix = lazyre.New(`^(?:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z\s+|(?:>\s*)+)`)

// closing is what may follow a token on its last line: quotes, brackets and
// punctuation ending a sentence.
const closing = "\"'`)]}>,;:!?"

// tokenRuns returns the tokens in s in the order they appear, each joined
// from the lines it was broken over; joined says whether any was.
func tokenRuns(s string) (runs []string, joined bool) {
	lines := strings.Split(s, "\n")
	for i := 0; i < len(lines); i++ {
		line := lineBody(lines[i])
		locs := jwsRun().FindAllStringIndex(line, -1)
		start := -1
		if n := len(locs); n > 0 && locs[n-1][1] == len(line) {
			start, locs = locs[n-1][0], locs[:n-1]
		} else {
			from := 0
			if n > 0 {
				from = locs[n-1][1]
			}
			if at := tokenTail(line[from:]); at >= 0 {
				start = from + at
			}
		}
		for _, l := range locs {
			runs = append(runs, withoutFullStop(line[l[0]:l[1]]))
		}
		if start < 0 {
			continue
		}
		w := newWrapped(line[start:])
		for i+1 < len(lines) && w.extend(lineBody(lines[i+1])) {
			i++
			joined = true
		}
		runs = append(runs, withoutFullStop(string(w.text)))
	}
	return runs, joined
}

// lineBody is a line without the white space around it and the prefix a
// log or a quote put before it.
func lineBody(line string) string {
	line = strings.TrimSpace(line)
	if p := linePrefix().FindString(line); p != "" {
		line = strings.TrimSpace(line[len(p):])
	}
	return line
}

// tokenTail is where a token that runs to the end of line starts, or -1:
// the line ends in base64url characters and dots that begin with "eyJ".
func tokenTail(line string) int {
	i := len(line)
	for i > 0 && (isB64URL(line[i-1]) || line[i-1] == '.') {
		i--
	}
	if at := strings.Index(line[i:], "eyJ"); at >= 0 {
		return i + at
	}
	return -1
}

// wrapped is a token being joined from the lines it was broken over.
type wrapped struct {
	text  []byte
	dots  int
	last  int  // where the last segment starts
	ended bool // its last line has been joined
	read  bool // alg and jwe hold what the header says
	alg   string
	jwe   bool
}

func newWrapped(start string) *wrapped {
	return &wrapped{text: []byte(start), dots: strings.Count(start, "."), last: strings.LastIndexByte(start, '.') + 1}
}

// extend joins next to the token when all of next could be its following
// characters, and reports whether it did.
func (w *wrapped) extend(next string) bool {
	piece := next
	for i := 0; i < len(next); i++ {
		if c := next[i]; !isB64URL(c) && c != '.' {
			piece = next[:i]
			break
		}
	}
	rest := next[len(piece):]
	if w.ended || piece == "" || isWholeToken(piece) || strings.Trim(rest, closing) != "" {
		return false
	}
	w.readHeader()
	body := piece
	if n := w.dots + strings.Count(piece, "."); strings.HasSuffix(piece, ".") && (n == 5 || n == 3 && !w.jwe) {
		body = piece[:len(piece)-1] // the full stop of a sentence
	}
	dots := w.dots + strings.Count(body, ".")
	if dots > 4 || !w.jwe && dots > 2 || w.dots >= 2 && !w.signatureTakes(body) {
		return false
	}
	if i := strings.LastIndexByte(body, '.'); i >= 0 {
		w.last = len(w.text) + i + 1
	}
	w.text = append(w.text, piece...)
	w.dots = dots
	w.ended = rest != "" || body != piece
	return true
}

// readHeader learns the algorithm once the header segment is complete.
func (w *wrapped) readHeader() {
	if w.read || w.dots == 0 {
		return
	}
	header, _, _ := strings.Cut(string(w.text), ".")
	w.alg, w.jwe = headerAlg(header)
	w.read = true
}

// signatureTakes reports whether the third segment, the signature of a
// JWS, can grow by piece: not past the longest signature of the header's
// algorithm, and not at all once it has one of that algorithm's lengths
// (a complete GitHub RS256 signature is 342 characters). A JWE's segments
// have no such bound, nor has an unknown algorithm's signature.
func (w *wrapped) signatureTakes(piece string) bool {
	if w.jwe {
		return true
	}
	lengths := signatureLengths(w.alg)
	sig := len(w.text) - w.last
	longest := 0
	for _, n := range lengths {
		if n == sig {
			return false
		}
		longest = max(longest, n)
	}
	return len(lengths) == 0 || sig+len(piece) <= longest
}

// headerAlg reads a compact token's header segment: its "alg", and whether
// it has an "enc" (a JWE).
func headerAlg(segment string) (alg string, jwe bool) {
	b, err := DecodeSegment("header", segment)
	if err != nil {
		return "", false
	}
	v, errs := ParseJSON("header", b)
	if len(errs) > 0 {
		return "", false
	}
	_, jwe = v.Get("enc")
	alg, _ = v.Str("alg")
	return alg, jwe
}

// signatureLengths are the base64url lengths of the signatures alg makes:
// RSA for 2048-, 3072- and 4096-bit keys, the ECDSA curves, EdDSA, HMAC;
// none for an algorithm it does not know.
func signatureLengths(alg string) []int {
	if strings.EqualFold(alg, "none") {
		return []int{0} // unsigned: nothing follows the second dot
	}
	switch alg {
	case "RS256", "RS384", "RS512", "PS256", "PS384", "PS512":
		return []int{342, 512, 683}
	case "ES256", "HS512", "Ed25519":
		return []int{86}
	case "EdDSA":
		return []int{86, 152} // Ed25519, Ed448
	case "ES384":
		return []int{128}
	case "ES512":
		return []int{176}
	case "HS256":
		return []int{43}
	case "HS384":
		return []int{64}
	}
	return nil
}

// withoutFullStop drops the full stop of a sentence that ends with a token:
// a compact token has two dots (JWS) or four (JWE), so a third or fifth at
// the very end is punctuation. (A JWS with an empty signature, "a.b.",
// keeps its dot.)
func withoutFullStop(run string) string {
	if n := strings.Count(run, "."); strings.HasSuffix(run, ".") && (n == 3 || n == 5) {
		return run[:len(run)-1]
	}
	return run
}
