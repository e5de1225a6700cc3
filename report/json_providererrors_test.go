package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/oidcscope/oidcscope/report"
)

// "provider_errors" is an addition to oidcscope/v1: absent when the input
// holds no provider error (the reports scripts already read are
// unchanged), an array of the messages found otherwise, each with its
// entry, where and what was found, the claims it carries and, per policy
// of its provider, the verdict.
func TestJSONProviderErrors(t *testing.T) {
	type policyVerdict struct {
		Provider string            `json:"provider"`
		Policy   string            `json:"policy"`
		Source   string            `json:"source"`
		Verdict  string            `json:"verdict"`
		Decided  []json.RawMessage `json:"decided"`
	}
	type found struct {
		Entry    string            `json:"entry"`
		Provider string            `json:"provider"`
		Code     string            `json:"code"`
		Title    string            `json:"title"`
		Line     int               `json:"line"`
		Text     string            `json:"text"`
		Claims   map[string]string `json:"claims"`
		Policies []policyVerdict   `json:"policies"`
	}
	cases := []struct {
		report   string
		want     bool
		line     int
		sub      string
		verdicts map[string]string // policy → verdict
	}{
		{report: "push-main-valid"},
		{report: "not-a-token"},
		{report: "entra-error-no-token", want: true, line: 1, sub: "repo:octo-org/octo-repo:environment:prod",
			verdicts: map[string]string{"octo-repo-env-prod": "fits", "octo-repo-env-prod-immutable": "differs"}},
		{report: "entra-error-with-token", want: true, line: 3, sub: "repo:octo-org/octo-repo:ref:refs/heads/main",
			verdicts: map[string]string{"octo-repo-env-prod": "deny", "octo-repo-env-prod-immutable": "deny"}},
	}
	rs := reports(t)
	for _, tc := range cases {
		t.Run(tc.report, func(t *testing.T) {
			var buf bytes.Buffer
			if err := report.JSON(&buf, rs[tc.report]); err != nil {
				t.Fatal(err)
			}
			var doc map[string]json.RawMessage
			if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			raw, ok := doc["provider_errors"]
			if ok != tc.want {
				t.Fatalf("provider_errors present %v, want %v", ok, tc.want)
			}
			if !ok {
				return
			}
			var fs []found
			if err := json.Unmarshal(raw, &fs); err != nil {
				t.Fatal(err)
			}
			if len(fs) != 1 {
				t.Fatalf("%d errors, want 1", len(fs))
			}
			f := fs[0]
			if f.Entry != "entra.subject" || f.Provider != "entra" || f.Code != "AADSTS700213" || f.Title == "" || f.Text == "" || f.Line != tc.line {
				t.Errorf("entry %q provider %q code %q title %q line %d text %q", f.Entry, f.Provider, f.Code, f.Title, f.Line, f.Text)
			}
			if f.Claims["sub"] != tc.sub {
				t.Errorf("claims %v, want sub %s", f.Claims, tc.sub)
			}
			got := map[string]string{}
			for _, p := range f.Policies {
				got[p.Policy] = p.Verdict
				if p.Provider != "entra" || p.Source == "" {
					t.Errorf("policy %+v", p)
				}
				if p.Verdict == "differs" && len(p.Decided) == 0 {
					t.Errorf("%s differs on no decided condition", p.Policy)
				}
			}
			if len(got) != len(tc.verdicts) {
				t.Errorf("verdicts %v, want %v", got, tc.verdicts)
			}
			for k, v := range tc.verdicts {
				if got[k] != v {
					t.Errorf("verdicts %v, want %v", got, tc.verdicts)
				}
			}
		})
	}
}
