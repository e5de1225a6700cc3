package decode

import (
	"encoding/base64"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Seed material for the fuzz targets, read from files when a target starts
// rather than pasted in as literals: third-party hostile inputs (see
// testdata/SOURCES.md) and the project's own fixtures. Everything read here
// is inside the repository, so a fresh clone seeds the same way.

// jsonTestSuite returns the JSONTestSuite documents: duplicate keys, deep
// nesting, a BOM, bad UTF-8, lone surrogates, huge numbers.
func jsonTestSuite(tb testing.TB) [][]byte {
	tb.Helper()
	return readAll(tb, "testdata/hostile/jsontestsuite/*.json")
}

// wycheproofTokens returns every JWS and JWE in the Wycheproof files: the
// compact ones as text, the JSON serializations as their JSON. The JWS file
// is the repository-wide copy that verify/ also reads.
func wycheproofTokens(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, file := range []string{
		"../testdata/wycheproof/json_web_signature_test.json",
		"testdata/hostile/wycheproof/json_web_crypto_test.json",
		"testdata/hostile/wycheproof/json_web_key_test.json",
	} {
		out = append(out, wycheproofCases(tb, file)...)
	}
	return out
}

// wycheproofCases reads the "jws" and "jwe" members of every test in one
// Wycheproof file.
func wycheproofCases(tb testing.TB, file string) []string {
	tb.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		tb.Fatal(err)
	}
	var doc struct {
		TestGroups []struct {
			Tests []map[string]json.RawMessage `json:"tests"`
		} `json:"testGroups"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		tb.Fatalf("%s: %v", file, err)
	}
	var out []string
	for _, g := range doc.TestGroups {
		for _, tc := range g.Tests {
			for _, k := range []string{"jws", "jwe"} {
				raw, ok := tc[k]
				if !ok {
					continue
				}
				var s string
				if json.Unmarshal(raw, &s) == nil {
					out = append(out, s)
				} else {
					out = append(out, string(raw))
				}
			}
		}
	}
	if len(out) == 0 {
		tb.Fatalf("%s: no test cases", file)
	}
	return out
}

// staticTokens returns the fixture tokens signed with the demo key.
func staticTokens(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, b := range readAll(tb, "../fixtures/testdata/static/*.jwt") {
		out = append(out, strings.TrimSpace(string(b)))
	}
	return out
}

// fixtureDocuments returns the fixture claim sets and every sample policy
// (JSON and YAML).
func fixtureDocuments(tb testing.TB) [][]byte {
	tb.Helper()
	out := readAll(tb, "../fixtures/claims/*.json")
	err := filepath.WalkDir("../fixtures/policies", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) == ".md" {
			return err
		}
		b, err := os.ReadFile(path)
		out = append(out, b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

func readAll(tb testing.TB, pattern string) [][]byte {
	tb.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		tb.Fatalf("no seed files match %s (%v)", pattern, err)
	}
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// asPayload wraps a document as the payload of a compact JWS, so the
// decoder's JSON reading is reached through the token path too.
func asPayload(doc []byte) string {
	enc := base64.RawURLEncoding
	return enc.EncodeToString([]byte(`{"alg":"RS256"}`)) + "." + enc.EncodeToString(doc) + "." + enc.EncodeToString([]byte("sig"))
}

// addCorpusSeeds seeds a target that reads pasted text: tokens as pasted,
// hostile JSON both pasted and inside a token.
func addCorpusSeeds(f *testing.F) {
	for _, tok := range staticTokens(f) {
		f.Add([]byte(tok))
	}
	for _, tok := range wycheproofTokens(f) {
		f.Add([]byte(tok))
	}
	for _, doc := range jsonTestSuite(f) {
		if len(doc) > maxTextSeed {
			continue
		}
		f.Add(doc)
		f.Add([]byte(asPayload(doc)))
	}
}

// maxTextSeed keeps the 100,000-bracket document out of the pasted-text
// targets: the fuzzer minimizes every new input it finds, and minimizing
// one that large stalls a run for seconds at a time. Decoding rejects it
// before reading it (over the size limit), the 500-level document covers
// deep nesting, and FuzzParseJSON still starts from it.
const maxTextSeed = 8 << 10

// addJSONSeeds seeds a target that reads a JSON document.
func addJSONSeeds(f *testing.F) {
	for _, doc := range jsonTestSuite(f) {
		f.Add(doc)
	}
	for _, doc := range fixtureDocuments(f) {
		f.Add(doc)
	}
}
