package entra

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape/escapetest"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestSiblingNameQuotedOnce: a sibling credential's name, from the
// document, stands in the diagnosis and summary raw between quotes, so
// the view escapes it once (an ESC and a literal backslash-x1b differ).
func TestSiblingNameQuotedOnce(t *testing.T) {
	tok := policytest.FixtureToken(t, "environment-prod")
	escapetest.Each(t, func(t *testing.T, v string) {
		sibling := strings.Replace(standardFIC(gh, "repo:octo-org/octo-repo:environment:prod", azureAud), `"test-cred"`, quote(v), 1)
		other := standardFIC(gh, "repo:octo-org@65/octo-repo@74:environment:prod", azureAud)
		pols, err := New().Parse("creds.json", []byte(`[`+sibling+`,`+other+`]`))
		if err != nil || len(pols) != 2 {
			t.Fatalf("parse: %v (%d credentials)", err, len(pols))
		}
		r := pols[1].Evaluate(tok)
		escapetest.WantShownOnce(t, "summary", r.Summary, `"`+v+`" (#1)`)
		c := policytest.ConditionWith(t, r, `"subject"`)
		escapetest.WantShownOnce(t, "diagnosis", strings.Join(c.Diagnosis, "\n"), `"`+v+`" (#1)`)
	})
}

// TestHostileValuesQuotedOnce: the diagnoses, summaries, lint messages,
// suggestion errors and notes that quote a credential's or a token's value
// hold it raw between quotes (escape.Quoted), so the view escapes it once.
func TestHostileValuesQuotedOnce(t *testing.T) {
	const mainSub = "repo:octo-org/octo-repo:ref:refs/heads/main"
	evaluate := func(t *testing.T, doc string, claims map[string]string) policy.Result {
		return parseOne(t, doc).Evaluate(azureToken(t, claims))
	}
	suggest := func(t *testing.T, claims map[string]string, scope policy.Scope) string {
		s, err := New().Suggest(azureToken(t, claims), scope)
		if err != nil {
			return err.Error()
		}
		return strings.Join(s.Notes, "\n")
	}
	audDiagnosis := func(t *testing.T, r policy.Result) string {
		return strings.Join(policytest.ConditionOn(t, r, "aud").Diagnosis, "\n")
	}
	cases := []struct {
		path string
		// text is the message the path puts v in; want is the value it
		// quotes (v itself when nil).
		text func(t *testing.T, v string) string
		want func(v string) string
	}{
		{"subject differing in case (lint)", func(t *testing.T, v string) string {
			r := evaluate(t, standardFIC(gh, strings.ToUpper(mainSub+v), azureAud), map[string]string{"sub": quote(mainSub + v)})
			return lintOf(r, RuleSubjectCase)
		}, func(v string) string { return mainSub + v }},
		{"none of the token's audiences", func(t *testing.T, v string) string {
			return audDiagnosis(t, evaluate(t, standardFIC(gh, mainSub, `[`+quote(v)+`]`), map[string]string{"aud": `["a","b"]`}))
		}, nil},
		{"standard audience, other expected", func(t *testing.T, v string) string {
			return audDiagnosis(t, evaluate(t, standardFIC(gh, mainSub, `[`+quote(v)+`]`), nil))
		}, nil},
		{"non-standard audience expected", func(t *testing.T, v string) string {
			return audDiagnosis(t, evaluate(t, standardFIC(gh, mainSub, `[`+quote(v)+`]`), map[string]string{"aud": `"other"`}))
		}, nil},
		{"summary: the token's aud", func(t *testing.T, v string) string {
			return evaluate(t, standardFIC(gh, mainSub, azureAud), map[string]string{"aud": quote(v)}).Summary
		}, nil},
		{"summary: the credential's audience", func(t *testing.T, v string) string {
			return evaluate(t, standardFIC(gh, mainSub, `[`+quote(v)+`]`), map[string]string{"aud": `"other"`}).Summary
		}, nil},
		{"invalid name (lint)", func(t *testing.T, v string) string {
			doc := strings.Replace(standardFIC(gh, mainSub, azureAud), `"test-cred"`, quote(v), 1)
			return lintOf(evaluate(t, doc, nil), RuleNameInvalid)
		}, nil},
		{"issuer with whitespace (lint)", func(t *testing.T, v string) string {
			return lintOf(evaluate(t, standardFIC(v+" ", mainSub, azureAud), nil), RuleSubjectWhitespace)
		}, func(v string) string { return v + " " }},
		{"issuer ending in '/' (lint)", func(t *testing.T, v string) string {
			return lintOf(evaluate(t, standardFIC(gh+"/"+v+"/", mainSub, azureAud), nil), RuleIssuerTrailingSlash)
		}, func(v string) string { return gh + "/" + v + "/" }},
		{"subject with whitespace (lint)", func(t *testing.T, v string) string {
			return lintOf(evaluate(t, standardFIC(gh, " "+v, azureAud), nil), RuleSubjectWhitespace)
		}, func(v string) string { return " " + v }},
		{"non-standard audience (lint)", func(t *testing.T, v string) string {
			return lintOf(evaluate(t, standardFIC(gh, mainSub, `[`+quote(v)+`]`), nil), RuleAudienceNonstandard)
		}, nil},
		{"flexible credential for a GHE.com issuer (lint)", func(t *testing.T, v string) string {
			iss := "https://token.actions." + v + ".ghe.com"
			return lintOf(evaluate(t, flexibleFIC(iss, "claims['sub'] eq 'x'"), nil), RuleFlexibleIssuer)
		}, func(v string) string { return "https://token.actions." + v + ".ghe.com" }},
		{"flexible credential for another issuer (lint)", func(t *testing.T, v string) string {
			return lintOf(evaluate(t, flexibleFIC("https://"+v, "claims['sub'] eq 'x'"), nil), RuleFlexibleIssuer)
		}, func(v string) string { return "https://" + v }},
		{"two credentials of one name (lint)", func(t *testing.T, v string) string {
			cred := strings.Replace(standardFIC(gh, mainSub, azureAud), `"test-cred"`, quote(v), 1)
			other := strings.Replace(standardFIC(gh, mainSub+"x", azureAud), `"test-cred"`, quote(v), 1)
			return lintAll(t, `[`+cred+`,`+other+`]`, RuleDuplicateCredential)
		}, nil},
		{"two credentials of one issuer and subject (lint)", func(t *testing.T, v string) string {
			cred := strings.Replace(standardFIC(gh, mainSub, azureAud), `"test-cred"`, quote(v+"1"), 1)
			other := strings.Replace(standardFIC(gh, mainSub, azureAud), `"test-cred"`, quote(v+"2"), 1)
			return lintAll(t, `[`+cred+`,`+other+`]`, RuleDuplicateCredential)
		}, func(v string) string { return v + "1" }},
		{"matches relying on '*' across '/' (lint)", func(t *testing.T, v string) string {
			r := evaluate(t, flexibleFIC(gh, "claims['sub'] matches 'repo:octo-org/octo-repo:*' and claims['repository_id'] eq '74'"), map[string]string{"sub": quote(mainSub + v)})
			return lintOf(r, RuleMatchesAssumption)
		}, func(v string) string { return mainSub + v }},
		{"matches failing past the literal part (diagnosis)", func(t *testing.T, v string) string {
			r := evaluate(t, flexibleFIC(gh, "claims['job_workflow_ref'] matches '"+v+"*x' and claims['repository_id'] eq '74'"), map[string]string{"job_workflow_ref": quote(v + "y")})
			return strings.Join(policytest.ConditionWith(t, r, "job_workflow_ref").Diagnosis, "\n")
		}, func(v string) string { return v + "*x" }},
		{"unknown suggestion scope", func(t *testing.T, v string) string {
			return suggest(t, nil, policy.Scope(v))
		}, nil},
		{"suggestion: sub does not name the environment", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"environment": quote(v)}, policy.ScopeEnvironment)
		}, nil},
		{"suggestion: sub in environment form", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"sub": quote("repo:octo-org/octo-repo:environment:" + v)}, policy.ScopeRef)
		}, func(v string) string { return "repo:octo-org/octo-repo:environment:" + v }},
		{"suggestion: sub in pull_request form", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"repository": quote("octo-org/" + v), "sub": quote("repo:octo-org/" + v + ":pull_request")}, policy.ScopeRef)
		}, func(v string) string { return "repo:octo-org/" + v + ":pull_request" }},
		{"suggestion: sub does not name the ref", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"ref": quote("refs/heads/" + v)}, policy.ScopeRef)
		}, func(v string) string { return "refs/heads/" + v }},
		{"suggestion: flexible credential for another issuer", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"iss": quote("https://" + v)}, policy.ScopeRepo)
		}, func(v string) string { return "https://" + v }},
		{"suggestion: sub without repo:", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"sub": quote("x" + v)}, policy.ScopeRepo)
		}, func(v string) string { return "x" + v }},
		{"suggestion: job_workflow_ref with a single quote", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"job_workflow_ref": quote(v + "'")}, policy.ScopeWorkflow)
		}, func(v string) string { return v + "'" }},
		{"suggestion: repository prefix with '*'", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"repository": quote("octo-org/" + v + "*"), "sub": quote("repo:octo-org/" + v + "*:ref:refs/heads/main")}, policy.ScopeRepo)
		}, func(v string) string { return "repo:octo-org/" + v + "*:" }},
		{"suggestion: audience note", func(t *testing.T, v string) string {
			return suggest(t, map[string]string{"aud": quote(v)}, policy.ScopeRepo)
		}, nil},
	}
	for _, tc := range cases {
		escapetest.Quotes(t, tc.path, tc.text, tc.want)
	}
}

// lintOf is the messages of a result's findings of one rule.
func lintOf(r policy.Result, rule string) string {
	var b strings.Builder
	for _, f := range r.Lint {
		if f.Rule == rule {
			b.WriteString(f.Message + "\n")
		}
	}
	return b.String()
}

// lintAll is the messages of one rule's findings over every credential of
// a document, each evaluated with the push-main token.
func lintAll(t *testing.T, doc, rule string) string {
	t.Helper()
	pols, err := New().Parse("creds.json", []byte(doc))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var b strings.Builder
	for _, p := range pols {
		b.WriteString(lintOf(p.Evaluate(azureToken(t, nil)), rule))
	}
	return b.String()
}
