package entra

import (
	"fmt"
	"strings"
)

// A flexible credential's claimsMatchingExpression, as documented
// (reference §3.2):
//
//	expression := term { " and " term }
//	term       := "claims['" claim "']" " " operator " " "'" comparand "'"
//
// with exactly one space around each operator and around `and`, the claim
// and the comparand in single quotes, and no `or`, `not` or parentheses
// (none is documented). No escape for a quote inside a comparand is
// documented either, so a comparand ends at the next single quote.

// term is one `claims['<claim>'] <op> '<comparand>'` test.
type term struct {
	Claim     string
	Op        string
	Comparand string
	Text      string // the term as written
	Offset    int    // byte offset of the term in the expression
}

// expression is a parsed claimsMatchingExpression.
type expression struct {
	Text  string
	Terms []term
}

// ExprError is a grammar error at a byte offset (0-based) of the
// expression. It wraps ErrExpression.
type ExprError struct {
	Offset int
	Msg    string
}

func (e *ExprError) Error() string {
	return fmt.Sprintf("%v: %s at byte %d of the expression", ErrExpression, e.Msg, e.Offset)
}

func (e *ExprError) Unwrap() error { return ErrExpression }

// Operators Entra documents.
const (
	opEq      = "eq"
	opMatches = "matches"
)

const (
	claimOpen  = "claims['"
	claimClose = "']"
	joiner     = " and "
)

// parseExpression reads a claimsMatchingExpression value.
func parseExpression(s string) (*expression, error) {
	p := exprParser{s: s}
	if strings.TrimSpace(s) == "" {
		return nil, p.fail(0, "empty expression: Entra needs at least one claims['<claim>'] <operator> '<value>' term")
	}
	if n := len(s) - len(strings.TrimLeft(s, " \t\r\n")); n > 0 {
		return nil, p.fail(0, "leading whitespace: the expression must start with claims['")
	}
	expr := &expression{Text: s}
	for {
		t, err := p.term()
		if err != nil {
			return nil, err
		}
		expr.Terms = append(expr.Terms, t)
		if p.pos == len(s) {
			return expr, nil
		}
		if err := p.joiner(); err != nil {
			return nil, err
		}
	}
}

type exprParser struct {
	s   string
	pos int
}

func (p *exprParser) fail(at int, format string, a ...any) error {
	return &ExprError{Offset: at, Msg: fmt.Sprintf(format, a...)}
}

func (p *exprParser) rest() string { return p.s[p.pos:] }

// term reads one term starting at p.pos.
func (p *exprParser) term() (term, error) {
	start := p.pos
	rest := p.rest()
	switch {
	case rest == "":
		return term{}, p.fail(p.pos, "expected a term after `and`")
	case hasWord(rest, "not"):
		return term{}, p.fail(p.pos, "`not` is not in the documented grammar (terms can only be joined by ` and `)")
	case strings.HasPrefix(rest, "("):
		return term{}, p.fail(p.pos, "parentheses are not in the documented grammar")
	case strings.HasPrefix(rest, " "):
		return term{}, p.fail(p.pos, "expected claims['<claim>'] but found an extra space (parts are separated by single spaces)")
	case strings.HasPrefix(rest, `claims["`):
		return term{}, p.fail(p.pos+len("claims["), "the claim name must be in single quotes: claims['<claim>']")
	case strings.HasPrefix(rest, "claims."):
		return term{}, p.fail(p.pos, "write claims['<claim>'], not claims.<claim>")
	case !strings.HasPrefix(rest, claimOpen):
		return term{}, p.fail(p.pos, "expected claims['<claim>']")
	}
	p.pos += len(claimOpen)
	end := strings.IndexByte(p.rest(), '\'')
	if end < 0 {
		return term{}, p.fail(p.pos, "unterminated claim name: no closing ' after claims['")
	}
	claim := p.rest()[:end]
	if claim == "" {
		return term{}, p.fail(p.pos, "empty claim name")
	}
	p.pos += end
	if !strings.HasPrefix(p.rest(), claimClose) {
		return term{}, p.fail(p.pos+1, "expected ] after the claim name")
	}
	p.pos += len(claimClose)
	if err := p.space("after claims['" + claim + "']"); err != nil {
		return term{}, err
	}
	opStart := p.pos
	for p.pos < len(p.s) && isWordByte(p.s[p.pos]) {
		p.pos++
	}
	op := p.s[opStart:p.pos]
	if op == "" {
		return term{}, p.fail(opStart, "expected an operator (eq or matches)")
	}
	if err := p.space("after the operator " + op); err != nil {
		return term{}, err
	}
	switch {
	case strings.HasPrefix(p.rest(), `"`):
		return term{}, p.fail(p.pos, "the value must be in single quotes, not double quotes")
	case !strings.HasPrefix(p.rest(), "'"):
		return term{}, p.fail(p.pos, "expected a value in single quotes")
	}
	p.pos++
	end = strings.IndexByte(p.rest(), '\'')
	if end < 0 {
		return term{}, p.fail(p.pos-1, "unterminated value: no closing '")
	}
	comparand := p.rest()[:end]
	p.pos += end + 1
	return term{Claim: claim, Op: op, Comparand: comparand, Text: p.s[start:p.pos], Offset: start}, nil
}

// space consumes exactly one space.
func (p *exprParser) space(where string) error {
	if !strings.HasPrefix(p.rest(), " ") {
		if p.pos == len(p.s) {
			return p.fail(p.pos, "the expression ends early: expected a space %s", where)
		}
		return p.fail(p.pos, "expected a single space %s", where)
	}
	p.pos++
	if strings.HasPrefix(p.rest(), " ") || strings.HasPrefix(p.rest(), "\t") {
		return p.fail(p.pos, "expected a single space %s, found more", where)
	}
	return nil
}

// joiner consumes " and " between terms, or explains what stands there.
func (p *exprParser) joiner() error {
	rest := p.rest()
	switch {
	case strings.HasPrefix(rest, joiner):
		p.pos += len(joiner)
		return nil
	case strings.TrimSpace(rest) == "":
		return p.fail(p.pos, "trailing whitespace after the last term")
	case strings.HasPrefix(rest, " ") && hasWord(rest[1:], "or"):
		return p.fail(p.pos+1, "`or` is not in the documented grammar: terms can only be joined by ` and `")
	case strings.HasPrefix(rest, " ") && hasWord(rest[1:], "not"):
		return p.fail(p.pos+1, "`not` is not in the documented grammar")
	case rest == " and":
		return p.fail(len(p.s), "the expression ends after `and`: expected another term")
	case strings.HasPrefix(rest, " ") && firstWord(rest[1:]) != "and" && strings.EqualFold(firstWord(rest[1:]), "and"):
		return p.fail(p.pos+1, "write `and` in lower case, as documented")
	case strings.HasPrefix(rest, " &&") || strings.HasPrefix(rest, " ||") || strings.HasPrefix(rest, "&&") || strings.HasPrefix(rest, "||"):
		return p.fail(p.pos+strings.IndexAny(rest, "&|"), "use ` and ` between terms (`||` and `&&` are not in the documented grammar)")
	case strings.HasPrefix(rest, "  "):
		return p.fail(p.pos+1, "expected ` and ` with single spaces, found more")
	case strings.HasPrefix(rest, " and") && !strings.HasPrefix(rest, joiner):
		return p.fail(p.pos+len(" and"), "expected a single space after `and`")
	}
	return p.fail(p.pos, "expected ` and ` or the end of the expression (a value ends at the next single quote; quotes inside values cannot be escaped)")
}

// hasWord reports whether s starts with word as a whole word.
func hasWord(s, word string) bool {
	return firstWord(s) == word
}

func firstWord(s string) string {
	i := 0
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return s[:i]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}
