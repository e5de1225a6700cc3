package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const gh = "https://token.actions.githubusercontent.com"

// TestSemantics is the reference's §6 table plus the operator edge
// cases: exact strings, anchoring and its alternation pitfall, case,
// audiences, claim types, hostile token shapes.
func TestSemantics(t *testing.T) {
	tests := []struct {
		name   string
		mode   Anchoring
		domain string
		doc    string
		claims string
		want   policy.Verdict
		diag   string // a diagnosis line must contain this ("" = no check)
	}{
		{"exact subject", 0, "", "issuer: " + gh + "\nsubject: repo:o/r:ref:refs/heads/main\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Allow, ""},
		{"exact subject is case-sensitive", 0, "", "issuer: " + gh + "\nsubject: repo:O/r:ref:refs/heads/main\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Deny, "differs only in case"},
		{"exact issuer: trailing slash differs", 0, "", "issuer: " + gh + "/\nsubject: s\naudience: a",
			`{"iss":"` + gh + `","sub":"s","aud":"a"}`, policy.Deny, "trailing slash"},
		{"pattern anchored at the end", 0, "", "issuer: " + gh + "\nsubject_pattern: repo:o/r\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Deny, ""},
		{"pattern anchored at the start", 0, "", "issuer: " + gh + "\nsubject_pattern: 'o/r:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Deny, ""},
		{"pattern is case-sensitive", 0, "", "issuer: " + gh + "\nsubject_pattern: 'repo:O/R:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Deny, "case is ignored"},
		{"(?i) makes it case-insensitive", 0, "", "issuer: " + gh + "\nsubject_pattern: '(?i)repo:O/R:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main","aud":"a"}`, policy.Allow, ""},
		{"reference pitfall: evil-repo matches the ungrouped alternation", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:.*|repo:b/y:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"evil-repo:b/y:z","aud":"a"}`, policy.Allow, "WARNING"},
		{"pitfall: prefix of the first alternative", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:ref:refs/heads/main|repo:b/y:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:a/x:ref:refs/heads/main-evil","aud":"a"}`, policy.Allow, "WARNING"},
		{"pitfall closed by octo-sts's later grouping", AnchorGrouped, "", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:.*|repo:b/y:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"evil-repo:b/y:z","aud":"a"}`, policy.Deny, "octo-sts/app up to v0.8.0 (@cb87fc17; e.g. an older self-hosted deployment) accepts"},
		{"the default is the grouping", 0, "", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:ref:refs/heads/main|repo:b/y:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:a/x:ref:refs/heads/main-evil","aud":"a"}`, policy.Deny, `trust policy: subject "repo:a/x:ref:refs/heads/main-evil" did not match pattern "repo:a/x:ref:refs/heads/main|repo:b/y:.*"`},
		{"grouped: top-level (?m) stays in the pattern", AnchorGrouped, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref: '(?m)refs/heads/main'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref":"refs/heads/main\nx"}`, policy.Deny, "(?m) at the pattern's top level also applies"},
		{"a grouped alternation is anchored", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject_pattern: '(?:repo:a/x:.*|repo:b/y:.*)'\naudience: a",
			`{"iss":"` + gh + `","sub":"evil-repo:b/y:z","aud":"a"}`, policy.Deny, ""},
		{"alternation: a whole alternative passes without warning", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject_pattern: 'repo:a/x:.*|repo:b/y:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:b/y:z","aud":"a"}`, policy.Allow, ""},
		{"top-level (?m) leaks into the closing $", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref: '(?m)refs/heads/main'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref":"refs/heads/main\nx"}`, policy.Allow, "(?m)"},
		{"(?m) cannot leak into sub: octo-sts refuses a newline there", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject_pattern: '(?m)repo:o/r:ref:refs/heads/main'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:ref:refs/heads/main\nx","aud":"a"}`, policy.Deny, "invalid subject in token"},
		{"trailing backslash escapes octo-sts's $", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject: s\naudience: x\nclaim_pattern:\n  ref: 'a\\'",
			`{"iss":"` + gh + `","sub":"s","aud":"x","ref":"a$"}`, policy.Allow, ""},
		{"trailing backslash does not compile when grouped", AnchorGrouped, "", "issuer: " + gh + "\nsubject: s\naudience: x\nclaim_pattern:\n  ref: 'a\\'",
			`{"iss":"` + gh + `","sub":"s","aud":"x","ref":"a$"}`, policy.Error, "trailing backslash"},
		{"no audience: aud must contain octo-sts.dev", 0, "", "issuer: " + gh + "\nsubject: s",
			`{"iss":"` + gh + `","sub":"s","aud":"octo-sts.dev"}`, policy.Allow, ""},
		{"no audience: any of several aud", 0, "", "issuer: " + gh + "\nsubject: s",
			`{"iss":"` + gh + `","sub":"s","aud":["x","octo-sts.dev"]}`, policy.Allow, ""},
		{"no audience: other aud refused", 0, "", "issuer: " + gh + "\nsubject: s",
			`{"iss":"` + gh + `","sub":"s","aud":"sts.amazonaws.com"}`, policy.Deny, "octo-sts expects aud octo-sts.dev (its STS_DOMAIN) when the policy sets no audience"},
		{"no audience: the configured domain", 0, "sts.example.com", "issuer: " + gh + "\nsubject: s",
			`{"iss":"` + gh + `","sub":"s","aud":"sts.example.com"}`, policy.Allow, ""},
		{"audience: any aud equal", 0, "", "issuer: " + gh + "\nsubject: s\naudience: b",
			`{"iss":"` + gh + `","sub":"s","aud":["a","b"]}`, policy.Allow, ""},
		{"audience_pattern: any aud matching", 0, "", "issuer: " + gh + "\nsubject: s\naudience_pattern: 'b.*'",
			`{"iss":"` + gh + `","sub":"s","aud":["a","bc"]}`, policy.Allow, ""},
		{"aud of numbers is unreadable", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a",
			`{"iss":"` + gh + `","sub":"s","aud":[1,2]}`, policy.Deny, "neither a string nor a list of strings"},
		{"claim_pattern: missing claim", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  environment: prod",
			`{"iss":"` + gh + `","sub":"s","aud":"a"}`, policy.Deny, `expected claim "environment" not found in token`},
		{"claim_pattern: boolean true as \"true\"", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  email_verified: \"true\"",
			`{"iss":"` + gh + `","sub":"s","aud":"a","email_verified":true}`, policy.Allow, ""},
		{"claim_pattern: boolean false is \"false\"", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  email_verified: \"true\"",
			`{"iss":"` + gh + `","sub":"s","aud":"a","email_verified":false}`, policy.Deny, ""},
		{"claim_pattern: unquoted YAML true reads as \"true\"", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref_protected: true",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref_protected":"true"}`, policy.Allow, ""},
		{"claim_pattern: number refused", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  age: '\\d+'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","age":21}`, policy.Deny, `expected claim "age" not a string`},
		{"claim_pattern: array refused", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  groups: '.*'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","groups":["x"]}`, policy.Deny, `expected claim "groups" not a string`},
		{"claim_pattern: object refused", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  o: '.*'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","o":{"k":"v"}}`, policy.Deny, `expected claim "o" not a string`},
		{"claim_pattern: null refused", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  nul: '.*'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","nul":null}`, policy.Deny, `expected claim "nul" not a string`},
		{"YAML 1.1 quirk (same library as octo-sts): key n reads as false", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  n: '.*'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","n":"x"}`, policy.Deny, `expected claim "false" not found in token`},
		{"claim_pattern: anchored", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref: refs/heads/main",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref":"refs/heads/main-evil"}`, policy.Deny, `trust policy: claim "ref" did not match "^(?:refs/heads/main)$"`},
		{"claim_pattern: anchored, octo-sts/app up to v0.8.0", AnchorCaretDollar, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref: refs/heads/main",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref":"refs/heads/main-evil"}`, policy.Deny, `trust policy: claim "ref" did not match "^refs/heads/main$"`},
		{"claim_pattern: empty pattern matches only empty", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  base_ref: ''",
			`{"iss":"` + gh + `","sub":"s","aud":"a","base_ref":""}`, policy.Allow, ""},
		{"duplicated sub: octo-sts reads the last copy", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a",
			`{"iss":"` + gh + `","sub":"s","sub":"t","aud":"a"}`, policy.Deny, `subject "t" did not match "s"`},
		{"non-string sub", 0, "", "issuer: " + gh + "\nsubject_pattern: '.*'\naudience: a",
			`{"iss":"` + gh + `","sub":7,"aud":"a"}`, policy.Deny, "not a string"},
		{"absent sub", 0, "", "issuer: " + gh + "\nsubject_pattern: '.*'\naudience: a",
			`{"iss":"` + gh + `","aud":"a"}`, policy.Deny, "the token has no sub claim"},
		{"absent aud", 0, "", "issuer: " + gh + "\nsubject: s",
			`{"iss":"` + gh + `","sub":"s"}`, policy.Deny, "the token has no aud claim"},
		{"huge hostile sub: octo-sts refuses it (length, controls)", 0, "", "issuer: " + gh + "\nsubject_pattern: 'repo:o/r:.*'\naudience: a",
			`{"iss":"` + gh + `","sub":"repo:o/r:` + strings.Repeat("\\u202e\\u001b", 20000) + `","aud":"a"}`, policy.Deny, "invalid subject in token"},
		{"huge hostile claim is matched", 0, "", "issuer: " + gh + "\nsubject: s\naudience: a\nclaim_pattern:\n  ref: 'repo:o/r:.*'",
			`{"iss":"` + gh + `","sub":"s","aud":"a","ref":"repo:o/r:` + strings.Repeat("\\u202e\\u001b", 20000) + `"}`, policy.Allow, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Provider{Domain: tt.domain, Anchoring: tt.mode}
			r := parseOne(t, p, tt.doc).Evaluate(policytest.Payload(t, tt.claims))
			if r.Verdict != tt.want {
				t.Fatalf("verdict %s, want %s: %s\n%s", r.Verdict, tt.want, r.Summary, allDiagnoses(r))
			}
			if tt.diag != "" && !strings.Contains(allDiagnoses(r), tt.diag) {
				t.Errorf("no diagnosis mentions %q:\n%s", tt.diag, allDiagnoses(r))
			}
			for _, c := range r.Conditions {
				if c.Result == policy.Fail && len(c.Diagnosis) == 0 {
					t.Errorf("failing condition %q has no diagnosis", c.Expression)
				}
			}
		})
	}
}

// TestConditionsInCheckTokenOrder: issuer, subject, audience, then the
// claim patterns (sorted; octo-sts walks a Go map), each with the claim it
// reads, what it expects and what the token holds.
func TestConditionsInCheckTokenOrder(t *testing.T) {
	doc := "issuer: " + gh + "\nsubject_pattern: 'repo:o/r:.*'\nclaim_pattern:\n  ref: refs/heads/main\n  actor: octocat\n"
	r := parseOne(t, provider(), doc).Evaluate(policytest.Payload(t, `{"iss":"`+gh+`","sub":"repo:o/r:x","aud":"octo-sts.dev","ref":"refs/heads/main","actor":"octocat"}`))
	want := []struct{ expr, claim, expected, actual string }{
		{`issuer: "` + gh + `"`, "iss", gh, gh},
		{`subject_pattern: "repo:o/r:.*"`, "sub", "repo:o/r:.*", "repo:o/r:x"},
		{"(no audience or audience_pattern: aud must contain the STS domain octo-sts.dev)", "aud", "octo-sts.dev", "octo-sts.dev"},
		{`claim_pattern.actor: "octocat"`, "actor", "octocat", "octocat"},
		{`claim_pattern.ref: "refs/heads/main"`, "ref", "refs/heads/main", "refs/heads/main"},
	}
	if len(r.Conditions) != len(want) {
		t.Fatalf("%d conditions, want %d", len(r.Conditions), len(want))
	}
	for i, w := range want {
		c := r.Conditions[i]
		if c.Expression != w.expr || c.Claims[0] != w.claim || c.Expected[0] != w.expected || c.Actual != w.actual || c.Result != policy.Pass {
			t.Errorf("condition %d = %+v, want %+v passing", i, c, w)
		}
	}
	if r.Verdict != policy.Allow || r.Provider != policy.OctoSTS || r.Name != "test" || r.Source != "test.sts.yaml" {
		t.Errorf("result header %s %s %s %s", r.Verdict, r.Provider, r.Name, r.Source)
	}
}

// TestBrokenFieldLeavesOthersEvaluated: a policy octo-sts cannot compile
// is an Error, its broken field errored, the rest still shown.
func TestBrokenFieldLeavesOthersEvaluated(t *testing.T) {
	doc := "issuer: " + gh + "\nsubject_pattern: 'repo:(o/r'\naudience: a\nclaim_pattern:\n  ref: refs/heads/main\n"
	r := parseOne(t, provider(), doc).Evaluate(policytest.FixtureToken(t, "push-main"))
	if r.Verdict != policy.Error || !strings.Contains(r.Error, "invalid subject_pattern") {
		t.Fatalf("verdict %s error %q", r.Verdict, r.Error)
	}
	got := map[string]policy.Outcome{}
	for _, c := range r.Conditions {
		got[c.Claims[0]] = c.Result
	}
	if got["sub"] != policy.Errored || got["iss"] != policy.Pass || got["ref"] != policy.Pass || got["aud"] != policy.Fail {
		t.Errorf("outcomes %v: want sub errored, iss and ref pass, aud fail", got)
	}
	// Another policy is unaffected.
	if r := parseOne(t, provider(), "issuer: "+gh+"\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\naudience: sts.amazonaws.com").Evaluate(policytest.FixtureToken(t, "push-main")); r.Verdict != policy.Allow {
		t.Errorf("independent policy: %s", r.Verdict)
	}
}
