package claims

import "testing"

// registryReads is the comparison table of the shared trusted-publishing
// reference (each registry's rules as read in its source), as claim
// readings: every claim a registry reads, from the table's row that says
// so, with the confidence the reference gives it (its UNCERTAIN cells are
// "uncertain"; what it concludes from code it did not run is "inference").
// TestPyPI runs PyPI's code with another audience: it is the pypi rows.
var registryReads = []struct {
	registry, claim, row, confidence string
}{
	// aud: every registry.
	{"pypi", "aud", "aud", "documented"},
	{"crates.io", "aud", "aud", "documented"},
	{"rubygems", "aud", "aud", "documented"},
	{"npm", "aud", "aud", "documented"},
	{"nuget", "aud", "aud", "uncertain"}, // the production NuGetAudience is not in the code
	{"jsr", "aud", "aud", "documented"},
	{"pub.dev", "aud", "aud", "documented"},
	// Workflow identity claim and its filename rule.
	{"pypi", "job_workflow_ref", "workflow identity claim", "documented"},
	{"crates.io", "workflow_ref", "workflow identity claim", "documented"},
	{"rubygems", "job_workflow_ref", "workflow identity claim", "documented"},
	{"npm", "workflow_ref", "workflow identity claim", "inference"}, // the docs name the caller's file, not a claim
	{"nuget", "job_workflow_ref", "workflow identity claim", "documented"},
	// Repository match.
	{"pypi", "repository", "repository match", "documented"},
	{"crates.io", "repository", "repository match", "documented"},
	{"rubygems", "repository", "repository match", "documented"},
	{"npm", "repository", "repository match", "inference"},
	{"nuget", "repository", "repository match", "documented"},
	{"nuget", "repository_owner", "repository match", "documented"},
	{"jsr", "repository_id", "repository match", "documented"},
	{"pub.dev", "repository", "repository match", "documented"},
	// Owner / repo ID pinning.
	{"pypi", "repository_owner_id", "ID pinning", "documented"},
	{"crates.io", "repository_owner_id", "ID pinning", "documented"},
	{"rubygems", "repository_owner_id", "ID pinning", "documented"},
	{"npm", "repository_owner_id", "ID pinning", "uncertain"},
	{"npm", "repository_id", "ID pinning", "uncertain"},
	{"nuget", "repository_owner_id", "ID pinning", "documented"},
	{"nuget", "repository_id", "ID pinning", "documented"},
	{"pub.dev", "repository_owner_id", "ID pinning", "documented"},
	{"pub.dev", "repository_id", "ID pinning", "documented"},
	// Environment (JSR does not check it).
	{"pypi", "environment", "environment", "documented"},
	{"crates.io", "environment", "environment", "documented"},
	{"rubygems", "environment", "environment", "documented"},
	{"npm", "environment", "environment", "inference"},
	{"nuget", "environment", "environment", "documented"},
	{"pub.dev", "environment", "environment", "documented"},
	// Event rules (RubyGems and JSR have none).
	{"pypi", "event_name", "event rules", "documented"},
	{"crates.io", "event_name", "event rules", "documented"},
	{"npm", "event_name", "event rules", "uncertain"},
	{"nuget", "event_name", "event rules", "uncertain"}, // the deployment's ban list is not in the code
	{"pub.dev", "event_name", "event rules", "documented"},
	// Ref rules.
	{"pypi", "ref", "ref rules", "documented"},
	{"pypi", "sha", "ref rules", "documented"},
	{"rubygems", "ref", "ref rules", "documented"},
	{"rubygems", "sha", "ref rules", "documented"},
	{"npm", "ref", "ref rules", "uncertain"},
	{"pub.dev", "ref", "ref rules", "documented"},
	{"pub.dev", "ref_type", "ref rules", "documented"},
	// jti replay.
	{"pypi", "jti", "jti replay", "documented"},
	{"crates.io", "jti", "jti replay", "documented"},
	{"rubygems", "jti", "jti replay", "documented"}, // read as a string; no replay store found
	{"npm", "jti", "jti replay", "uncertain"},
	{"nuget", "jti", "jti replay", "documented"},
	// Clock: every registry that checks the time reads exp.
	{"pypi", "exp", "clock leeway", "documented"},
	{"crates.io", "exp", "clock leeway", "documented"},
	{"rubygems", "exp", "clock leeway", "documented"},
	{"npm", "exp", "clock leeway", "uncertain"},
	{"nuget", "exp", "clock leeway", "documented"},
	{"jsr", "exp", "clock leeway", "documented"},
	{"pub.dev", "exp", "clock leeway", "documented"},
	// Section 6: JSR's scope-member check reads the actor.
	{"jsr", "actor_id", "JSR authorization", "documented"},
}

// registryIgnores are claims the reference says a registry does not
// consult: the catalogue must not say it reads them.
var registryIgnores = []struct{ registry, claim string }{
	{"pypi", "sub"}, {"pypi", "workflow_ref"}, {"pypi", "repository_id"},
	{"crates.io", "job_workflow_ref"}, {"crates.io", "ref"}, {"crates.io", "repository_id"},
	{"rubygems", "event_name"}, {"rubygems", "workflow_ref"}, {"rubygems", "repository_id"},
	{"nuget", "ref"}, {"nuget", "sha"}, {"nuget", "workflow_ref"}, {"nuget", "sub"},
	{"jsr", "job_workflow_ref"}, {"jsr", "environment"}, {"jsr", "ref"}, {"jsr", "event_name"}, {"jsr", "jti"},
	{"pub.dev", "job_workflow_ref"}, {"pub.dev", "workflow_ref"}, {"pub.dev", "sub"}, {"pub.dev", "jti"},
}

// TestCatalogRegistryReads: `explain CLAIM` lists every registry that
// reads the claim, with the reference's confidence.
func TestCatalogRegistryReads(t *testing.T) {
	_, p := githubCatalogProfile(t)
	for _, r := range registryReads {
		e := githubCatalogEntry(t, p, r.claim)
		u, ok := providerUse(e, r.registry)
		switch {
		case !ok:
			t.Errorf("%s: no %s entry (the reference's %q row says it reads the claim)", r.claim, r.registry, r.row)
		case u.Confidence != r.confidence:
			t.Errorf("%s: %s confidence %q, want %q (%s row)", r.claim, r.registry, u.Confidence, r.confidence, r.row)
		}
	}
}

func TestCatalogRegistryIgnores(t *testing.T) {
	_, p := githubCatalogProfile(t)
	for _, r := range registryIgnores {
		if u, ok := providerUse(githubCatalogEntry(t, p, r.claim), r.registry); ok {
			t.Errorf("%s: %s entry %q, but the registry does not consult the claim", r.claim, r.registry, u.How)
		}
	}
}

// TestCatalogRegistriesCovered: every registry of the reference's table
// has readings, and every registry entry in the catalogue is in the table
// above (a reading added to the data needs its row here).
func TestCatalogRegistriesCovered(t *testing.T) {
	_, p := githubCatalogProfile(t)
	want := map[[2]string]bool{}
	registries := map[string]bool{}
	for _, r := range registryReads {
		want[[2]string{r.registry, r.claim}] = true
		registries[r.registry] = true
	}
	for _, id := range []string{"pypi", "crates.io", "rubygems", "npm", "nuget", "jsr", "pub.dev"} {
		if !registries[id] {
			t.Errorf("registry %s has no readings in the table", id)
		}
	}
	for _, e := range p.Claims {
		for _, u := range e.Providers {
			if registryIDs[u.Provider] && !want[[2]string{u.Provider, e.Name}] && !registryExtra[[2]string{u.Provider, e.Name}] {
				t.Errorf("%s: %s entry %q is in no row of the reference's table", e.Name, u.Provider, u.How)
			}
		}
	}
}

// registryIDs are the registries' provider ids in the catalogue.
var registryIDs = map[string]bool{"pypi": true, "crates.io": true, "rubygems": true, "npm": true, "nuget": true, "jsr": true, "pub.dev": true}

// registryExtra are readings from the reference's sections rather than
// its table: required claims and the other time claims.
var registryExtra = map[[2]string]bool{
	{"pypi", "iss"}: true, {"crates.io", "iss"}: true, {"rubygems", "iss"}: true, {"npm", "iss"}: true,
	{"nuget", "iss"}: true, {"jsr", "iss"}: true, {"pub.dev", "iss"}: true,
	{"pypi", "iat"}: true, {"crates.io", "iat"}: true, {"rubygems", "iat"}: true, {"pub.dev", "iat"}: true,
	{"pypi", "nbf"}: true, {"crates.io", "nbf"}: true, {"rubygems", "nbf"}: true, {"nuget", "nbf"}: true, {"pub.dev", "nbf"}: true,
	{"rubygems", "job_workflow_sha"}: true, {"crates.io", "sha"}: true, {"crates.io", "run_id"}: true, {"pub.dev", "run_id"}: true,
	{"pypi", "repository_owner"}: true, {"npm", "repository_owner"}: true, {"pub.dev", "repository_owner"}: true,
	{"npm", "runner_environment"}: true, {"npm", "sub"}: true,
}

func providerUse(e *Entry, provider string) (ProviderUse, bool) {
	for _, u := range e.Providers {
		if u.Provider == provider {
			return u, true
		}
	}
	return ProviderUse{}, false
}
