package claims

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

// gitlabPayloadFiles are the GitLab claim sets in testdata/gitlab (see
// SOURCES.md there): the documentation's example and a constructed
// GitLab.com token with the claims the example lacks.
var gitlabPayloadFiles = []string{"docs-example-payload.json", "gitlab-com-constructed.json"}

func gitlabPayload(t *testing.T, name string) decode.Value {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "gitlab", name))
	if err != nil {
		t.Fatal(err)
	}
	v, errs := decode.ParseJSON("payload", data)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", name, errs)
	}
	if v.Kind != decode.Object || len(v.Members) == 0 {
		t.Fatalf("%s: not a claim set", name)
	}
	return v
}

func TestGitLabProfileShape(t *testing.T) {
	c := defaultCatalog(t)
	p := profileByID(t, c, "gitlab-ci")
	if p.Name != "GitLab CI/CD" {
		t.Errorf("name = %q", p.Name)
	}
	if !slices.Equal(p.SubjectKeys, []string{"project_path", "ref_type", "ref"}) {
		t.Errorf("subject_keys = %q", p.SubjectKeys)
	}
	for _, k := range append(append([]string{}, p.SubjectKeys...), p.DetectClaims...) {
		if _, ok := c.Lookup(p, k); !ok {
			t.Errorf("%q is used by the profile but has no entry", k)
		}
	}
	for _, r := range p.Risks {
		if _, ok := c.Lookup(p, r.Claim); !ok || r.Detail == "" || len(r.Equals) == 0 && !r.Empty {
			t.Errorf("risk %+v: unknown claim, no detail or no condition", r)
		}
	}
	// The claims GitLab documents as always present must all have entries.
	for _, name := range []string{
		"iss", "sub", "aud", "exp", "nbf", "iat", "jti",
		"namespace_id", "namespace_path", "project_id", "project_path",
		"job_project_id", "job_project_path", "job_namespace_id", "job_namespace_path",
		"user_id", "user_login", "user_email", "user_access_level", "pipeline_id", "pipeline_source",
		"job_id", "ref", "ref_type", "ref_path", "ref_protected", "runner_id", "runner_environment",
		"sha", "ci_config_ref_uri", "ci_config_sha", "project_visibility", "job_source",
	} {
		if !slices.ContainsFunc(p.Claims, func(e Entry) bool { return e.Name == name }) {
			t.Errorf("gitlab-ci profile lacks its own entry for %q", name)
		}
	}
}

func TestGitLabPayloadsAreCatalogued(t *testing.T) {
	c := defaultCatalog(t)
	for _, file := range gitlabPayloadFiles {
		t.Run(file, func(t *testing.T) {
			v := gitlabPayload(t, file)
			iss, _ := v.Str("iss")
			p, _ := c.Match(iss, func(n string) bool { _, ok := v.Get(n); return ok })
			if p.ID != "gitlab-ci" {
				t.Fatalf("payload with iss %q matched %s, want gitlab-ci", iss, p.ID)
			}
			for _, m := range v.Members {
				e, ok := c.Lookup(p, m.Key)
				if !ok {
					t.Errorf("claim %q has no entry", m.Key)
					continue
				}
				// The catalog's type must describe the JSON the issuer emits.
				kind := m.Value.Kind.String()
				if e.Type != kind && !(e.Type == "string or array of strings" && (kind == "string" || kind == "array")) {
					t.Errorf("%s: catalog type %q, payload has %s", m.Key, e.Type, kind)
				}
			}
		})
	}
}

func TestGitLabAnalysis(t *testing.T) {
	c := defaultCatalog(t)
	v := gitlabPayload(t, "docs-example-payload.json")
	a := c.Analyze(v, Options{})
	// Recognised by its claims alone, the instance is only what it claims.
	if a.Profile.ID != "gitlab-ci" || a.Profile.Variant != "self-managed, as claimed: issuer not verified" || !a.Profile.IssuerUnverified {
		t.Errorf("profile = %+v, want gitlab-ci self-managed, as claimed", a.Profile)
	}
	for i, ci := range a.Claims {
		if !ci.Known() {
			t.Errorf("claim %q unknown", v.Members[i].Key)
		}
	}
	// The default subject splits into the three documented keys, each agreeing
	// with its claim.
	if a.Subject == nil || a.Subject.Unparsed != "" {
		t.Fatalf("subject = %+v", a.Subject)
	}
	if got := partsOf(a.Subject); got != "project_path|my-group/my-project|project_path ; ref_type|branch|ref_type ; ref|feature-branch-1|ref" {
		t.Errorf("subject parts = %s", got)
	}
	for _, part := range a.Subject.Parts {
		if part.Agrees == nil || !*part.Agrees {
			t.Errorf("subject part %s does not agree with its claim", part.Key)
		}
	}
	// The docs example ran on a self-hosted runner: that is flagged.
	var risky []string
	for i, ci := range a.Claims {
		for _, h := range ci.Highlights {
			if h.Reason == ReasonRisk {
				risky = append(risky, v.Members[i].Key)
			}
		}
	}
	if !slices.Contains(risky, "runner_environment") {
		t.Errorf("self-hosted runner not flagged; risks on %q", risky)
	}

	// The constructed GitLab.com token: protected main on a GitLab-hosted
	// runner, pushed: no value risk at all.
	v = gitlabPayload(t, "gitlab-com-constructed.json")
	a = c.Analyze(v, Options{})
	if a.Profile.ID != "gitlab-ci" || a.Profile.Variant != "gitlab.com" {
		t.Errorf("profile = %+v, want gitlab-ci gitlab.com", a.Profile)
	}
	for i, ci := range a.Claims {
		for _, h := range ci.Highlights {
			if h.Reason == ReasonRisk || h.Reason == ReasonUnknown {
				t.Errorf("%s: unexpected %s highlight: %s", v.Members[i].Key, h.Reason, h.Detail)
			}
		}
	}
}
