package gcpinfo

import (
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Resource is a provider's resource name,
// projects/<number>/locations/<location>/workloadIdentityPools/<pool>/providers/<id>.
type Resource struct {
	Project, Location, Pool, ID string
}

var resourceName = lazyre.New(`^projects/([^/]+)/locations/([^/]+)/workloadIdentityPools/([^/]+)/providers/([^/]+)$`)

// ParseResource reads a provider's resource name.
func ParseResource(name string) (Resource, bool) {
	m := resourceName().FindStringSubmatch(name)
	if m == nil {
		return Resource{}, false
	}
	return Resource{Project: m[1], Location: m[2], Pool: m[3], ID: m[4]}, true
}

// Name is the resource name.
func (r Resource) Name() string {
	return r.PoolPath() + "/providers/" + r.ID
}

// PoolPath is the pool part of principal identifiers.
func (r Resource) PoolPath() string {
	return "projects/" + r.Project + "/locations/" + r.Location + "/workloadIdentityPools/" + r.Pool
}

// Canonical is the provider's canonical name, //iam.googleapis.com/<name>.
func (r Resource) Canonical() string { return "//" + IAMHost + "/" + r.Name() }

// DefaultAudiences are the audiences Google Cloud accepts when
// oidc.allowedAudiences is empty: the canonical name with or without
// "https:" [G1]; the https form is google-github-actions/auth's default
// audience [G4].
func (r Resource) DefaultAudiences() []string {
	return []string{"https:" + r.Canonical(), r.Canonical()}
}

// AudienceResource reads a provider out of an audience in canonical-name
// form (https://iam.googleapis.com/projects/…/providers/<id>, with or
// without https:).
func AudienceResource(aud string) (Resource, bool) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(aud, "https:"), "//"+IAMHost+"/")
	if !ok {
		return Resource{}, false
	}
	return ParseResource(rest)
}
