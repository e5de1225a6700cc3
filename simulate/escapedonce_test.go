package simulate

import (
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
)

// TestRefusalsQuoteOnce: a refusal quotes the value it refuses (from a
// flag, a workflow file or a token's sub) raw between double quotes, so
// the view, escaping the whole message once, shows an ESC as \x1b and a
// literal backslash-x1b as \\x1b.
func TestRefusalsQuoteOnce(t *testing.T) {
	escapetest.Each(t, func(t *testing.T, v string) {
		errText := func(err error) string {
			if err == nil {
				return "<nil>"
			}
			return err.Error()
		}
		for _, tc := range []struct {
			path string
			c    Context
		}{
			{"repository", Context{Repository: v, Event: "push"}},
			{"template key", Context{Repository: "o/r", Event: "push", SubTemplate: []string{"repo", v}}},
			{"reusable workflow", Context{Repository: "o/r", Event: "push", JobWorkflow: v}},
		} {
			_, err := Build(tc.c)
			escapetest.WantQuotedOnce(t, tc.path, errText(err), v)
		}

		_, err := FromWorkflow("w.yml", []byte("on: push\njobs: {a: {}}\n"), v, Context{Repository: "o/r"})
		escapetest.WantQuotedOnce(t, "job", errText(err), v)

		claims := map[string]any{"repository": "octo-org/octo-repo", "event_name": "push", "ref": "refs/heads/main"}
		_, err = Resubject(claims, v)
		escapetest.WantQuotedOnce(t, "sub", errText(err), v)
		_, err = Resubject(claims, "repo:octo-org/octo-repo:ref:refs/heads/main:"+v)
		escapetest.WantQuotedOnce(t, "sub key", errText(err), v)
	})
}
