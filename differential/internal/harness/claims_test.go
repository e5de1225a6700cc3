package harness

import (
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/differential/internal/jsonnode"
)

func TestRepositoryClaims(t *testing.T) {
	r := Repository{Owner: "octo-org", OwnerID: "65", Name: "octo-repo", ID: "74", Ref: "refs/tags/v1.2.3", Env: "-"}
	got := jsonnode.Obj(r.Claims()...).Text()
	want := `{"repository":"octo-org/octo-repo","repository_id":"74","repository_owner":"octo-org",` +
		`"repository_owner_id":"65","ref":"refs/tags/v1.2.3","ref_type":"tag"}`
	if got != want {
		t.Errorf("Claims() = %s; want %s", got, want)
	}
	subject := func(ref, env string, immutable bool) string {
		r.Ref, r.Env = ref, env
		return r.Subject(immutable)
	}
	gotSubjects := []string{
		subject("refs/heads/main", "-", false),
		subject("refs/heads/main", "", true),
		subject("refs/pull/4/merge", "-", false),
		subject("refs/heads/main", "prod", false),
	}
	wantSubjects := []string{
		"repo:octo-org/octo-repo:ref:refs/heads/main",
		"repo:octo-org@65/octo-repo@74:ref:refs/heads/main",
		"repo:octo-org/octo-repo:pull_request",
		"repo:octo-org/octo-repo:environment:prod",
	}
	if !slices.Equal(gotSubjects, wantSubjects) {
		t.Errorf("Subject() = %q; want %q", gotSubjects, wantSubjects)
	}
}

func TestJobClaims(t *testing.T) {
	r := Repository{Owner: "octo-org", Name: "octo-repo", Ref: "refs/heads/main", Env: "prod"}
	job := func(env string) string {
		r.Env = env
		return jsonnode.Obj(r.JobClaims()...).Text()
	}
	workflow := `"job_workflow_ref":"octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main"`
	for _, tt := range []struct{ env, want string }{
		{"prod", `{"environment":"prod",` + workflow + `}`},
		{"", `{"environment":"",` + workflow + `}`},
		{"-", `{` + workflow + `}`},
	} {
		if got := job(tt.env); got != tt.want {
			t.Errorf("JobClaims() with Env %q = %s; want %s", tt.env, got, tt.want)
		}
	}
}

func TestWithoutTimes(t *testing.T) {
	claims := jsonnode.Obj(append([]jsonnode.Member{jsonnode.M("sub", jsonnode.Str("x"))}, TimeClaims(1000)...)...)
	if got, want := WithoutTimes(claims).Text(), `{"sub":"x"}`; got != want {
		t.Errorf("WithoutTimes = %s; want %s", got, want)
	}
}
