package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestHostileValuesQuotedOnce: octo-sts's answers and the diagnoses that
// quote a token's or a policy's value show it escaped once (the view
// escapes the whole message), so \x1b is an ESC and \\x1b a backslash then
// x1b, as the README says.
func TestHostileValuesQuotedOnce(t *testing.T) {
	p := provider()
	escapetest.Each(t, func(t *testing.T, v string) {
		first := string([]rune(v)[1]) // the character octo-sts refuses
		sub := "repo:octo-org/octo-repo:ref:refs/heads/main" + v
		evaluate := func(doc string, changes map[string]any) policy.Result {
			return parseOne(t, p, doc).Evaluate(policytest.ClaimsWith(t, "push-main", changes))
		}
		all := func(r policy.Result) string { return r.Summary + "\n" + allDiagnoses(r) }

		r := evaluate("issuer: "+gh+"\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\naudience: sts.amazonaws.com", map[string]any{"sub": sub})
		escapetest.WantQuotedOnce(t, "subject did not match", all(r), sub)
		escapetest.WantQuotedOnce(t, "refused subject", all(r), first)

		r = evaluate("issuer: "+gh+"\nsubject_pattern: 'repo:octo-org/octo-docs:.*'\naudience: sts.amazonaws.com", map[string]any{"sub": sub})
		escapetest.WantQuotedOnce(t, "subject did not match pattern", all(r), sub)

		r = evaluate("issuer: "+gh+"\nsubject_pattern: '.*'\naudience: sts.amazonaws.com", map[string]any{"aud": v})
		escapetest.WantQuotedOnce(t, "audience did not match", all(r), v)

		r = evaluate("issuer: "+gh+"\nsubject_pattern: '.*'", map[string]any{"aud": v})
		escapetest.WantQuotedOnce(t, "STS domain did not match", all(r), v)

		r = evaluate("issuer: "+gh+"\nsubject_pattern: '.*'\naudience: sts.amazonaws.com\nclaim_pattern:\n  "+yamlQuote(v)+": prod", nil)
		escapetest.WantQuotedOnce(t, "claim not found", all(r), v)

		r = evaluate("issuer: "+gh+"\nsubject_pattern: '.*'\naudience: sts.amazonaws.com\nclaim_pattern:\n  "+yamlQuote(v)+": '('", nil)
		escapetest.WantQuotedOnce(t, "claim pattern does not compile", all(r)+r.Error, v)

		_, err := p.Parse("test.sts.yaml", []byte("issuer: "+gh+"\n"+yamlQuote(v)+": x\n"))
		escapetest.WantQuotedOnce(t, "unknown field", errText(err), v)

		_, err = p.Parse("test.sts.yaml", []byte("issuer: "+gh+"\nsubject: x\npermissions:\n  "+yamlQuote(v)+": read\n"))
		escapetest.WantQuotedOnce(t, "unknown permission", errText(err), v)

		pol := parseOne(t, p, "issuer: "+gh+"\nsubject: x\npermissions:\n  contents: "+yamlQuote(v)+"\n")
		escapetest.WantQuotedOnce(t, "permission level", lintText(pol.Evaluate(policytest.ClaimsWith(t, "push-main", nil))), v)

	})
}

func lintText(r policy.Result) string {
	var b strings.Builder
	for _, f := range r.Lint {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
