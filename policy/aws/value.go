package aws

import "strings"

// A condition value as IAM reads it (AWS docs, "IAM policy elements:
// Variables and tags", reference_policies_variables.html): under StringLike
// `*` and `?` are wildcards; in a document whose Version is 2012-10-17,
// `${*}`, `${?}` and `${$}` are the literal characters *, ? and $, and
// `${key}` or `${key, 'default'}` is replaced by the value of a request key
// before matching. The replacement is literal text: its own * and ? are
// not wildcards, and it is not read again for variables.

// partKind says what one piece of a condition value is.
type partKind uint8

const (
	partText partKind = iota // literal text
	partStar                 // StringLike `*`: any run of characters
	partOne                  // StringLike `?`: exactly one character
	partVar                  // a policy variable
)

// valuePart is one piece of a condition value.
type valuePart struct {
	kind   partKind
	text   string // partText: the text; partVar: the key as written
	def    string // partVar: the default value
	hasDef bool
}

// condValue is one condition value, parsed once when the policy is
// compiled.
type condValue struct {
	raw         string
	parts       []valuePart
	hasVar      bool // holds a policy variable (the escapes ${*}, ${?}, ${$} are not)
	bareWild    bool // holds * or ? outside ${…}: a wildcard under StringLike, literal (and a likely slip) under the other operators
	escaped     bool // holds ${*}, ${?} or ${$}
	literalVars bool // holds ${ but variables are off: the document's Version is not 2012-10-17
	plain       bool // no ${…} is read: raw is the text, and under StringLike its * and ? are the wildcards (parts is nil)
	like        bool
}

// parseValue reads a condition value. like makes bare * and ? wildcards;
// vars makes ${…} special (AWS: "If you don't include the Version element
// and set it to an appropriate version date, variables like
// ${aws:username} are treated as literal strings in the policy").
//
// A variable runs from "${" to the next "}"; a "${" with no "}" after it
// is literal text. Inside, ", " separates the key from a default in single
// quotes (AWS: "surround the default value with single quotes (' '), and
// separate the variable text and the default value with a comma and
// space"); a key without a quoted default is everything before that comma,
// trimmed, as AWS's simulator library (@cloud-copilot/iam-simulate
// 0.1.173, util.js) reads it.
func parseValue(raw string, like, vars bool) condValue {
	v := condValue{raw: raw, like: like}
	if !vars || !strings.Contains(raw, "${") {
		// The common case: no escape and no variable, so the value is its
		// own pattern.
		v.plain = true
		v.bareWild = strings.ContainsAny(raw, "*?")
		v.literalVars = !vars && strings.Contains(raw, "${")
		return v
	}
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			v.parts = append(v.parts, valuePart{kind: partText, text: text.String()})
			text.Reset()
		}
	}
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '*' || c == '?':
			v.bareWild = true
			if !like {
				text.WriteByte(c)
				break
			}
			flush()
			kind := partStar
			if c == '?' {
				kind = partOne
			}
			v.parts = append(v.parts, valuePart{kind: kind})
		case c == '$' && strings.HasPrefix(raw[i:], "${"):
			end := strings.IndexByte(raw[i+2:], '}')
			if end < 0 {
				text.WriteByte(c)
				break
			}
			inner := raw[i+2 : i+2+end]
			i += 2 + end + 1
			switch inner {
			case "*", "?", "$":
				v.escaped = true
				text.WriteString(inner)
			default:
				flush()
				v.hasVar = true
				v.parts = append(v.parts, variablePart(inner))
			}
			continue
		default:
			text.WriteByte(c)
		}
		i++
	}
	flush()
	return v
}

// pattern is a value without variables as the pattern to match.
func (v *condValue) pattern() likePattern {
	if v.plain {
		return likePattern{text: v.raw, bare: v.like && v.bareWild}
	}
	var b likeBuilder
	for _, p := range v.parts {
		b.add(p.kind, p.text)
	}
	return b.pattern()
}

// variablePart reads what is between "${" and "}".
func variablePart(inner string) valuePart {
	p := valuePart{kind: partVar, text: strings.TrimSpace(inner)}
	key, rest, ok := strings.Cut(inner, ", ")
	if !ok {
		return p
	}
	p.text = strings.TrimSpace(key)
	if len(rest) >= 2 && rest[0] == '\'' && rest[len(rest)-1] == '\'' {
		p.def, p.hasDef = rest[1:len(rest)-1], true
	}
	return p
}

// literalValue writes s as a condition value that matches exactly s:
// every "${" becomes "${$}{" so no variable is read, and under StringLike
// * and ? become ${*} and ${?}. It is how a token's own values go into a
// suggested policy (Version 2012-10-17).
func literalValue(s string, like bool) string {
	if !strings.Contains(s, "${") && (!like || !strings.ContainsAny(s, "*?")) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '$' && i+1 < len(s) && s[i+1] == '{':
			b.WriteString("${$}")
		case like && (c == '*' || c == '?'):
			b.WriteString("${" + string(c) + "}")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
