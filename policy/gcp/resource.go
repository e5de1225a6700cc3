package gcp

import (
	"strings"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// resource is a provider's resource name,
// projects/<number>/locations/<location>/workloadIdentityPools/<pool>/providers/<id>.
type resource struct {
	project, location, pool, id string
}

var resourceName = lazyre.New(`^projects/([^/]+)/locations/([^/]+)/workloadIdentityPools/([^/]+)/providers/([^/]+)$`)

func parseResource(name string) (resource, bool) {
	m := resourceName().FindStringSubmatch(name)
	if m == nil {
		return resource{}, false
	}
	return resource{project: m[1], location: m[2], pool: m[3], id: m[4]}, true
}

func (r resource) name() string {
	return r.poolPath() + "/providers/" + r.id
}

// poolPath is the pool part of principal identifiers.
func (r resource) poolPath() string {
	return "projects/" + r.project + "/locations/" + r.location + "/workloadIdentityPools/" + r.pool
}

// canonical is the provider's canonical name, //iam.googleapis.com/<name>.
func (r resource) canonical() string { return "//" + IAMHost + "/" + r.name() }

// defaultAudiences are the audiences Google Cloud accepts when
// oidc.allowedAudiences is empty: the canonical name with or without
// "https:" [G1]; the https form is google-github-actions/auth's default
// audience [G4].
func (r resource) defaultAudiences() []string {
	return []string{"https:" + r.canonical(), r.canonical()}
}

// audienceResource reads a provider out of an audience in canonical-name
// form (https://iam.googleapis.com/projects/…/providers/<id>, with or
// without https:).
func audienceResource(aud string) (resource, bool) {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(aud, "https:"), "//"+IAMHost+"/")
	if !ok {
		return resource{}, false
	}
	return parseResource(rest)
}
