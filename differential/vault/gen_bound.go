package vault

import (
	"math/rand/v2"
	"strings"
)

// boundKeys are the claims a bound_claims entry names: GitHub claims,
// the extra claims, JSON pointers into them, and a claim no token has.
var boundKeys = []string{
	"sub", "ref", "repository", "repository_id", "repository_owner_id", "environment", "ref_protected", "head_ref",
	"n", "flag", "ids", "groups", "nul", "empty", "nested", "aud",
	"/ref", "/ctx/a~1b/c~0d", "/ctx/list/1", "/ctx/list/9", "/ctx/n", "/ctx/flag", "/ctx", "/ids/1", "/ctx/missing", "nope",
}

// boundClaim draws one bound_claims entry, its value mostly from the
// token's value at that key.
func boundClaim(r *rand.Rand, claims node, glob bool) member {
	key := pick(r, boundKeys)
	for range 3 { // mostly a key the token has
		if _, ok := lookup(claims, key); ok {
			break
		}
		key = pick(r, boundKeys)
	}
	var own []node
	if tok, ok := lookup(claims, key); ok {
		own = leaves(tok)
	}
	odd := []node{str("refs/heads/main"), scalar(pick(r, numberTexts)), str(pick(r, numberTexts)), scalar(pick(r, []string{"true", "false"})), str("true")}
	one := func() node {
		v := pick(r, odd)
		if len(own) > 0 && r.IntN(10) < 7 { // mostly the token's own values
			v = pick(r, own)
		}
		isString := strings.HasPrefix(v.Raw, `"`)
		switch {
		case glob && !isString && r.IntN(4) > 0:
			return str(pick(r, []string{"*", "refs/heads/*"}))
		case glob && isString && r.IntN(2) == 0:
			return str(globOf(r, unquote(v.Raw)))
		case !glob && isString && r.IntN(12) == 0:
			return str(strings.ToUpper(unquote(v.Raw)))
		}
		return v
	}
	switch x := r.IntN(100); {
	case x < 60:
		return m(key, one())
	case x < 85:
		return m(key, arr(one(), one()))
	case x < 88:
		return m(key, str(""))
	case x < 91:
		return m(key, arr())
	case x < 94:
		return m(key, arr(arr(str("x"))))
	case x < 96:
		return m(key, obj(m("a", scalar("1"))))
	case x < 98:
		return m(key, scalar("null"))
	}
	return m(key, str("*"))
}

// globOf turns a string into a go-glob pattern that usually matches it.
func globOf(r *rand.Rand, s string) string {
	if s == "" {
		return pick(r, []string{"*", ""})
	}
	i := r.IntN(len(s) + 1)
	switch r.IntN(5) {
	case 0:
		return s[:i] + "*"
	case 1:
		return "*" + s[i:]
	case 2:
		j := i + r.IntN(len(s)-i+1)
		return s[:i] + "*" + s[j:]
	case 3:
		return s[:i] + "*" + s[i:] // '*' may match nothing
	}
	return s[:i] + "?" + s[min(i+1, len(s)):]
}

// leaves are a value's scalars (a list's elements), or the value itself.
func leaves(v node) []node {
	switch {
	case v.IsArr:
		var out []node
		for _, it := range v.Items {
			if !it.IsArr && !it.IsObj {
				out = append(out, it)
			}
		}
		return out
	case v.IsObj:
		return nil
	}
	return []node{v}
}

// stringsIn lists the strings of a string or a list.
func stringsIn(v node) []string {
	var out []string
	for _, l := range leaves(v) {
		if strings.HasPrefix(l.Raw, `"`) {
			out = append(out, unquote(l.Raw))
		}
	}
	return out
}
