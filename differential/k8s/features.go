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
			rules, _ := a.Get(list)
			for _, it := range rules.Items {
				out = append(out, itemTexts(it)...)
			}
		}
		cm, _ := a.Get("claimMappings")
		for _, mb := range cm.Members {
			if mb.Val.IsArr {
				for _, it := range mb.Val.Items {
					out = append(out, itemTexts(it)...)
				}
				continue
			}
			out = append(out, itemTexts(mb.Val)...)
		}
		return a
	})
	return out
}

// itemTexts is one rule's or mapping's CEL text or claim.
func itemTexts(it node) []string {
	var out []string
	for _, mb := range it.Members {
		switch mb.Key {
		case "expression", "valueExpression":
			out = append(out, unquote(mb.Val.Raw))
		case "claim":
			out = append(out, "claim:"+unquote(mb.Val.Raw))
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
		for i, mb := range a.Members {
			switch mb.Key {
			case "claimValidationRules", "userValidationRules":
				a.Members[i].Val = filterItems(mb.Val, re)
			case "claimMappings":
				a.Members[i].Val = withoutMappings(mb.Val, re)
			}
		}
		return a
	})
	return c
}

func filterItems(list node, re *regexp.Regexp) node {
	out := list.Clone()
	out.Items = out.Items[:0]
	for _, it := range list.Items {
		if !itemMatches(it, re) {
			out.Items = append(out.Items, it)
		}
	}
	return out
}

func withoutMappings(cm node, re *regexp.Regexp) node {
	out := cm.Clone()
	out.Members = out.Members[:0]
	for _, mb := range cm.Members {
		switch {
		case mb.Val.IsArr:
			mb.Val = filterItems(mb.Val, re)
		case !itemMatches(mb.Val, re):
		case mb.Key == "username":
			mb.Val = obj(m("claim", str("sub")), m("prefix", str("")))
		default:
			continue
		}
		out.Members = append(out.Members, mb)
	}
	return out
}

// forEachAuthenticator rewrites every jwt[] entry of a configuration
// (a copy: the given tree is not changed).
func forEachAuthenticator(config node, f func(a node) node) node {
	out := config.Clone()
	for i, mb := range out.Members {
		if mb.Key != "jwt" {
			continue
		}
		for j, a := range mb.Val.Items {
			out.Members[i].Val.Items[j] = f(a)
		}
	}
	return out
}

// withoutIssuerMember removes a member of every issuer.
func withoutIssuerMember(c testCase, key string) testCase {
	c.config = forEachAuthenticator(c.config, func(a node) node {
		for i, mb := range a.Members {
			if mb.Key == "issuer" {
				a.Members[i].Val = mb.Val.Without(key)
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
		iss, _ := a.Get("issuer")
		if _, ok := iss.Get(key); ok {
			found = true
		}
		return a
	})
	return found
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
	for _, mb := range claims.Members {
		if seen[mb.Key] {
			out = append(out, "duplicate "+mb.Key)
		}
		seen[mb.Key] = true
		for _, r := range registered {
			if mb.Key != r && strings.EqualFold(mb.Key, r) {
				out = append(out, "case variant "+mb.Key)
			}
		}
	}
	if sub, ok := claims.Get("sub"); !ok {
		out = append(out, "no sub")
	} else if !strings.HasPrefix(sub.Raw, `"`) {
		out = append(out, "non-string sub")
	}
	return out
}

// canonicalClaims keeps the last of duplicate members, drops case
// variants of registered names and gives sub a string.
func canonicalClaims(claims node) node {
	out := claims.Clone()
	out.Members = out.Members[:0]
	last := map[string]int{}
	for i, mb := range claims.Members {
		last[mb.Key] = i
	}
	for i, mb := range claims.Members {
		if last[mb.Key] != i || isCaseVariant(mb.Key) {
			continue
		}
		if mb.Key == "sub" && !strings.HasPrefix(mb.Val.Raw, `"`) {
			mb.Val = str("repo:octo-org/octo-repo:ref:refs/heads/main")
		}
		out.Members = append(out.Members, mb)
	}
	if _, ok := out.Get("sub"); !ok {
		out.Members = append(out.Members, m("sub", str("repo:octo-org/octo-repo:ref:refs/heads/main")))
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
