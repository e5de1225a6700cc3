package testseeds

import (
	"encoding/json"
	"io/fs"
	"testing"
)

// JSONTestSuiteDir holds the JSONTestSuite documents, from the module root.
const JSONTestSuiteDir = "decode/testdata/hostile/jsontestsuite"

// JSONTestSuite returns the JSONTestSuite documents: duplicate keys, deep
// nesting, a BOM, bad UTF-8, lone surrogates, huge numbers.
func JSONTestSuite(tb testing.TB) [][]byte {
	tb.Helper()
	return Files(tb, JSONTestSuiteDir+"/*.json")
}

// WycheproofTokens returns every JWS and JWE in the Wycheproof files
// (hostile algorithms, keys and encodings): the compact ones as text, the
// JSON serializations as their JSON.
func WycheproofTokens(tb testing.TB) []string {
	tb.Helper()
	repo := repo(tb)
	var out []string
	for _, file := range []string{
		// The repository-wide copy that verify/ also reads.
		"testdata/wycheproof/json_web_signature_test.json",
		// Copied in with the hostile corpus.
		"decode/testdata/hostile/wycheproof/json_web_crypto_test.json",
		"decode/testdata/hostile/wycheproof/json_web_key_test.json",
	} {
		b, err := fs.ReadFile(repo, file)
		if err != nil {
			tb.Fatal(err)
		}
		cases, err := wycheproofCases(b)
		if err != nil {
			tb.Fatalf("%s: %v", file, err)
		}
		if len(cases) == 0 {
			tb.Fatalf("%s: no test cases", file)
		}
		out = append(out, cases...)
	}
	return out
}

// wycheproofCases reads the "jws" and "jwe" members of every test in one
// Wycheproof file.
func wycheproofCases(file []byte) ([]string, error) {
	var doc struct {
		TestGroups []struct {
			Tests []map[string]json.RawMessage `json:"tests"`
		} `json:"testGroups"`
	}
	if err := json.Unmarshal(file, &doc); err != nil {
		return nil, err
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
	return out, nil
}

// MaxTextSeed is the largest document worth seeding a target that reads
// pasted text, builds tokens or renders strings. It keeps the
// 100,000-bracket JSONTestSuite document out: the fuzzer minimizes every
// new input it finds, and minimizing one that large stalls a run for
// seconds at a time. Decoding rejects it before reading it (over the size
// limit), and the 500-level document covers deep nesting.
const MaxTextSeed = 8 << 10

// Small returns the documents of at most MaxTextSeed bytes, in order.
func Small(docs [][]byte) [][]byte {
	var out [][]byte
	for _, d := range docs {
		if len(d) <= MaxTextSeed {
			out = append(out, d)
		}
	}
	return out
}
