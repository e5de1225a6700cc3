package octosts

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// FuzzParse: Detect and Parse never panic, and Evaluate never panics on
// whatever Parse returns, for fixture tokens and a hostile one.
func FuzzParse(f *testing.F) {
	policytest.SeedHostileDocuments(f)
	policytest.SeedFixtureDocuments(f, "../../fixtures/policies/octo-sts")
	policytest.SeedFixtureDocuments(f, filepath.Join("testdata", "config-examples"))
	for _, s := range []string{
		"issuer: x\nsubject_pattern: 'a|b'\naudience_pattern: '(?m)c'\nclaim_pattern: {n: '.*', ref: 'refs/heads/(?:main'}\n",
		`{"issuer":"x","issuer_pattern":"y","subject":"","claim_pattern":{"a":null}}`,
		"issuer: &a x\nsubject: *a\npermissions: {pull_request: write}\nrepositories: [a]\n",
		"issuer: x\nsubject: y\n---\n- z\n", "[", "\ufeffissuer: x", "subject: \"\\u0000\"",
	} {
		f.Add([]byte(s))
	}
	var toks []policy.Token
	for _, n := range []string{"push-main", "custom-sub", "environment-prod"} {
		toks = append(toks, policytest.FixtureToken(f, n))
	}
	hostile, _ := decode.ParseJSON("payload", []byte(`{"iss":["x"],"sub":{"a":1},"sub":"x","aud":[1,"a",null],"ref":true,"repository_owner":"o\u202e","environment":1e400,"x":"`+strings.Repeat("\\u001b", 500)+`"}`))
	toks = append(toks, policy.NewToken(hostile), policy.NewToken(decode.Value{}))
	p := provider()
	grouped := &Provider{Domain: "d", Anchoring: AnchorGrouped}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		p.Detect(data)
		for _, prov := range []*Provider{p, grouped} {
			pols, err := prov.Parse("fuzz.sts.yaml", data)
			if err != nil {
				if !strings.Contains(err.Error(), ErrUnreadable.Error()) {
					t.Fatalf("error %q does not say the policy is unreadable", err)
				}
				continue
			}
			for _, pol := range pols {
				for _, tok := range toks {
					policytest.CheckResult(t, policy.OctoSTS, pol.Evaluate(tok))
				}
			}
		}
	})
}

// FuzzTopLevel checks the lexical scan against regexp: a pattern in which
// it finds no top-level "|" and no top-level (?m) must accept the same
// values anchored as "^p$" and as "^(?:p)$" — so the alternation lint and
// warning cannot miss a pattern whose anchoring the grouping changes.
func FuzzTopLevel(f *testing.F) {
	for _, s := range []string{"a|b", "[|]", `\Q|\E`, "(?m)a", "(?i)a|b", "[]|]|x", "(?P<x>a|b)", `\|`, "a(?m)", "x(?-m:y)|"} {
		f.Add(s, "a")
		f.Add(s, "xa\nb")
	}
	f.Fuzz(func(t *testing.T, p, v string) {
		if len(p) > 64 || len(v) > 64 {
			return
		}
		if _, err := regexp.Compile(p); err != nil {
			return
		}
		loose, err1 := regexp.Compile("^" + p + "$")
		whole, err2 := regexp.Compile("^(?:" + p + ")$")
		if err1 != nil || err2 != nil {
			return
		}
		s := topLevel(p)
		if len(s.bars) == 0 && !s.multiline && loose.MatchString(v) != whole.MatchString(v) {
			t.Fatalf("topLevel(%q) sees no alternation or (?m), but %q matches ^p$ = %v, ^(?:p)$ = %v", p, v, loose.MatchString(v), whole.MatchString(v))
		}
	})
}

// FuzzYAMLQuote: any string reads back unchanged (as valid UTF-8).
func FuzzYAMLQuote(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\n\u2028\ufeff\x00", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		s = strings.ToValidUTF8(s, "\uFFFD")
		checkYAMLQuote(t, s)
	})
}

// FuzzSuggest: hostile claim values never panic Suggest, and any
// suggestion it returns accepts its token (Suggest checks, this re-checks).
func FuzzSuggest(f *testing.F) {
	f.Add("octo-org", "octo-repo", "repo:octo-org/octo-repo:ref:refs/heads/main", "refs/heads/main", "prod", "sts.amazonaws.com")
	f.Add("o", "r.x", "repo:o/r.x:environment:a|b\n", "\u2028", "", "octo-sts.dev")
	p := provider()
	f.Fuzz(func(t *testing.T, owner, name, sub, ref, env, aud string) {
		m := map[string]string{
			"iss": gh, "sub": sub, "aud": aud, "repository": owner + "/" + name, "repository_owner": owner,
			"repository_id": "74", "repository_owner_id": "65", "ref": ref, "environment": env,
			"job_workflow_ref": owner + "/" + name + "/.github/workflows/x.yml@" + ref,
		}
		claims, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		v, errs := decode.ParseJSON("payload", claims)
		if len(errs) > 0 {
			return
		}
		tok := policy.NewToken(v)
		for _, scope := range policy.Scopes {
			s, err := p.Suggest(tok, scope)
			if err != nil {
				continue
			}
			pols, err := p.Parse("s.sts.yaml", []byte(s.Document))
			if err != nil {
				t.Fatalf("suggestion does not parse: %v\n%s", err, s.Document)
			}
			if r := pols[0].Evaluate(tok); r.Verdict != policy.Allow {
				t.Fatalf("suggestion refuses its token: %s\n%s", r.Summary, s.Document)
			}
		}
	})
}
