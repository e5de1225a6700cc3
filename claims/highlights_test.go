package claims

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/internal/setting"
)

func reasonsFor(a Analysis, p decode.Value, claim string) []Highlight {
	for i, m := range p.Members {
		if m.Key == claim {
			return a.Claims[i].Highlights
		}
	}
	return nil
}

func hasReason(hs []Highlight, reason, detail string) bool {
	for _, h := range hs {
		if h.Reason == reason && strings.Contains(h.Detail, detail) {
			return true
		}
	}
	return false
}

func TestHighlights(t *testing.T) {
	tests := []struct {
		name   string
		json   string
		claim  string
		reason string
		detail string
	}{
		{"check_run_id is new", `{"iss":"https://token.actions.githubusercontent.com","check_run_id":"1"}`, "check_run_id", ReasonNew, "2025-11"},
		{"unknown claim", `{"iss":"https://token.actions.githubusercontent.com","zz_surprise":"x"}`, "zz_surprise", ReasonUnknown, "not in the GitHub Actions catalog"},
		{"sub is policy-relevant", `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:refs/heads/main"}`, "sub", ReasonPolicyRelevant, ""},
		{"self-hosted runner", `{"iss":"https://token.actions.githubusercontent.com","runner_environment":"self-hosted"}`, "runner_environment", ReasonRisk, "self-hosted"},
		{"pull_request_target", `{"iss":"https://token.actions.githubusercontent.com","event_name":"pull_request_target"}`, "event_name", ReasonRisk, "pull_request_target"},
		{"workflow_run", `{"iss":"https://token.actions.githubusercontent.com","event_name":"workflow_run"}`, "event_name", ReasonRisk, "workflow_run"},
		{"public repository", `{"iss":"https://token.actions.githubusercontent.com","repository_visibility":"public"}`, "repository_visibility", ReasonRisk, "public"},
		{"empty ref", `{"iss":"https://token.actions.githubusercontent.com","ref":""}`, "ref", ReasonRisk, "empty"},
		{"trailing slash issuer", `{"iss":"https://token.actions.githubusercontent.com/"}`, "iss", ReasonRisk, "slash"},
		{"long lifetime", `{"iss":"https://x.example","iat":1000,"exp":22600}`, "exp", ReasonRisk, "6h0m0s"},
		{"exp in milliseconds", `{"iss":"https://x.example","iat":1704067200,"exp":1704067500000}`, "exp", ReasonRisk, "lives about 53981 years"},
		{"lifetime past a Duration", `{"iss":"https://x.example","iat":0,"exp":31494784780799}`, "exp", ReasonRisk, "lives about 998693 years"},
		{"unprotected ref on a deploy token", `{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","ref_protected":"false"}`, "ref_protected", ReasonRisk, "not protected"},
		{"duplicate claim", `{"iss":"https://x.example","sub":"a","sub":"b"}`, "sub", ReasonRisk, "duplicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _ := decode.ParseJSON("payload", []byte(tt.json))
			a := analyze(t, p)
			hs := reasonsFor(a, p, tt.claim)
			if tt.name == "duplicate claim" {
				hs = a.Claims[len(a.Claims)-1].Highlights
			}
			if !hasReason(hs, tt.reason, tt.detail) {
				t.Errorf("%s highlights = %+v, want %s containing %q", tt.claim, hs, tt.reason, tt.detail)
			}
		})
	}
}

func TestNoRiskWhereThereIsNone(t *testing.T) {
	p, _ := decode.ParseJSON("payload", []byte(`{"iss":"https://token.actions.githubusercontent.com","aud":"https://github.com/octo-org","ref_protected":"false","runner_environment":"github-hosted","iat":1000,"exp":1300,"repository_visibility":"private"}`))
	a := analyze(t, p)
	for i, m := range p.Members {
		if hasReason(a.Claims[i].Highlights, ReasonRisk, "") {
			t.Errorf("%s flagged as a risk: %+v", m.Key, a.Claims[i].Highlights)
		}
	}
}

func TestUserHighlight(t *testing.T) {
	c, _ := Default()
	p, _ := decode.ParseJSON("payload", []byte(`{"iss":"https://x.example","team":"blue"}`))
	a := c.Analyze(p, Options{Highlight: []string{"team"}})
	if !hasReason(a.Claims[1].Highlights, ReasonUser, "highlighted on request") {
		t.Errorf("highlights = %+v", a.Claims[1].Highlights)
	}
	// The command layer's words for the setting, when it gives them.
	flags := func(id setting.ID) string { return map[setting.ID]string{setting.Highlight: "--highlight"}[id] }
	a = c.Analyze(p, Options{Highlight: []string{"team"}, Names: flags})
	if !hasReason(a.Claims[1].Highlights, ReasonUser, "highlighted with --highlight") {
		t.Errorf("with flag names: highlights = %+v", a.Claims[1].Highlights)
	}
}
