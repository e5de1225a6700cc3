package reach

import "strings"

// maxGroupDepth bounds the nesting of groups read in a mentioned name: a
// pattern nested deeper is no list of names.
const maxGroupDepth = 32

// envMention is an environment named after environment: in a
// condition's text, and the text after it.
type envMention struct{ name, rest string }

// envMentions reads each environment:NAME in text. A name runs to a
// space, a quote, or outside its groups a ':', ',', ']' or ')'; a
// parenthesised group is part of it, nested groups too
// (environment:(prod|stag(ing|e))), with '\' escaping the next character
// and a [...] class inside a group read whole. A group left open ends the
// name before it.
func envMentions(text string) []envMention {
	const marker = "environment:"
	var out []envMention
	for i := 0; ; {
		j := strings.Index(text[i:], marker)
		if j < 0 {
			return out
		}
		start := i + j + len(marker)
		if end := nameEnd(text, start); end > start {
			out = append(out, envMention{text[start:end], text[end:]})
		}
		i = start
	}
}

// nameEnd is where the name that begins at start ends (envMentions).
func nameEnd(text string, start int) int {
	depth, open := 0, -1 // open: the outermost group's '('
	for i := start; i < len(text); i++ {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'':
			if depth > 0 {
				return open
			}
			return i
		case c == '\\' && i+1 < len(text):
			i++
		case c == '(':
			if depth == maxGroupDepth {
				return open
			}
			if depth == 0 {
				open = i
			}
			depth++
		case c == ')':
			if depth == 0 {
				return i
			}
			depth--
		case c == '[' && depth > 0:
			// A class: ')' and '(' in it are characters.
			k := i + 1
			for k < len(text) && text[k] != ']' {
				if text[k] == '\\' {
					k++
				}
				k++
			}
			if k >= len(text) {
				return open
			}
			i = k
		case depth == 0 && (c == ':' || c == ',' || c == ']'):
			return i
		}
	}
	if depth > 0 {
		return open
	}
	return len(text)
}
