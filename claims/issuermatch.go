package claims

import (
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// issuerMatcher is the test of an iss against pattern, anchored. A pattern
// that is one URL, perhaps with an optional trailing slash (github.com's
// and gitlab.com's), is compared as a string: compiling it cost more
// memory than the rest of explaining a token. Others compile now, or
// lazily on first use.
func issuerMatcher(pattern string, when compileWhen) (func(iss string) bool, error) {
	if lit, slash, ok := literalIssuer(pattern); ok {
		return func(iss string) bool {
			return iss == lit || slash && len(iss) == len(lit)+1 && iss[:len(lit)] == lit && iss[len(lit)] == '/'
		}, nil
	}
	anchored := anchor(pattern)
	if when == lazily {
		re := lazyre.New(anchored)
		return func(iss string) bool { return re().MatchString(iss) }, nil
	}
	re, err := regexp.Compile(anchored)
	if err != nil {
		return nil, err
	}
	return re.MatchString, nil
}

// literalIssuer reports whether pattern matches one string, lit, or (when
// slash) lit and lit followed by "/": it is lit with its metacharacters
// escaped as regexp.QuoteMeta escapes them, perhaps followed by "/?".
func literalIssuer(pattern string) (lit string, slash bool, ok bool) {
	body, slash := strings.CutSuffix(pattern, "/?")
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) {
			i++
			c = body[i]
		}
		b.WriteByte(c)
	}
	lit = b.String()
	if regexp.QuoteMeta(lit) != body {
		return "", false, false
	}
	return lit, slash, true
}
