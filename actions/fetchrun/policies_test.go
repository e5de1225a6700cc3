package fetchrun

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
)

func TestPolicySet(t *testing.T) {
	if PolicySet(nil) != nil {
		t.Error("a set of no policies")
	}
	s := PolicySet(policiesOf("a", "b"))
	res := s.Evaluate(policy.NewToken(decode.Value{Kind: decode.Object}))
	if s.Len() != 2 || len(res) != 2 || s.Failed() {
		t.Errorf("len %d, %d results, failed %v", s.Len(), len(res), s.Failed())
	}
}

func TestLoadPoliciesRecordsParsed(t *testing.T) {
	set := policyset.Loader{}.Load([]string{"../../fixtures/policies/gcp/octo-repo-main.json", "no/such.json"}, []string{"../../fixtures/policies/octo-sts"}, nil)
	pols, failures := set.Policies(), set.Failures()
	var names []string
	for _, p := range pols {
		names = append(names, fmt.Sprintf("%s:%s", p.Provider(), strings.Join(policy.Audiences(p), ",")))
	}
	want := []string{"gcp:sts.amazonaws.com", "octo-sts:https://github.com/octo-org", "octo-sts:sts.amazonaws.com", "octo-sts:api://AzureADTokenExchange", "octo-sts:https://github.com/octo-org"}
	if !slices.Equal(names, want) {
		t.Errorf("loaded %q, want %q", names, want)
	}
	if len(failures) != 1 || failures[0].Source != "no/such.json" {
		t.Errorf("failures %+v", failures)
	}
}
