package verify

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
)

// Wycheproof JSON Web Signature vectors (C2SP/wycheproof
// testvectors_v1/json_web_signature_test.json, see testdata/SOURCES.md).
//
// Every "invalid" case must be rejected. Every "valid" case must verify,
// except those listed in wycheproofValidExceptions, each with the reason
// oidcscope is deliberately stricter than Wycheproof there.

type wycheproofFile struct {
	NumberOfTests int `json:"numberOfTests"`
	TestGroups    []struct {
		Comment string          `json:"comment"`
		Public  json.RawMessage `json:"public"`
		Private json.RawMessage `json:"private"`
		Tests   []struct {
			TcID    int             `json:"tcId"`
			Comment string          `json:"comment"`
			JWS     json.RawMessage `json:"jws"` // a string (compact) or an object (JSON serialization)
			Result  string          `json:"result"`
			Flags   []string        `json:"flags"`
		} `json:"tests"`
	} `json:"testGroups"`
}

type wycheproofException struct {
	cause error // what the rejection must match (errors.Is)
	why   string
}

// wycheproofValidExceptions are "valid" cases oidcscope rejects on purpose.
var wycheproofValidExceptions = map[int]wycheproofException{
	// Wycheproof's own comments name these InvalidCharacterInsertedInHeader
	// / …InPayload: a '?' is inserted in the base64url text. It lists them
	// as valid because some libraries skip non-alphabet characters; RFC 7515
	// §2 base64url has exactly one encoding per byte string, and decode
	// rejects the segment (ErrBase64Alphabet), so the token is malformed.
	372: {ErrMalformed, "'?' inserted in the header segment: strict base64url rejects it (ErrMalformed)"},
	373: {ErrMalformed, "'?' inserted in the payload segment: strict base64url rejects it (ErrMalformed)"},
	// RFC 7520 §4.2 (Figure 20) is a PS384 signature, but these groups'
	// JWK says "alg":"PS256". RFC 7517 §4.4 "alg" is the algorithm the key
	// is intended for; a JWK whose alg differs from the token's is refused
	// (ErrKeyMismatch; today keyfunc does this in the kid lookup).
	346: {ErrKeyMismatch, `JWK alg "PS256" vs token alg "PS384": JWK alg mismatch refused (ErrKeyMismatch)`},
	350: {ErrKeyMismatch, `JWK alg "PS256" vs token alg "PS384": JWK alg mismatch refused (ErrKeyMismatch)`},
	// RFC 7520 §4.3 (Figure 27) is ES512 (P-521), but these groups' JWK says
	// "alg":"ES521", which is no JWS algorithm: JWK alg and token alg are
	// compared byte for byte and the mismatch is refused.
	347: {ErrKeyMismatch, `JWK alg "ES521" (not a JWS alg) vs token alg "ES512": JWK alg mismatch refused (ErrKeyMismatch)`},
	351: {ErrKeyMismatch, `JWK alg "ES521" (not a JWS alg) vs token alg "ES512": JWK alg mismatch refused (ErrKeyMismatch)`},
}

// wycheproofDefectiveInvalid are "invalid" cases whose data contradicts
// another case: their jws text is byte-identical to the named "valid" case,
// under the same key, so no verifier can satisfy both labels. Upstream
// tracks this as C2SP/wycheproof#236 (the padding the comments speak of was
// lost when the vectors were generated). The test checks the identity, so
// a fixed upstream file makes this list fail loudly instead of hiding a case.
var wycheproofDefectiveInvalid = map[int]int{
	367: 357, // invalidBase64Padding: same text as ValidMac (no '=' anywhere)
	370: 357, // invalidBase64PaddingInPayload: same text as ValidMac
}

func TestWycheproofJWS(t *testing.T) {
	var wf wycheproofFile
	if err := json.Unmarshal(readTestdata(t, "wycheproof/json_web_signature_test.json"), &wf); err != nil {
		t.Fatalf("wycheproof file: %v", err)
	}
	// Payloads are not JWTs: evaluate at a fixed instant; only the
	// signature matters here.
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

	var (
		total, invalid, invalidRejected, valid, validAccepted int
		excepted                                              []int
		rejectedBy                                            = map[string]int{}
		defective                                             []int
		textByID                                              = map[int]string{}
		keyByID                                               = map[int]string{}
	)
	seenException := map[int]bool{}
	for gi, g := range wf.TestGroups {
		keyJSON := g.Public
		if len(keyJSON) == 0 {
			keyJSON = g.Private // oct groups have only "private"
		}
		ks, keyErr := ParseJWKS(keyJSON, SourceJWK, fmt.Sprintf("wycheproof group %d (%s)", gi, g.Comment))
		for _, tc := range g.Tests {
			total++
			name := fmt.Sprintf("tcId %d (group %d %s, %s, flags %v)", tc.TcID, gi, g.Comment, tc.Comment, tc.Flags)

			// The jws string is fed exactly: no paste extraction.
			var text string
			if err := json.Unmarshal(tc.JWS, &text); err != nil {
				text = string(tc.JWS) // JSON serialization: an object
			}
			textByID[tc.TcID], keyByID[tc.TcID] = text, string(keyJSON)
			var status Status
			var why string
			var cause error
			tok, perr := decode.Parse(text)
			switch {
			case keyErr != nil:
				status, why, cause = StatusInvalid, "key: "+keyErr.Error(), keyErr
			case perr != nil:
				status, why, cause = StatusInvalid, "decode: "+perr.Error(), perr
			default:
				res := Verify(tok, Options{Keys: ks, At: at})
				status, why, cause = res.Signature.Status, res.Signature.Reason, res.Signature.Err
				if status == StatusValid && res.Signature.Err != nil {
					t.Errorf("%s: valid with a non-nil Err %v", name, res.Signature.Err)
				}
			}

			switch tc.Result {
			case "invalid":
				invalid++
				if twin, ok := wycheproofDefectiveInvalid[tc.TcID]; ok && status == StatusValid {
					if textByID[twin] != text || keyByID[twin] != string(keyJSON) {
						t.Errorf("%s: listed as defective (identical to valid tcId %d) but its jws or key differs now: remove it from wycheproofDefectiveInvalid", name, twin)
						continue
					}
					defective = append(defective, tc.TcID)
					t.Logf("defective data %s: byte-identical to valid tcId %d (C2SP/wycheproof#236); verifies as %d does", name, twin, twin)
					continue
				}
				if status == StatusValid {
					t.Errorf("%s: invalid case reported valid (%s); a strict verifier must reject it", name, why)
					continue
				}
				invalidRejected++
				rejectedBy[firstWords(why)]++
			case "valid":
				valid++
				ex, isException := wycheproofValidExceptions[tc.TcID]
				switch {
				case status == StatusValid && isException:
					t.Errorf("%s: listed as an exception (%s) but now verifies: drop it from wycheproofValidExceptions", name, ex.why)
				case status == StatusValid:
					validAccepted++
				case isException:
					seenException[tc.TcID] = true
					excepted = append(excepted, tc.TcID)
					if !errors.Is(cause, ex.cause) {
						t.Errorf("%s: exception expects rejection by %v (%s), got %s: %v", name, ex.cause, ex.why, status, cause)
					}
					t.Logf("exception %s: %s — got %s: %s", name, ex.why, status, why)
				default:
					t.Errorf("%s: valid case not verified: %s: %s", name, status, why)
				}
			default:
				t.Errorf("%s: result %q not handled by this test (acceptable cases need a policy)", name, tc.Result)
			}
		}
	}

	for id, ex := range wycheproofValidExceptions {
		if !seenException[id] {
			t.Errorf("exception tcId %d (%s) was not exercised: the file changed, prune the list", id, ex.why)
		}
	}
	if total != wf.NumberOfTests {
		t.Errorf("ran %d cases, the file says numberOfTests = %d: cases were skipped", total, wf.NumberOfTests)
	}
	if invalid+valid != total {
		t.Errorf("invalid %d + valid %d != total %d", invalid, valid, total)
	}
	// Counts from the file at C2SP/wycheproof@dac1dd47 (401 = 355 invalid + 46 valid).
	if invalid != 355 || valid != 46 {
		t.Errorf("file has %d invalid and %d valid cases, want 355 and 46 (testdata changed?)", invalid, valid)
	}
	if len(defective) != len(wycheproofDefectiveInvalid) {
		t.Errorf("defective invalid cases seen %v, want all of %v", defective, wycheproofDefectiveInvalid)
	}
	if invalidRejected+len(defective) != invalid {
		t.Errorf("invalid rejected %d/%d (+%d defective): every other invalid case must be rejected", invalidRejected, invalid, len(defective))
	}
	slices.Sort(excepted)
	t.Logf("Wycheproof JWS: %d cases; invalid rejected %d/%d (defective, identical to a valid case: %v); valid accepted %d/%d (exceptions %v)",
		total, invalidRejected, invalid, defective, validAccepted, valid, excepted)
	reasons := make([]string, 0, len(rejectedBy))
	for r, n := range rejectedBy {
		reasons = append(reasons, fmt.Sprintf("%4d  %s", n, r))
	}
	sort.Strings(reasons)
	t.Logf("invalid cases by rejection reason:\n%s", strings.Join(reasons, "\n"))
}

// firstWords groups rejection reasons for the log.
func firstWords(s string) string {
	if i := strings.IndexAny(s, ":("); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
