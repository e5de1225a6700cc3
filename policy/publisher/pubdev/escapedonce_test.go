package pubdev

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/policy/publisher"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestHostileValuesQuotedOnce: pub.dev's answers (which quote the value
// between double quotes themselves), the lint and the notes hold a value
// from the document or the token raw between double quotes, so the view,
// escaping the whole message once, shows an ESC as \x1b and a literal
// backslash-x1b as \\x1b.
func TestHostileValuesQuotedOnce(t *testing.T) {
	p := publisher.NewProvider(Registry())
	escapetest.Each(t, func(t *testing.T, v string) {
		js := func(s string) string { return policy.QuoteJSON(s, false) }
		eval := publishertest.Evaluator(t, p, base)
		line := func(key, value string) string { return publisher.Line(key, value) + "\n" }

		for _, tc := range []struct{ path, doc, want string }{
			{"repository lint", "registry: pub.dev\n" + line("owner", v) + "repository: b\n", v + "/b"},
			{"tag_pattern lint", "registry: pub.dev\nowner: a\nrepository: b\n" + line("tag_pattern", v), v},
			{"tag_pattern characters lint", "registry: pub.dev\nowner: a\nrepository: b\n" + line("tag_pattern", v+"{{version}}"), v + "{{version}}"},
			{"environment lint", "registry: pub.dev\nowner: a\nrepository: b\n" + line("environment", v), v},
			{"events lint", "registry: pub.dev\nowner: a\nrepository: b\nevents: [" + js(v) + "]\n", v},
		} {
			escapetest.WantQuotedOnce(t, tc.path, publishertest.Lint(eval(tc.doc, nil), RuleForm), tc.want)
		}

		suggest := func(claims map[string]any) string {
			if _, ok := claims["aud"]; !ok {
				claims["aud"] = Audience
			}
			s, err := p.Suggest(policytest.ClaimsWith(t, "reusable-workflow", claims), policy.ScopeRepo)
			if err != nil {
				return err.Error()
			}
			return strings.Join(s.Notes, "\n")
		}
		escapetest.WantQuotedOnce(t, "suggestion's ref", suggest(map[string]any{"ref": v}), v)
		escapetest.WantQuotedOnce(t, "suggestion's event", suggest(map[string]any{"ref": "refs/tags/v1.0.0", "event_name": v}), v)
		escapetest.WantQuotedOnce(t, "suggestion's aud", suggest(map[string]any{"aud": v}), v)

		for _, tc := range []struct {
			path, doc string
			claims    map[string]string
			expr      string
			want      string
		}{
			{"repository", doc, map[string]string{"repository": js(v)}, "repository: a/b", v},
			{"event", doc, map[string]string{"event_name": js(v)}, "events: push", v},
			{"ref_type", doc, map[string]string{"ref_type": js(v)}, "ref_type = tag", v},
			{"ref not a tag", doc, map[string]string{"ref": js(v)}, "ref = refs/tags/", v},
			{"tag of another version", doc, map[string]string{"ref": js("refs/tags/" + v)}, "ref = refs/tags/", "refs/tags/" + v},
			{"tag fits, version unknown", "registry: pub.dev\nowner: a\nrepository: b\ntag_pattern: \"{{version}}\"\n", map[string]string{"ref": js("refs/tags/" + v)}, "the version in the tag", v},
			{"tag does not fit", "registry: pub.dev\nowner: a\nrepository: b\ntag_pattern: \"v{{version}}\"\n", map[string]string{"ref": js("refs/tags/" + v)}, "ref = refs/tags/", "refs/tags/" + v},
			{"tag does not fit (note)", "registry: pub.dev\nowner: a\nrepository: b\ntag_pattern: \"v{{version}}\"\n", map[string]string{"ref": js("refs/tags/" + v)}, "ref = refs/tags/", v},
			{"environment", doc + "environment: prod\n", map[string]string{"environment": js(v)}, "environment: prod", v},
			{"IDs not checked", "registry: pub.dev\nowner: a\nrepository: b\ntag_pattern: \"{{version}}\"\nversion: 2.2.0\n", map[string]string{"repository_id": js(v)}, "the repository IDs", v},
			{"an ID not in the document", doc + "owner_id: y\n", map[string]string{"repository_id": js(v), "repository_owner_id": `"z"`}, "the IDs recorded", v},
			{"an ID differs", doc + "repository_id: x\n", map[string]string{"repository_id": js(v)}, "the IDs recorded", v},
		} {
			escapetest.WantQuotedOnce(t, tc.path, publishertest.Said(t, eval(tc.doc, tc.claims), tc.expr), tc.want)
		}
	})
}
