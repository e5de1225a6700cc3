package pubdev

import (
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher/publishertest"
)

// TestFixtureVerdictTable holds fixtures/policies/pub.dev to its README
// table as policy/publisher's TestFixtureVerdictTables does for the other
// registries: each token with its aud replaced by the document's
// audience, and, as signed, refused on aud alone where the table allows.
func TestFixtureVerdictTable(t *testing.T) {
	folder := filepath.Join("..", "..", "..", "fixtures", "policies", "pub.dev")
	publishertest.CheckFixtureTable(t, New(), folder, func(p policy.Policy) string { return policy.Audiences(p)[0] })
}
