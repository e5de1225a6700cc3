package decode

import (
	"encoding/base64"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// Seed material for the fuzz targets, read from files when a target starts
// rather than pasted in as literals: third-party hostile inputs (see
// testdata/SOURCES.md) and the project's own fixtures, as testseeds reads
// them for every package's targets.

// asPayload wraps a document as the payload of a compact JWS, so the
// decoder's JSON reading is reached through the token path too.
func asPayload(doc []byte) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RS256"}`)) + "." + enc.EncodeToString(doc) + "." + enc.EncodeToString([]byte("sig"))
}

// addCorpusSeeds seeds a target that reads pasted text: tokens as pasted,
// hostile JSON both pasted and inside a token (up to
// testseeds.MaxTextSeed).
func addCorpusSeeds(f *testing.F) {
	for _, tok := range testseeds.StaticTokens(f) {
		f.Add([]byte(tok))
	}
	for _, tok := range testseeds.WycheproofTokens(f) {
		f.Add([]byte(tok))
	}
	for _, doc := range testseeds.Small(testseeds.JSONTestSuite(f)) {
		f.Add(doc)
		f.Add([]byte(asPayload(doc)))
	}
}

// addJSONSeeds seeds a target that reads a JSON document: every
// JSONTestSuite document, the 100,000-bracket one included (the JSON
// reader is where its depth matters), and the fixture documents.
func addJSONSeeds(f *testing.F) {
	for _, doc := range testseeds.JSONTestSuite(f) {
		f.Add(doc)
	}
	for _, doc := range testseeds.FixtureDocuments(f) {
		f.Add(doc)
	}
}
