package shellquote

import (
	"errors"
	"fmt"
	"strings"
)

// errExpansion: a character a POSIX shell would treat specially stands
// outside quotes (or $ and ` inside double quotes).
var errExpansion = errors.New("shell syntax outside quotes")

// literal is a byte POSIX shells take as itself anywhere in an unquoted
// word (written out here rather than shared with plain, so that the test
// checks Quote against its own reading of the shell).
func literal(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("@%+=:,./_-", c) >= 0
}

// words splits a command line the way a POSIX shell reads words, for what
// Quote writes: blanks separate words; '…' is literal; a backslash outside
// quotes takes the next byte literally (and with a newline, joins lines);
// "…" is literal but for \$ \` \" \\ and a backslash-newline. Anything
// that would expand, redirect, glob or end the command — a byte that is
// not plain, unquoted, or $ or ` inside double quotes — is an error.
func words(line string) ([]string, error) {
	var out []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				out, inWord = append(out, w.String()), false
				w.Reset()
			}
			continue
		case c == '\'':
			end := strings.IndexByte(line[i+1:], '\'')
			if end < 0 {
				return nil, fmt.Errorf("unterminated single quote at byte %d", i)
			}
			w.WriteString(line[i+1 : i+1+end])
			i += end + 1
		case c == '\\':
			if i+1 == len(line) {
				return nil, fmt.Errorf("backslash at the end")
			}
			i++
			if line[i] == '\n' {
				continue // line continuation: no byte, no word boundary
			}
			w.WriteByte(line[i])
		case c == '"':
			j := i + 1
			for ; j < len(line) && line[j] != '"'; j++ {
				switch d := line[j]; {
				case d == '$' || d == '`':
					return nil, fmt.Errorf("%w: %q in double quotes at byte %d", errExpansion, d, j)
				case d == '\\' && j+1 < len(line) && strings.IndexByte("$`\"\\\n", line[j+1]) >= 0:
					j++
					if line[j] != '\n' {
						w.WriteByte(line[j])
					}
				default:
					w.WriteByte(d)
				}
			}
			if j == len(line) {
				return nil, fmt.Errorf("unterminated double quote at byte %d", i)
			}
			i = j
		case literal(c):
			w.WriteByte(c)
		default:
			return nil, fmt.Errorf("%w: %q at byte %d", errExpansion, c, i)
		}
		inWord = true
	}
	if inWord {
		out = append(out, w.String())
	}
	return out, nil
}
