package celclaims

import (
	"errors"
	"slices"
	"testing"
)

// TestPins: the ID terms and a scope's term are read from the root the
// provider names, quoted as CEL strings; a claim the suggestion needs and
// the token lacks stops it with need's error, naming why.
func TestPins(t *testing.T) {
	errMissing := errors.New("missing")
	claims := map[string]string{"repository_owner_id": "65", "repository_id": "7'4", "ref": "refs/heads/main"}
	var whys []string
	need := func(claim, why string) (string, error) {
		whys = append(whys, why)
		if v, ok := claims[claim]; ok {
			return v, nil
		}
		return "", errMissing
	}
	owner, repo, terms, err := IDTerms("claims", "the rule", need)
	if err != nil || owner != "65" || repo != "7'4" {
		t.Fatalf("IDTerms: %q %q %v", owner, repo, err)
	}
	ref, err := Scoped{Claim: "ref", Why: "the scope pins ref"}.Pin(&terms, "claims", need)
	if err != nil || ref != "refs/heads/main" {
		t.Fatalf("Pin ref: %q %v", ref, err)
	}
	want := []string{"claims.repository_owner_id == '65'", `claims.repository_id == '7\'4'`, "claims.ref == 'refs/heads/main'"}
	if !slices.Equal(terms, want) {
		t.Errorf("terms %q, want %q", terms, want)
	}
	if want := []string{"the rule pins the owner by ID", "the rule pins the repository by ID", "the scope pins ref"}; !slices.Equal(whys, want) {
		t.Errorf("reasons %q, want %q", whys, want)
	}
	if _, err := (Scoped{Claim: "environment", Why: "w"}).Pin(&terms, "claims", need); !errors.Is(err, errMissing) || len(terms) != 3 {
		t.Errorf("a missing claim: %v, terms %q", err, terms)
	}
	delete(claims, "repository_id")
	if _, _, _, err := IDTerms("assertion", "the condition", need); !errors.Is(err, errMissing) {
		t.Errorf("IDTerms without repository_id: %v", err)
	}
}
