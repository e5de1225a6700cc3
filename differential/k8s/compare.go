package k8s

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// disagreement is a case on which oidcscope does not give kube-apiserver's
// answer: another verdict, both allow with another user, or both refuse
// the configuration but oidcscope does not name what kube-apiserver
// refuses.
type disagreement struct {
	what string // "verdict", "username", "groups" or "message"
	o    outcome
}

// signature identifies a disagreement for shrinking: a smaller case must
// keep it.
func (d disagreement) signature() string {
	return fmt.Sprintf("%s|%s|%s|%s", d.what, d.o.kube.verdict, d.o.scope.verdict, family(d.o.kube.msg))
}

// compare returns the disagreement of an outcome, if any. The user is
// compared as far as oidcscope names it (its allow summary gives the
// username and groups; uid and extra it does not expose).
func compare(o outcome) (disagreement, bool) {
	k, s := o.kube, o.scope
	switch {
	case k.verdict != s.verdict:
		return disagreement{what: "verdict", o: o}, false
	case k.verdict == policy.Error && len(unnamed(k.msg, s.result.Error)) > 0:
		return disagreement{what: "message", o: o}, false
	case k.verdict != policy.Allow:
		return disagreement{}, true
	case k.user.name != s.user:
		return disagreement{what: "username", o: o}, false
	case groupsText(k.user.groups) != s.groups:
		return disagreement{what: "groups", o: o}, false
	}
	return disagreement{}, true
}

// validationPath finds the field paths of kube-apiserver's validation
// errors (jwt[0].issuer.url, anonymous.conditions); decoderField the
// fields its strict decoder calls unknown or duplicate.
var (
	validationPath = regexp.MustCompile(`(?:^|, |\[)(jwt\[[0-9]+\][A-Za-z0-9_.\[\]]*|jwt|anonymous\.conditions): `)
	decoderField   = regexp.MustCompile(`(?:unknown|duplicate) field "([^"]+)"`)
)

// unnamed lists what kube-apiserver's refusal of a configuration names
// and oidcscope's error does not: every validation error's path (kube
// lists them all, and so must oidcscope), and one of the fields the
// strict decoder refuses (it lists them all; oidcscope stops at the
// first, which is enough to fix the file).
func unnamed(kubeMsg, scopeErr string) []string {
	var out []string
	for _, mm := range validationPath.FindAllStringSubmatch(kubeMsg, -1) {
		if !strings.Contains(scopeErr, mm[1]) {
			out = append(out, mm[1])
		}
	}
	var fields []string
	for _, mm := range decoderField.FindAllStringSubmatch(kubeMsg, -1) {
		if strings.Contains(scopeErr, mm[1]) {
			return out
		}
		fields = append(fields, mm[1])
	}
	return append(out, fields...)
}

// agrees reports whether both sides give one answer.
func agrees(o outcome) bool {
	_, ok := compare(o)
	return ok
}

// userText is kube-apiserver's user, for reproductions.
func (u kubeUser) text() string {
	s := fmt.Sprintf("username %q", u.name)
	if len(u.groups) > 0 {
		s += fmt.Sprintf(", groups %q", u.groups)
	}
	if u.uid != "" {
		s += fmt.Sprintf(", uid %q", u.uid)
	}
	if len(u.extra) > 0 {
		keys := make([]string, 0, len(u.extra))
		for k := range u.extra {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		s += ", extra {"
		for i, k := range keys {
			if i > 0 {
				s += ", "
			}
			s += fmt.Sprintf("%q: %q", k, u.extra[k])
		}
		s += "}"
	}
	return s
}
