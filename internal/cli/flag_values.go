package cli

import (
	"strings"

	"github.com/oidcscope/oidcscope/redact"
)

// listValue collects repeated and comma-separated values.
type listValue []string

func (l *listValue) String() string     { return strings.Join(*l, ",") }
func (l *listValue) Set(v string) error { *l = append(*l, v); return nil }
func (l *listValue) Type() string       { return "list" }

// split is every value, commas split and spaces trimmed.
func (l listValue) split() []string {
	var out []string
	for _, v := range l {
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// redactValue is a redact.Mode as a flag: --redact alone is Signature
// (its NoOptDefVal), --redact=ids, --redact ids (joinRedactValue).
type redactValue struct{ mode *redact.Mode }

func (r redactValue) String() string {
	if r.mode == nil {
		return ""
	}
	return r.mode.String()
}
func (r redactValue) Set(s string) error { return r.mode.Set(s) }
func (r redactValue) Type() string       { return "mode" }

// joinRedactValue lets "--redact ids" mean "--redact=ids": --redact may
// stand alone, so a flag library reads the next word as an argument
// unless it is joined. Only a word that is a mode is joined, so
// "--redact TOKEN" still reads TOKEN as the token.
func joinRedactValue(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if a == "--redact" && i+1 < len(args) {
			if _, err := redact.ParseMode(args[i+1]); err == nil && args[i+1] != "" {
				out = append(out, a+"="+args[i+1])
				i++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}
