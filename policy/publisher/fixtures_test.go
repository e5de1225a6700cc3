package publisher_test

import (
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher/npm"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestFixtureVerdictTables holds each registry's sample documents to their
// README table, the way policytest.CheckVerdictTable does for the clouds,
// with one difference the READMEs state: the fixture tokens carry cloud
// audiences, so each is evaluated with its aud replaced by the
// registry's; as signed, a token the table allows must fail on aud alone.
// A document that names no audience is evaluated with standIns' for its
// registry (npm accepts any npm:<host> then), or as signed where the
// registry has none (NuGet's audience is deployment configuration).
// JSR's and pub.dev's samples are held to theirs the same way.
func TestFixtureVerdictTables(t *testing.T) {
	for _, r := range registrations() {
		p := r.New()
		t.Run(p.ID(), func(t *testing.T) {
			publishertest.CheckFixtureTable(t, p, filepath.Join("../../fixtures/policies", p.ID()), func(pol policy.Policy) string { return fixtureAudience(pol, p.ID()) })
		})
	}
}

// standIns are made-up audiences for registries whose documents may name
// none.
var standIns = map[string]string{npm.ID: "npm:registry.example"}

// fixtureAudience is the audience a sample is evaluated with: its own,
// its registry's stand-in, or "" for the token's own.
func fixtureAudience(pol policy.Policy, provider string) string {
	if auds := policy.Audiences(pol); len(auds) > 0 {
		return auds[0]
	}
	return standIns[provider]
}
