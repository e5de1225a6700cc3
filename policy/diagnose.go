package policy

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Expected audiences per provider, for the aud diagnosis.
var DefaultAudience = map[string]string{
	AWS:   "sts.amazonaws.com",
	Entra: "api://AzureADTokenExchange",
	GCP:   "https://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>",
}

// Absent explains a claim the token does not carry.
func Absent(claim string) string {
	switch claim {
	case "environment":
		return "the token has no environment claim: the job does not reference an environment (add `environment: <name>` to the job)"
	}
	return "the token has no " + claim + " claim"
}

// Mismatch explains why actual equals none of the expected values under an
// exact comparison. provider names who compares (for the case note and the
// audience hint); caseSensitive says how it compares.
func Mismatch(provider, claim string, expected []string, actual string, caseSensitive bool) []string {
	var out []string
	best := closest(expected, actual)
	if caseSensitive && strings.EqualFold(best, actual) {
		out = append(out, fmt.Sprintf("differs only in case: %s compares %s case-sensitively", ProviderName(provider), claim))
	}
	if claim == "sub" {
		out = append(out, subForms(expected, actual)...)
	}
	if claim == "aud" {
		if want, ok := DefaultAudience[provider]; ok && actual != want {
			out = append(out, fmt.Sprintf("%s expects aud %q by default; request the token with that audience", ProviderName(provider), want))
		}
	}
	out = append(out, Align(best, actual)...)
	return out
}

// PatternMismatch explains a failed wildcard or regular-expression match:
// the sub form checks, and where the pattern's literal prefix stops fitting.
func PatternMismatch(provider, claim string, patterns []string, actual string, literalPrefix func(string) string) []string {
	var out []string
	if claim == "sub" {
		out = append(out, subForms(patterns, actual)...)
	}
	for _, p := range patterns {
		prefix := literalPrefix(p)
		if strings.HasPrefix(actual, prefix) {
			continue
		}
		if strings.EqualFold(actual[:min(len(actual), len(prefix))], prefix) {
			out = append(out, fmt.Sprintf("pattern %q differs from the token only in case before its first wildcard; %s matches case-sensitively", p, ProviderName(provider)))
		}
		out = append(out, Align(prefix, actual[:min(len(actual), len(prefix)+16)])...)
		break
	}
	return out
}

// WildcardInEquality warns when a value compared literally contains
// wildcard characters, a common slip (StringEquals with "repo:o/r:*").
func WildcardInEquality(op string, values []string) string {
	for _, v := range values {
		if strings.ContainsAny(v, "*?") {
			return fmt.Sprintf("%q contains a wildcard, but %s compares literally", v, op)
		}
	}
	return ""
}

// Align shows two strings one above the other with a caret under the first
// difference.
func Align(expected, actual string) []string {
	if expected == actual {
		return nil
	}
	i := firstDiff(expected, actual)
	col := utf8.RuneCountInString(expected[:i])
	return []string{
		fmt.Sprintf("first difference at character %d:", col+1),
		"  expected: " + expected,
		"  token:    " + actual,
		"            " + strings.Repeat(" ", col) + "^",
	}
}

func firstDiff(a, b string) int {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Back up to a rune boundary so the caret sits under a whole character.
	for i > 0 && i < len(a) && !utf8.RuneStart(a[i]) {
		i--
	}
	return i
}

// closest picks the expected value sharing the longest prefix with actual.
func closest(expected []string, actual string) string {
	best, bestN := "", -1
	for _, e := range expected {
		n := firstDiff(strings.ToLower(e), strings.ToLower(actual))
		if n > bestN {
			best, bestN = e, n
		}
	}
	return best
}

var (
	envForm       = regexp.MustCompile(`:environment:`)
	refForm       = regexp.MustCompile(`:ref:`)
	prForm        = regexp.MustCompile(`:pull_request$`)
	immutableForm = regexp.MustCompile(`^repo:[^/:]+@[0-9]+/[^/:]+@[0-9]+:`)
	legacyForm    = regexp.MustCompile(`^repo:[^/:@]+/[^:@]+:`)
)

func subForm(s string) string {
	switch {
	case envForm.MatchString(s):
		return "environment"
	case refForm.MatchString(s):
		return "ref"
	case prForm.MatchString(s):
		return "pull_request"
	}
	return ""
}

// subForms compares the shape of GitHub subjects: which context (the job's
// environment wins over a pull request, which wins over the ref) and which
// repo form (legacy owner/name or immutable owner@ID/name@ID).
func subForms(expected []string, actual string) []string {
	var out []string
	got := subForm(actual)
	var wants []string
	for _, e := range expected {
		if f := subForm(e); f != "" && !slices.Contains(wants, f) {
			wants = append(wants, f)
		}
	}
	if got != "" && len(wants) > 0 && !slices.Contains(wants, got) {
		msg := fmt.Sprintf("the token's sub is in %s form but the policy expects %s form", got, strings.Join(wants, " or "))
		switch got {
		case "environment":
			msg += ": a job that references an environment always gets environment:<name> in sub, whatever the branch"
		case "pull_request":
			msg += ": pull request events get :pull_request, not the ref"
		case "ref":
			msg += ": a job without an environment gets ref:<ref> (add the environment to the job, or trust the ref)"
		}
		out = append(out, msg)
	}
	gotImm := immutableForm.MatchString(actual)
	for _, e := range expected {
		eImm, eLeg := immutableForm.MatchString(e), legacyForm.MatchString(e)
		switch {
		case gotImm && eLeg:
			out = append(out, "the token's sub uses the immutable form repo:OWNER@ID/REPO@ID but the policy expects the legacy form: trust both during the migration")
			return out
		case !gotImm && legacyForm.MatchString(actual) && eImm:
			out = append(out, "the policy expects the immutable form repo:OWNER@ID/REPO@ID but this repository still gets the legacy form: trust both")
			return out
		}
	}
	return out
}

// ProviderName is the display name of a provider id.
func ProviderName(p string) string {
	switch p {
	case AWS:
		return "AWS"
	case Entra:
		return "Entra"
	case GCP:
		return "Google Cloud"
	case Vault:
		return "Vault"
	case OctoSTS:
		return "octo-sts"
	case K8s:
		return "Kubernetes"
	}
	return p
}
