package octosts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Probes: rather than guess what a pattern means from its text, these
// lints run the pattern, compiled as octo-sts compiles it, against values
// nobody should be able to present.

var ownerInPattern = lazyre.New(`repo:([A-Za-z0-9][A-Za-z0-9-]*)`)

// ownersIn finds the owner a subject pattern is about (repo:OWNER/…).
func ownersIn(p string) []string {
	var out []string
	for _, m := range ownerInPattern().FindAllStringSubmatch(p, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

const probeRepo = "oidcscope-probe-repo"

func repoProbes(owner string) []string {
	return []string{
		"repo:" + owner + "/" + probeRepo + ":ref:refs/heads/main",
		"repo:" + owner + "/" + probeRepo + ":environment:prod",
		"repo:" + owner + "/" + probeRepo + ":pull_request",
		"repo:" + owner + "@1/" + probeRepo + "@2:ref:refs/heads/main",
	}
}

// anyRepoLint probes the subject pattern, as octo-sts compiles it, with
// subjects of a repository nobody listed: one of an unknown owner, then
// one of each owner the pattern or the token names (as far as m pays for:
// a lint may stay silent, a verdict may not).
func anyRepoLint(m *meter, tp *trustPolicy, f *field, owners []string) (policy.Finding, bool) {
	pinned := tp.claimPinned("repository_id") || tp.claimPinned("repository")
	sev := func(s string) string {
		if pinned {
			return policy.SevInfo
		}
		return s
	}
	mitigation := ""
	if pinned {
		mitigation = " (claim_pattern on repository_id or repository narrows it again)"
	} else {
		mitigation = "; pin the repository in the subject, or add claim_pattern repository_id"
	}
	for _, p := range repoProbes("oidcscope-probe-owner") {
		if hit, _ := m.match(f, f.re, p); hit {
			return policy.Finding{Rule: RuleSubjectAnyRepo, Severity: sev(policy.SevError), Message: fmt.Sprintf(
				"subject_pattern %s accepts a repository of any owner (it matches %s): with GitHub's issuer, any workflow on GitHub can use this policy%s",
				yamlQuote(f.value), escape.Quoted(p), mitigation)}, true
		}
	}
	for _, o := range owners {
		for _, p := range repoProbes(o) {
			if hit, _ := m.match(f, f.re, p); hit {
				return policy.Finding{Rule: RuleSubjectAnyRepo, Severity: sev(policy.SevWarning), Message: fmt.Sprintf(
					"subject_pattern %s accepts every repository of %s (it matches %s), including ones created later%s",
					yamlQuote(f.value), o, escape.Quoted(p), mitigation)}, true
			}
		}
	}
	return policy.Finding{}, false
}

func (tp *trustPolicy) claimPinned(claim string) bool {
	_, ok := tp.doc.ClaimPattern[claim]
	return ok
}

var issuerProbes = []string{
	"https://oidcscope-probe.example",
	"https://token.actions.githubusercontent.com.oidcscope-probe.example",
	"https://oidcscope-probe.example/token.actions.githubusercontent.com",
	"https://oidcscope-probe.example/_services/token",
}

// broadIssuerLint probes issuer_pattern with issuers on hosts nobody
// vetted, and with the pattern's own host spelt with "-" for each
// unescaped ".".
func broadIssuerLint(m *meter, f *field) (policy.Finding, bool) {
	probes := issuerProbes
	if lookalike := dotsToDashes(f.value); lookalike != "" {
		probes = append(slices.Clone(probes), lookalike)
	}
	for _, p := range probes {
		if hit, _ := m.match(f, f.re, p); hit {
			return policy.Finding{Rule: RuleIssuerBroad, Severity: policy.SevError, Message: fmt.Sprintf(
				"issuer_pattern %s accepts issuers on hosts nobody vetted (it matches %s): octo-sts fetches keys from whatever issuer a token names, so whoever serves OIDC discovery there can mint tokens with any sub this policy accepts; use issuer: with the exact URL, or escape the dots and bound each part, e.g. %s",
				yamlQuote(f.value), escape.Quoted(p), yamlQuote(`https://token\.actions\.githubusercontent\.com(?:/[a-z0-9-]+)?`))}, true
		}
	}
	return policy.Finding{}, false
}

// dotsToDashes turns a plain issuer pattern (letters, digits, "-", "/",
// ":", "_", escaped and unescaped dots) into a lookalike it accepts: the
// host with every unescaped dot but the TLD's spelt "-", e.g.
// https://token-actions-githubusercontent.com, a domain anyone can
// register. "" when there is no such lookalike.
func dotsToDashes(p string) string {
	var b strings.Builder
	type dot struct {
		at      int // offset in b
		escaped bool
	}
	var dots []dot // the dots of the host
	inHost := false
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\' && i+1 < len(p) && p[i+1] == '.', c == '.':
			if inHost {
				dots = append(dots, dot{b.Len(), c == '\\'})
			}
			b.WriteByte('.')
			if c == '\\' {
				i++
			}
		case isWordByte(c) || strings.IndexByte("-/:_", c) >= 0:
			if c == '/' && inHost {
				inHost = false
			}
			b.WriteByte(c)
			if strings.HasSuffix(b.String(), "://") {
				inHost = true
			}
		default:
			return ""
		}
	}
	if len(dots) < 2 {
		return ""
	}
	out := []byte(b.String())
	changed := false
	for _, d := range dots[:len(dots)-1] { // the last dot separates the TLD
		if !d.escaped {
			out[d.at] = '-'
			changed = true
		}
	}
	if !changed {
		return ""
	}
	return string(out)
}
