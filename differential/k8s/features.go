package k8s

import (
	"regexp"
	"strings"
)

// An expression feature is found by a pattern over the CEL text (and, for
// mappings from a claim, over "claim:<name>").

// exprTexts lists what every rule and mapping of the configuration
// evaluates: CEL texts, and "claim:<name>" for mappings and
// claim/requiredValue rules.
func exprTexts(config node) []string {
	var out []string
	forEachAuthenticator(config, func(a node) node {
		for _, list := range []string{"claimValidationRules", "userValidationRules"} {
			rules, _ := a.get(list)
			for _, it := range rules.items {
				out = append(out, itemTexts(it)...)
			}
		}
		cm, _ := a.get("claimMappings")
		for _, mb := range cm.members {
			if mb.val.isArr {
				for _, it := range mb.val.items {
					out = append(out, itemTexts(it)...)
				}
				continue
			}
			out = append(out, itemTexts(mb.val)...)
		}
		return a
	})
	return out
}

// itemTexts is one rule's or mapping's CEL text or claim.
func itemTexts(it node) []string {
	var out []string
	for _, mb := range it.members {
		switch mb.key {
		case "expression", "valueExpression":
			out = append(out, unquote(mb.val.raw))
		case "claim":
			out = append(out, "claim:"+unquote(mb.val.raw))
		}
	}
	return out
}

// itemMatches reports whether a rule or mapping has the feature.
func itemMatches(it node, re *regexp.Regexp) bool {
	for _, t := range itemTexts(it) {
		if re.MatchString(t) {
			return true
		}
	}
	return false
}

// withoutExprs takes every rule and mapping with the feature out: rules
// and extra entries are removed, groups and uid mappings dropped, and the
// username mapping (which is required) becomes claim sub, prefix "".
func withoutExprs(c testCase, re *regexp.Regexp) testCase {
	c.config = forEachAuthenticator(c.config, func(a node) node {
		for i, mb := range a.members {
			switch mb.key {
			case "claimValidationRules", "userValidationRules":
				a.members[i].val = filterItems(mb.val, re)
			case "claimMappings":
				a.members[i].val = withoutMappings(mb.val, re)
			}
		}
		return a
	})
	return c
}

func filterItems(list node, re *regexp.Regexp) node {
	out := list.clone()
	out.items = out.items[:0]
	for _, it := range list.items {
		if !itemMatches(it, re) {
			out.items = append(out.items, it)
		}
	}
	return out
}

func withoutMappings(cm node, re *regexp.Regexp) node {
	out := cm.clone()
	out.members = out.members[:0]
	for _, mb := range cm.members {
		switch {
		case mb.val.isArr:
			mb.val = filterItems(mb.val, re)
		case !itemMatches(mb.val, re):
		case mb.key == "username":
			mb.val = obj(m("claim", str("sub")), m("prefix", str("")))
		default:
			continue
		}
		out.members = append(out.members, mb)
	}
	return out
}

// forEachAuthenticator rewrites every jwt[] entry of a configuration
// (a copy: the given tree is not changed).
func forEachAuthenticator(config node, f func(a node) node) node {
	out := config.clone()
	for i, mb := range out.members {
		if mb.key != "jwt" {
			continue
		}
		for j, a := range mb.val.items {
			out.members[i].val.items[j] = f(a)
		}
	}
	return out
}

// withoutIssuerMember removes a member of every issuer.
func withoutIssuerMember(c testCase, key string) testCase {
	c.config = forEachAuthenticator(c.config, func(a node) node {
		for i, mb := range a.members {
			if mb.key == "issuer" {
				a.members[i].val = mb.val.without(key)
			}
		}
		return a
	})
	return c
}

// issuerHas reports whether some issuer has the member.
func issuerHas(c testCase, key string) bool {
	found := false
	forEachAuthenticator(c.config, func(a node) node {
		iss, _ := a.get("issuer")
		if _, ok := iss.get(key); ok {
			found = true
		}
		return a
	})
	return found
}

// without returns an object without the member key.
func (n node) without(key string) node {
	out := n.clone()
	out.members = out.members[:0]
	for _, mb := range n.members {
		if mb.key != key {
			out.members = append(out.members, mb)
		}
	}
	return out
}

// registered are the claims go-oidc and kube-apiserver decode into
// struct fields, where encoding/json matches names regardless of case.
var registered = []string{"iss", "sub", "aud", "exp", "iat", "nbf", "email", "email_verified", "nonce", "at_hash"}

// tokenOddities lists what the JSON decoding of registered claims makes
// of a claim set: members given twice, registered names in another case,
// a sub that is no string, no sub.
func tokenOddities(claims node) []string {
	var out []string
	seen := map[string]bool{}
	for _, mb := range claims.members {
		if seen[mb.key] {
			out = append(out, "duplicate "+mb.key)
		}
		seen[mb.key] = true
		for _, r := range registered {
			if mb.key != r && strings.EqualFold(mb.key, r) {
				out = append(out, "case variant "+mb.key)
			}
		}
	}
	if sub, ok := claims.get("sub"); !ok {
		out = append(out, "no sub")
	} else if !strings.HasPrefix(sub.raw, `"`) {
		out = append(out, "non-string sub")
	}
	return out
}

// canonicalClaims keeps the last of duplicate members, drops case
// variants of registered names and gives sub a string.
func canonicalClaims(claims node) node {
	out := claims.clone()
	out.members = out.members[:0]
	last := map[string]int{}
	for i, mb := range claims.members {
		last[mb.key] = i
	}
	for i, mb := range claims.members {
		if last[mb.key] != i || isCaseVariant(mb.key) {
			continue
		}
		if mb.key == "sub" && !strings.HasPrefix(mb.val.raw, `"`) {
			mb.val = str("repo:octo-org/octo-repo:ref:refs/heads/main")
		}
		out.members = append(out.members, mb)
	}
	if _, ok := out.get("sub"); !ok {
		out.members = append(out.members, m("sub", str("repo:octo-org/octo-repo:ref:refs/heads/main")))
	}
	return out
}

func isCaseVariant(key string) bool {
	for _, r := range registered {
		if key != r && strings.EqualFold(key, r) {
			return true
		}
	}
	return false
}
