package vault

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
)

// TestHostileValuesQuotedOnce: Vault's answers (its own wording, which
// quotes with %q) and oidcscope's diagnoses, errors, lint messages and
// suggestion notes hold a value from the role or the token raw between
// quotes, so the view escapes it once: an ESC shows as \x1b and a literal
// backslash-x1b as \\x1b.
func TestHostileValuesQuotedOnce(t *testing.T) {
	cases := []struct {
		path string
		// text is every message the path can put v in; want is the value
		// the message quotes (v itself when nil).
		text func(t *testing.T, v string) string
		want func(v string) string
	}{
		{"bound claim missing (Vault's answer, summary)", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, boundClaims(`{`+jsonString(v)+`:"x"}`), nil))
		}, nil},
		{"bound claim does not match", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, boundClaims(`{`+jsonString(v)+`:"x"}`), map[string]string{v: `"y"`}))
		}, nil},
		{"user_claim not found", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRoleWithUser(v, ""), nil))
		}, nil},
		{"user_claim not a string", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRoleWithUser(v, ""), map[string]string{v: `5`}))
		}, nil},
		{"user_claim pointer finds no member", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRoleWithUser("/ctx/"+v, `,"user_claim_json_pointer":true`), map[string]string{"ctx": `{}`}))
		}, nil},
		{"groups_claim not found", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"groups_claim":`+jsonString(v)), nil))
		}, nil},
		{"groups_claim not a list", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"groups_claim":`+jsonString(v)), map[string]string{v: `{}`}))
		}, nil},
		{"registered claim of the wrong type (the string …)", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(""), map[string]string{"exp": jsonString(v)}))
		}, nil},
		{"role name twice in roles", func(t *testing.T, v string) string {
			_, err := New().Parse("test.json", []byte(`{"roles":{`+jsonString(v)+`:`+jwtRole("")+`,`+jsonString(v)+`:`+jwtRole("")+`}}`))
			return errText(err)
		}, nil},
		{"role that is no object", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, `{"roles":{`+jsonString(v)+`:5}}`, nil))
		}, nil},
		{"role_type neither jwt nor oidc", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, `{"role_type":`+jsonString(v)+`,"user_claim":"repository","bound_audiences":["sts.amazonaws.com"]}`, nil))
		}, nil},
		{"bound_claims_type neither string nor glob", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"bound_claims_type":`+jsonString(v)+`,"bound_claims":{"ref":"x"}`), nil))
		}, nil},
		{"glob bound claim that is no string", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{`+jsonString(v)+`:5}`), nil))
		}, nil},
		{"glob bound claim holding a number", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{`+jsonString(v)+`:["a",5]}`), nil))
		}, nil},
		{"claim_mappings to a list", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"claim_mappings":{`+jsonString(v)+`:[1]}`), nil))
		}, nil},
		{"claim_mappings pair without =", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"claim_mappings":[`+jsonString(v)+`]`), nil))
		}, nil},
		{"claim_mappings to one metadata key", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"claim_mappings":{"ref":`+jsonString(v)+`,"sub":`+jsonString(v)+`}`), nil))
		}, nil},
		{"duplicate bound claim (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, boundClaims(`{`+jsonString(v)+`:"a",`+jsonString(v)+`:"b"}`), nil))
		}, nil},
		{"'*' in bound_subject (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, jwtRole(`"bound_subject":`+jsonString(v+"*")), nil))
		}, func(v string) string { return v + "*" }},
		{"'*' in a string bound claim (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, boundClaims(`{`+jsonString(v)+`:"x*"}`), nil))
		}, nil},
		{"'*' in a string bound claim's value (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, boundClaims(`{"ref":`+jsonString(v+"*")+`}`), nil))
		}, func(v string) string { return v + "*" }},
		{"glob spanning ':' in sub (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{"sub":`+jsonString("repo:"+v+"*")+`}`), nil))
		}, func(v string) string { return "repo:" + v + "*" }},
		{"glob spanning '@' in job_workflow_ref (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{"job_workflow_ref":`+jsonString(v+"*")+`}`), nil))
		}, func(v string) string { return v + "*" }},
		{"legacy bound_subject (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, jwtRole(`"bound_subject":`+jsonString("repo:octo-org/octo-repo:ref:refs/heads/"+v)), nil))
		}, func(v string) string { return "repo:octo-org/octo-repo:ref:refs/heads/" + v }},
		{"legacy sub in bound_claims (lint)", func(t *testing.T, v string) string {
			return lintText(evaluateDoc(t, boundClaims(`{"sub":`+jsonString("repo:octo-org/octo-repo:ref:refs/heads/"+v)+`}`), nil))
		}, func(v string) string { return "repo:octo-org/octo-repo:ref:refs/heads/" + v }},
		{"glob with '?' (diagnosis)", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{"ref":`+jsonString(v+"?")+`}`), nil))
		}, func(v string) string { return v + "?" }},
		{"glob matching only when case is ignored (diagnosis)", func(t *testing.T, v string) string {
			return resultText(evaluateDoc(t, jwtRole(`"bound_claims_type":"glob","bound_claims":{"ref":"K*"}`), map[string]string{"ref": jsonString(v)}))
		}, nil},
		{"unknown suggestion scope", func(t *testing.T, v string) string {
			_, err := New().Suggest(tokenWith(t, nil), policy.Scope(v))
			return errText(err)
		}, nil},
		{"environment note of a suggestion", func(t *testing.T, v string) string {
			s, err := New().Suggest(tokenWith(t, map[string]string{"environment": jsonString(v)}), policy.ScopeEnvironment)
			return errText(err) + "\n" + strings.Join(s.Notes, "\n")
		}, nil},
		{"audience note of a suggestion", func(t *testing.T, v string) string {
			s, err := New().Suggest(tokenWith(t, map[string]string{"aud": jsonString(v)}), policy.ScopeRepo)
			return errText(err) + "\n" + strings.Join(s.Notes, "\n")
		}, nil},
	}
	for _, tc := range cases {
		escapetest.Quotes(t, tc.path, tc.text, tc.want)
	}
}

// jwtRoleWithUser is jwtRole with another user_claim and more fields
// (starting with a comma).
func jwtRoleWithUser(user, more string) string {
	return `{"role_type":"jwt","user_claim":` + jsonString(user) + `,"bound_audiences":["sts.amazonaws.com"]` + more + `}`
}

func evaluateDoc(t *testing.T, doc string, claims map[string]string) policy.Result {
	t.Helper()
	return parseOne(t, doc).Evaluate(tokenWith(t, claims))
}

// resultText is every message of a result a view shows.
func resultText(r policy.Result) string {
	var b strings.Builder
	b.WriteString(r.Summary + "\n" + r.Error + "\n")
	for _, c := range r.Conditions {
		for _, d := range c.Diagnosis {
			b.WriteString(d + "\n")
		}
	}
	return b.String() + lintText(r)
}

// lintText is the lint messages of a result.
func lintText(r policy.Result) string {
	var b strings.Builder
	for _, f := range r.Lint {
		b.WriteString(f.Message + "\n")
	}
	return b.String()
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}
