package policyset

import (
	"reflect"
	"testing"

	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// TestEvaluateInParallel: a set large enough to be evaluated by several
// workers gives, in load order, exactly the results of evaluating each
// policy alone — for every provider's fixture documents, allowed, denied
// and errors alike. (Run it with -race to check that compiled policies are
// safe to share.)
func TestEvaluateInParallel(t *testing.T) {
	docs := testseeds.FixtureDocuments(t)
	big := &Set{}
	for big.Len() < 2*parallelFrom {
		for i, d := range docs {
			big.Add(All(), "doc"+string(rune('A'+i%26)), d)
		}
	}
	for _, name := range []string{"push-main", "environment-prod", "other-repo"} {
		tok := policytest.FixtureToken(t, name)
		got := big.Evaluate(tok)
		if len(got) != big.Len() {
			t.Fatalf("%d results for %d policies", len(got), big.Len())
		}
		for i, p := range big.policies {
			if want := p.Evaluate(tok); !reflect.DeepEqual(got[i], want) {
				t.Fatalf("%s: result %d (%s) differs from evaluating it alone:\n got %+v\nwant %+v", name, i, p.Source(), got[i], want)
			}
		}
	}
}
