package claims

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

// payload builds claims JSON from a base GitHub claim set plus overrides
// ("" deletes a claim).
func payload(t *testing.T, over map[string]string) decode.Value {
	t.Helper()
	base := map[string]string{
		"iss": "https://token.actions.githubusercontent.com", "repository": "octo-org/octo-repo",
		"repository_owner": "octo-org", "repository_owner_id": "65", "repository_id": "74",
		"ref": "refs/heads/main", "event_name": "push", "run_id": "19677834613", "run_attempt": "2",
		"check_run_id": "56363837828", "sha": strings.Repeat("a", 40),
		"workflow_ref":     "octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main",
		"workflow_sha":     strings.Repeat("b", 40),
		"job_workflow_ref": "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main",
		"job_workflow_sha": strings.Repeat("c", 40),
	}
	for k, v := range over {
		if v == "" {
			delete(base, k)
		} else {
			base[k] = v
		}
	}
	var b strings.Builder
	b.WriteString("{")
	first := true
	for k, v := range base {
		if !first {
			b.WriteString(",")
		}
		first = false
		kj, _ := json.Marshal(k) // a string always encodes
		vj, _ := json.Marshal(v)
		b.WriteString(string(kj) + ":" + string(vj))
	}
	b.WriteString("}")
	v, errs := decode.ParseJSON("payload", []byte(b.String()))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return v
}

func analyze(t *testing.T, p decode.Value) Analysis {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c.Analyze(p, Options{})
}

func partsOf(s *Subject) string {
	var out []string
	for _, p := range s.Parts {
		v := p.Value
		if p.Decoded != "" {
			v += "=" + p.Decoded
		}
		out = append(out, p.Key+"|"+v+"|"+p.FromClaim)
	}
	return strings.Join(out, " ; ")
}

func TestSubjectAnatomy(t *testing.T) {
	tests := []struct {
		name, sub  string
		over       map[string]string
		format     string
		parts      string
		rule       string // substring
		alternate  string
		contradict string // substring of one contradiction, "" for none
	}{
		{"branch", "repo:octo-org/octo-repo:ref:refs/heads/main", nil, FormatDefault,
			"repo|octo-org/octo-repo|repository ; ref|refs/heads/main|ref", "ref: no environment",
			"repo:octo-org@65/octo-repo@74:ref:refs/heads/main", ""},
		{"tag", "repo:octo-org/octo-repo:ref:refs/tags/v1", map[string]string{"ref": "refs/tags/v1"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; ref|refs/tags/v1|ref", "ref:", "repo:octo-org@65/octo-repo@74:ref:refs/tags/v1", ""},
		{"environment wins over pull request", "repo:octo-org/octo-repo:environment:prod", map[string]string{"environment": "prod", "event_name": "pull_request"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; environment|prod|environment", "environment: the job references", "repo:octo-org@65/octo-repo@74:environment:prod", ""},
		{"pull request", "repo:octo-org/octo-repo:pull_request", map[string]string{"event_name": "pull_request", "ref": "refs/pull/4/merge"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; pull_request||event_name", "pull_request: a pull request", "repo:octo-org@65/octo-repo@74:pull_request", ""},
		{"environment with an encoded colon", "repo:octo-org/octo-repo:environment:Production%3AV1", map[string]string{"environment": "Production:V1"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; environment|Production%3AV1=Production:V1|environment", "environment:", "repo:octo-org@65/octo-repo@74:environment:Production%3AV1", ""},
		{"immutable", "repo:octo-org@65/octo-repo@74:environment:prod", map[string]string{"environment": "prod"}, FormatImmutable,
			"repo|octo-org@65/octo-repo@74|repository_owner@repository_owner_id/repository name@repository_id ; environment|prod|environment", "environment:", "repo:octo-org/octo-repo:environment:prod", ""},
		{"immutable with a wrong repository id", "repo:octo-org@65/octo-repo@75:ref:refs/heads/main", nil, FormatImmutable,
			"repo|octo-org@65/octo-repo@75|repository_owner@repository_owner_id/repository name@repository_id ; ref|refs/heads/main|ref", "ref:", "repo:octo-org/octo-repo:ref:refs/heads/main", `repository_id "75"`},
		{"custom with job_workflow_ref", "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", map[string]string{"environment": "prod"}, FormatCustom,
			"repo|octo-org/octo-repo|repository ; environment|prod|environment ; job_workflow_ref|octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main|job_workflow_ref", "environment:", "repo:octo-org@65/octo-repo@74:environment:prod:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", ""},
		{"custom ID template", "repository_owner_id:65:repository_id:74", nil, FormatCustom,
			"repository_owner_id|65|repository_owner_id ; repository_id|74|repository_id", "", "", ""},
		{"custom with a property holding a colon", "repo_property_workspace_id:ws:abc:repository_owner:octo-org", map[string]string{"repo_property_workspace_id": "ws:abc"}, FormatCustom,
			"repo_property_workspace_id|ws:abc|repo_property_workspace_id ; repository_owner|octo-org|repository_owner", "", "", ""},
		{"custom order kept", "ref:refs/heads/main:repo:octo-org/octo-repo:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", nil, FormatCustom,
			"ref|refs/heads/main|ref ; repo|octo-org/octo-repo|repository ; job_workflow_ref|octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main|job_workflow_ref", "ref:", "ref:refs/heads/main:repo:octo-org@65/octo-repo@74:job_workflow_ref:octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main", ""},
		{"environment in sub disagrees with the claim", "repo:octo-org/octo-repo:environment:staging", map[string]string{"environment": "prod"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; environment|staging|environment", "environment:", "repo:octo-org@65/octo-repo@74:environment:staging", `"environment:staging" but the claims give "environment:prod"`},
		{"ref in sub but the job has an environment", "repo:octo-org/octo-repo:ref:refs/heads/main", map[string]string{"environment": "prod"}, FormatDefault,
			"repo|octo-org/octo-repo|repository ; ref|refs/heads/main|ref", "environment:", "repo:octo-org@65/octo-repo@74:ref:refs/heads/main", `claims give "environment:prod"`},
		{"repo differs in case", "repo:Octo-Org/octo-repo:ref:refs/heads/main", nil, FormatDefault,
			"repo|Octo-Org/octo-repo|repository ; ref|refs/heads/main|ref", "ref:", "", "only in case"},
		{"not a GitHub shape", "user:alice", nil, FormatUnknown, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			over := map[string]string{"sub": tt.sub}
			for k, v := range tt.over {
				over[k] = v
			}
			s := analyze(t, payload(t, over)).Subject
			if s.Format != tt.format {
				t.Errorf("format = %q, want %q (unparsed %q)", s.Format, tt.format, s.Unparsed)
			}
			if got := partsOf(s); got != tt.parts {
				t.Errorf("parts =\n  %s\nwant\n  %s", got, tt.parts)
			}
			if !strings.Contains(s.Rule, tt.rule) {
				t.Errorf("rule = %q, want it to contain %q", s.Rule, tt.rule)
			}
			if s.Alternate != tt.alternate {
				t.Errorf("alternate = %q, want %q", s.Alternate, tt.alternate)
			}
			all := strings.Join(s.Contradictions, " | ")
			if tt.contradict == "" && all != "" || !strings.Contains(all, tt.contradict) {
				t.Errorf("contradictions = %q, want %q", all, tt.contradict)
			}
		})
	}
}

func TestSubjectPullRequestTargetIsUncertain(t *testing.T) {
	s := analyze(t, payload(t, map[string]string{"sub": "repo:octo-org/octo-repo:ref:refs/heads/main", "event_name": "pull_request_target"})).Subject
	if !strings.HasPrefix(s.Rule, "uncertain") || len(s.Contradictions) != 0 {
		t.Errorf("rule %q, contradictions %q: pull_request_target must be reported as uncertain, not contradicted", s.Rule, s.Contradictions)
	}
}

func TestSubjectOnGHESHasNoOtherForm(t *testing.T) {
	a := analyze(t, payload(t, map[string]string{"iss": "https://ghes.example.com/_services/token", "sub": "repo:octo-org/octo-repo:ref:refs/heads/main"}))
	if !strings.HasPrefix(a.Profile.Variant, "GitHub Enterprise Server") || a.Subject.Alternate != "" {
		t.Errorf("variant %q alternate %q", a.Profile.Variant, a.Subject.Alternate)
	}
}
