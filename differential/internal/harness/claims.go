package harness

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/differential/internal/jsonnode"
)

// Repository is the repository, ref and environment a generated GitHub
// token describes.
type Repository struct {
	Owner, OwnerID string
	Name, ID       string
	Ref            string
	Env            string // "-": no environment claim
}

// Claims are the members naming the repository and ref, in GitHub's
// order: repository … ref_type.
func (r Repository) Claims() []jsonnode.Member {
	refType := "branch"
	if strings.HasPrefix(r.Ref, "refs/tags/") {
		refType = "tag"
	}
	return []jsonnode.Member{
		jsonnode.M("repository", jsonnode.Str(r.Owner+"/"+r.Name)),
		jsonnode.M("repository_id", jsonnode.Str(r.ID)),
		jsonnode.M("repository_owner", jsonnode.Str(r.Owner)),
		jsonnode.M("repository_owner_id", jsonnode.Str(r.OwnerID)),
		jsonnode.M("ref", jsonnode.Str(r.Ref)),
		jsonnode.M("ref_type", jsonnode.Str(refType)),
	}
}

// JobClaims are the members naming the job: its environment (none for
// Env "-") and job_workflow_ref, the repository's deploy workflow at the
// ref.
func (r Repository) JobClaims() []jsonnode.Member {
	var ms []jsonnode.Member
	if r.Env != "-" {
		ms = append(ms, jsonnode.M("environment", jsonnode.Str(r.Env)))
	}
	workflowRef := r.Owner + "/" + r.Name + "/.github/workflows/deploy.yml@" + r.Ref
	return append(ms, jsonnode.M("job_workflow_ref", jsonnode.Str(workflowRef)))
}

// Subject is the sub claim for an environment, a pull request or a ref,
// naming the repository in the legacy or the immutable (owner@id/repo@id)
// form.
func (r Repository) Subject(immutable bool) string {
	repo := r.Owner + "/" + r.Name
	if immutable {
		repo = fmt.Sprintf("%s@%s/%s@%s", r.Owner, r.OwnerID, r.Name, r.ID)
	}
	switch {
	case r.Env != "-" && r.Env != "":
		return "repo:" + repo + ":environment:" + r.Env
	case r.Ref == "refs/pull/4/merge":
		return "repo:" + repo + ":pull_request"
	}
	return "repo:" + repo + ":ref:" + r.Ref
}

// IsTimeClaim is whether key is iat, nbf or exp: every generated token
// has them, valid around the run's clock.
func IsTimeClaim(key string) bool { return key == "iat" || key == "nbf" || key == "exp" }

// TimeClaims are iat, nbf and exp valid around now: issued 30 s before,
// expiring a day after, so that long runs stay inside them.
func TimeClaims(now int64) []jsonnode.Member {
	return []jsonnode.Member{
		jsonnode.M("iat", jsonnode.Scalar(strconv.FormatInt(now-30, 10))),
		jsonnode.M("nbf", jsonnode.Scalar(strconv.FormatInt(now-30, 10))),
		jsonnode.M("exp", jsonnode.Scalar(strconv.FormatInt(now+86400, 10))),
	}
}

// WithoutTimes drops the time claims from a claim set for printing: they
// only say when the run was.
func WithoutTimes(claims jsonnode.Node) jsonnode.Node { return claims.WithoutFunc(IsTimeClaim) }
