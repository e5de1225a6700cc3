package providererrors

import "regexp"

// quotedGroup is a value in single quotes, as Entra quotes what was
// presented, captured under name.
func quotedGroup(name string) string { return `'(?P<` + name + `>[^']*)'` }

// regexpText quotes literal text for a pattern.
func regexpText(s string) string { return regexp.QuoteMeta(s) }
