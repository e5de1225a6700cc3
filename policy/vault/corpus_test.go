package vault

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// The third-party cases rewritten from vault-plugin-auth-jwt's
// claims_test.go (testdata/SOURCES.md). Every case runs; none is skipped.
//
// Bound-claims cases run twice:
//   - through the matcher (lookup + matchFound), with values typed as the
//     upstream Go test types them: an untyped number is the same Go type on
//     both sides (upstream writes Go int literals), {"$go_type":…} gives the
//     type explicitly, and getClaim's float64 → json.Number conversion
//     applies to a top-level float;
//   - through the evaluator, with the claims as a real token's JSON: there
//     encoding/json makes every number float64, and getClaim converts only
//     the value it returns, so a number inside a list stays float64 and
//     never equals a bound json.Number. That is exactly one upstream case,
//     "valid - non-string claim" ([42] against [42]): it matches at the
//     matcher level, as upstream asserts, and is refused through a JSON
//     token, as a real Vault login refuses it.

type corpus struct {
	BoundClaims []struct {
		Name          string          `json:"name"`
		Type          string          `json:"bound_claims_type"`
		BoundClaims   json.RawMessage `json:"bound_claims"`
		Claims        json.RawMessage `json:"claims"`
		ExpectedMatch bool            `json:"expected_match"`
	} `json:"bound_claims_cases"`
	Audience []struct {
		Bound         []string `json:"bound_audiences"`
		Aud           []string `json:"token_aud"`
		Strict        bool     `json:"strict"`
		ExpectedValid bool     `json:"expected_valid"`
	} `json:"audience_cases"`
	GetClaim struct {
		Claims json.RawMessage `json:"claims"`
		Cases  []struct {
			Path     string          `json:"claim_path"`
			Expected json.RawMessage `json:"expected_value"`
		} `json:"cases"`
	} `json:"get_claim"`
}

func loadCorpus(t *testing.T) corpus {
	t.Helper()
	raw, err := os.ReadFile("testdata/vault-jwt-bound-claims.json")
	if err != nil {
		t.Fatalf("reading the corpus: %v", err)
	}
	var c corpus
	if err := json.Unmarshal(raw, &c); err != nil {
		t.Fatalf("decoding the corpus: %v", err)
	}
	// The counts of the copied file: a changed file must be looked at.
	if len(c.BoundClaims) != 31 || len(c.Audience) != 9 || len(c.GetClaim.Cases) != 10 {
		t.Fatalf("corpus holds %d bound-claims, %d audience and %d get-claim cases; want 31, 9 and 10",
			len(c.BoundClaims), len(c.Audience), len(c.GetClaim.Cases))
	}
	return c
}

func jsonValue(t *testing.T, raw []byte) decode.Value {
	t.Helper()
	v, errs := decode.ParseJSON("corpus", raw)
	if len(errs) > 0 {
		t.Fatalf("corpus value %s: %v", raw, errs)
	}
	return v
}

// goType returns the explicit Go type of a {"$go_type":T,"value":N} marker.
func goType(v decode.Value) (string, decode.Value, bool) {
	if v.Kind != decode.Object {
		return "", v, false
	}
	t, ok := v.Str("$go_type")
	inner, hasValue := v.Get("value")
	return t, inner, ok && hasValue
}

// untyped replaces the markers by their plain JSON numbers.
func untyped(v decode.Value) decode.Value {
	if _, inner, ok := goType(v); ok {
		return inner
	}
	out := v
	switch v.Kind {
	case decode.Array:
		out.Items = make([]decode.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = untyped(it)
		}
	case decode.Object:
		out.Members = make([]decode.Member, len(v.Members))
		for i, m := range v.Members {
			m.Value = untyped(m.Value)
			out.Members[i] = m
		}
	}
	return out
}

// goScalar types a value as the upstream Go test does.
func goScalar(v decode.Value) value {
	if t, inner, ok := goType(v); ok {
		if t == "float64" || t == "float32" {
			return value{kind: kFloat, text: inner.Text}
		}
		return value{kind: kNumber, text: inner.Text}
	}
	return boundValue(v) // untyped numbers: the same Go type on both sides
}

// goList is normalizeList over Go-typed values, after getClaim's
// conversion of a returned float.
func goList(v decode.Value) ([]value, bool) {
	top := goScalar(v)
	if top.kind == kFloat {
		f := claimValue(decode.Value{Kind: decode.Number, Text: top.text})
		top = f
	}
	var items []value
	for _, it := range v.Items {
		items = append(items, goScalar(it))
	}
	return normalizeList(top, items)
}

// matcherLevel runs validateBoundClaims's loop with Go-typed values.
func matcherLevel(t *testing.T, typ string, bound, claims decode.Value) bool {
	t.Helper()
	for _, m := range bound.Members {
		f := lookup(claims, m.Key)
		if !f.ok {
			return false
		}
		act, ok := goList(f.val)
		if !ok {
			return false
		}
		var exp []value
		if _, _, typed := goType(m.Value); typed {
			exp = []value{goScalar(m.Value)}
		} else if exp, ok = boundList(m.Value); !ok {
			return false
		}
		match, errMsg := matchFound(exp, act, typ == TypeGlob)
		if errMsg != "" || !match {
			return false
		}
	}
	return true
}

// evaluatorLevel compiles a role with the bound claims and evaluates its
// bound-claims conditions against the claims as a JSON token.
func evaluatorLevel(t *testing.T, typ string, bound, claims decode.Value) (bool, policy.Result) {
	t.Helper()
	boundJSON, _ := untyped(bound).MarshalJSON()
	claimsJSON, _ := untyped(claims).MarshalJSON()
	doc := `{"role_type":"jwt","user_claim":"x","bound_audiences":["a"],"bound_claims_type":` + quoteJSON(typ) + `,"bound_claims":` + string(boundJSON) + `}`
	pol := parseOne(t, doc)
	res := pol.Evaluate(policytest.Payload(t, string(claimsJSON)))
	for _, c := range res.Conditions {
		if strings.HasPrefix(c.Group, "bound_claims") && c.Result != policy.Pass {
			return false, res
		}
	}
	return true, res
}

func numberInList(v decode.Value) bool {
	for _, m := range v.Members {
		if m.Value.Kind == decode.Array {
			for _, it := range m.Value.Items {
				if it.Kind == decode.Number {
					return true
				}
			}
		}
	}
	return false
}

func TestCorpusBoundClaims(t *testing.T) {
	c := loadCorpus(t)
	ran, diverged := 0, 0
	for _, tc := range c.BoundClaims {
		bound, claims := jsonValue(t, tc.BoundClaims), jsonValue(t, tc.Claims)
		if got := matcherLevel(t, tc.Type, bound, claims); got != tc.ExpectedMatch {
			t.Errorf("%s (matcher): match = %v, upstream expects %v", tc.Name, got, tc.ExpectedMatch)
		}
		want := tc.ExpectedMatch
		if numberInList(claims) {
			want = false // a float64 inside a token list never equals a bound json.Number
			diverged++
			if tc.Name != "valid - non-string claim" {
				t.Errorf("%s: unexpected list of numbers in the claims; only \"valid - non-string claim\" has one", tc.Name)
			}
		}
		got, res := evaluatorLevel(t, tc.Type, bound, claims)
		if got != want {
			t.Errorf("%s (evaluator, JSON token): match = %v, want %v; conditions %+v", tc.Name, got, want, res.Conditions)
		}
		if numberInList(claims) && !policytest.HasDiagnosis(policytest.ConditionWith(t, res, `"foo"`), "float64") {
			t.Errorf("%s: the refusal should explain that list numbers stay float64: %+v", tc.Name, res.Conditions)
		}
		ran++
	}
	if ran != 31 || diverged != 1 {
		t.Errorf("ran %d bound-claims cases (%d where a JSON token differs from upstream's Go literals); want 31 and 1", ran, diverged)
	}
}

func TestCorpusAudience(t *testing.T) {
	c := loadCorpus(t)
	ran := 0
	for i, tc := range c.Audience {
		got := validateAudience(tc.Bound, tc.Aud, tc.Strict) == ""
		if got != tc.ExpectedValid {
			t.Errorf("case %d %+v: valid = %v, upstream expects %v", i, tc, got, tc.ExpectedValid)
		}
		// Through the evaluator: Vault's login is always strict, so a role
		// without bound_audiences refuses a token with a non-empty aud even
		// where the non-strict upstream case accepts it.
		want := tc.ExpectedValid
		if len(tc.Bound) == 0 && !tc.Strict {
			want = false
		}
		audJSON, _ := json.Marshal(tc.Aud)
		boundJSON, _ := json.Marshal(tc.Bound)
		pol := parseOne(t, `{"role_type":"jwt","user_claim":"repository","bound_audiences":`+string(boundJSON)+`,"bound_claims":{"repository_id":"74"}}`)
		res := pol.Evaluate(tokenWith(t, map[string]string{"aud": string(audJSON)}))
		if got := policytest.ConditionWith(t, res, "bound_audiences").Result == policy.Pass; got != want {
			t.Errorf("case %d %+v (evaluator): aud passes = %v, want %v", i, tc, got, want)
		}
		ran++
	}
	if ran != 9 {
		t.Errorf("ran %d audience cases, want 9", ran)
	}
}

func TestCorpusGetClaim(t *testing.T) {
	c := loadCorpus(t)
	claims := jsonValue(t, c.GetClaim.Claims)
	ran := 0
	for _, tc := range c.GetClaim.Cases {
		f := lookup(claims, tc.Path)
		exp := jsonValue(t, tc.Expected)
		if exp.Kind == decode.Null {
			if f.ok {
				t.Errorf("getClaim(%q) = %s, upstream expects nil", tc.Path, rawText(f.val))
			}
		} else {
			want := goScalar(exp)
			if !f.ok {
				t.Errorf("getClaim(%q) found nothing (%s), upstream expects %s", tc.Path, f.why, want.describe())
			} else if got := claimValue(f.val); got != want {
				t.Errorf("getClaim(%q) = %s, upstream expects %s", tc.Path, got.describe(), want.describe())
			}
		}
		ran++
	}
	if ran != 10 {
		t.Errorf("ran %d get-claim cases, want 10", ran)
	}
}
