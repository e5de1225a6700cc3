package k8scel

import (
	"testing"

	"cel.dev/cel-go/cel"
)

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes semver
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestSemverLib(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `isSemver('1.0.0')`, want: "true"},                           // docs
		{expr: `isSemver('v1.0')`, want: "false"},                           // docs
		{expr: `isSemver('v1.0', true)`, want: "true"},                      // docs
		{expr: `semver('1.0.0').isLessThan(semver('1.1.0'))`, want: "true"}, // docs
		{expr: `semver('1.2.3').major()`, want: "1"},                        // docs
		{expr: `semver('2.0.0').compareTo(semver('1.0.0'))`, want: "1"},     // docs
		{expr: `semver('v01.02', true).minor()`, want: "2"},
		{expr: `semver('1', true).patch()`, want: "0"},
		{expr: `semver('1.0.0+a') == semver('1.0.0+b')`, want: "true"},
		{expr: `semver('1.0.0-alpha').isLessThan(semver('1.0.0'))`, want: "true"},
		{expr: `semver('18446744073709551615.0.0').major()`, want: "-1"},
		// normalize keeps no spaces and no upper-case V.
		{expr: `semver('1.2.3 ', true)`, fails: "runtime"},
		{expr: `semver('V1.2.3', true)`, fails: "runtime"},
		{expr: `semver('1.2+b', true)`, fails: "runtime"},
		{expr: `semver('1.2.3-01')`, fails: "runtime"},
		{expr: `semver('v1.2.3')`, fails: "runtime"},
	})
}

// Version 0 has no normalize argument.
func TestSemverVersionZeroHasNoNormalize(t *testing.T) {
	env, err := cel.NewEnv(SemverLib())
	if err != nil {
		t.Fatal(err)
	}
	if _, iss := env.Compile(`semver('1.0.0', true)`); iss.Err() == nil {
		t.Fatal("semver(string, bool) compiled in version 0")
	}
	if _, iss := env.Compile(`semver('1.0.0')`); iss.Err() != nil {
		t.Fatal(iss.Err())
	}
}
