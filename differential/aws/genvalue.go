package aws

import (
	"strings"
	"unicode"
)

// values draws a condition's values: mostly the token's own claim, as it
// is or mutated (case, wildcards, ${?}-style escapes, policy variables, a
// neighbour's value, empty), so that both matches and near misses are
// common.
func (g *gen) values(c Claims, op, key, claim string) Strings {
	if op == "Null" {
		return One(pick(g, "true", "false"))
	}
	base := g.claimValue(c, claim)
	n := 1
	switch k := g.r.IntN(100); {
	case k < 20:
		n = 2
	case k < 28:
		n = 3
	}
	out := Strings{Array: n > 1 || g.pct(5)}
	for i := range n {
		v := base
		if i > 0 && g.pct(50) {
			v = pick(g, pool(claim, c)...)
		}
		out.Items = append(out.Items, g.mutate(c, claim, v))
	}
	return out
}

// claimValue is the token's value of the claim (one element of an
// array), or a plausible one when the token has none.
func (g *gen) claimValue(c Claims, claim string) string {
	if v, ok := c.Get(claim); ok && len(v.Items) > 0 {
		return pick(g, v.Items...)
	}
	return pick(g, pool(claim, c)...)
}

// pool holds other plausible values of a claim.
func pool(claim string, c Claims) []string {
	repo, _ := c.Text("repository")
	owner, _, _ := strings.Cut(repo, "/")
	switch claim {
	case "sub":
		return []string{"repo:" + repo + ":ref:refs/heads/main", "repo:" + repo + ":pull_request",
			"repo:" + repo + ":environment:prod", "repo:octo-org/octo-repo:ref:refs/heads/main", "repo:" + owner + "/*"}
	case "aud":
		return []string{"sts.amazonaws.com", "https://github.com/" + owner, "api://AzureADTokenExchange"}
	case "repository":
		return []string{"octo-org/octo-repo", "monalisa/hello-world", owner + "/deploy.tools"}
	case "ref":
		return []string{"refs/heads/main", "refs/tags/v2", "refs/heads/release/v1"}
	case "environment":
		return []string{"prod", "staging", "Production"}
	case "job_workflow_ref", "workflow_ref":
		return []string{owner + "/shared-workflows/.github/workflows/oidc.yml@refs/heads/main", repo + "/.github/workflows/deploy.yml@refs/heads/main"}
	case "workflow":
		return workflows
	case "actor":
		return actors
	case "runner_environment":
		return []string{"github-hosted", "self-hosted"}
	case "event_name":
		return []string{"push", "pull_request"}
	}
	return []string{"65", "74", "1234", "true", "abc"}
}

// mutate changes a value the ways policies differ from tokens.
func (g *gen) mutate(c Claims, claim, v string) string {
	switch n := g.r.IntN(100); {
	case n < 55:
		return v
	case n < 62:
		return g.recase(v)
	case n < 75:
		return g.wildcard(v)
	case n < 81:
		return g.escapeSpecials(v)
	case n < 86:
		return g.variable(c, claim, v)
	case n < 93:
		return pick(g, pool(claim, c)...)
	case n < 96:
		return ""
	}
	if len(v) > 1 && g.pct(50) {
		return v[:len(v)-1]
	}
	return v + "x"
}

func (g *gen) recase(v string) string {
	switch g.r.IntN(3) {
	case 0:
		return strings.ToUpper(v)
	case 1:
		return strings.ToLower(v)
	}
	// One letter's case swapped; rarely a fold outside ASCII (s and the
	// long s ſ, k and the Kelvin sign), which AWS documents nothing about.
	r := []rune(v)
	for i, x := range r {
		switch {
		case !unicode.IsLetter(x):
			continue
		case (x == 's' || x == 'k') && g.pct(10):
			r[i] = unicode.SimpleFold(x) // ſ, K (Kelvin)
		case unicode.IsUpper(x):
			r[i] = unicode.ToLower(x)
		default:
			r[i] = unicode.ToUpper(x)
		}
		break
	}
	return string(r)
}

// wildcard turns a value into a StringLike pattern that mostly still
// matches it: a prefix and *, * and a suffix, ? for one character, or a
// * inside.
func (g *gen) wildcard(v string) string {
	r := []rune(v)
	if len(r) == 0 {
		return pick(g, "*", "?", "")
	}
	i := g.r.IntN(len(r) + 1)
	// Prefer cutting after a separator, as real patterns do (repo:o/*).
	if seps := separators(r); len(seps) > 0 && g.pct(60) {
		i = pick(g, seps...) + 1
	}
	switch g.r.IntN(5) {
	case 0:
		return string(r[:i]) + "*"
	case 1:
		return "*" + string(r[i:])
	case 2:
		j := min(i, len(r)-1)
		return string(r[:j]) + "?" + string(r[j+1:])
	case 3:
		j := i + g.r.IntN(len(r)-i+1)
		return string(r[:i]) + "*" + string(r[j:])
	}
	return "*"
}

func separators(r []rune) []int {
	var out []int
	for i, x := range r {
		if x == ':' || x == '/' || x == '@' {
			out = append(out, i)
		}
	}
	return out
}

// escapeSpecials writes *, ? and $ of the value as ${*}, ${?}, ${$}, which
// IAM reads as the literal characters; a value without them gets one
// appended.
func (g *gen) escapeSpecials(v string) string {
	if !strings.ContainsAny(v, "*?$") {
		return v + pick(g, "${?}", "${*}", "${$}")
	}
	var b strings.Builder
	for _, x := range v {
		switch {
		case strings.ContainsRune("*?$", x) && g.pct(80):
			b.WriteString("${" + string(x) + "}")
		default:
			b.WriteRune(x)
		}
	}
	return b.String()
}

// variable writes a value with a policy variable: a key of the request
// (present or not, with or without a default) or an aws: key a web
// identity request does not carry.
func (g *gen) variable(c Claims, claim, v string) string {
	p := providerPath(c)
	if g.pct(10) {
		p = strings.ToUpper(p)
	}
	ref := func(k string) string { return "${" + p + ":" + k + "}" }
	switch g.r.IntN(6) {
	case 0:
		return ref(claim)
	case 1:
		if claim == "sub" {
			_, tail, _ := strings.Cut(strings.TrimPrefix(v, "repo:"), ":")
			return "repo:" + ref("repository") + ":" + pick(g, tail, "*")
		}
		return ref(pick(g, evaluatedPool...))
	case 2:
		return "${" + p + ":" + pick(g, "environment", claim, "workflow_ref") + ", '" + v + "'}"
	case 3:
		return pick(g, "${aws:username}", "${aws:username, '"+v+"'}")
	case 4:
		return ref(pick(g, notEvaluatedPool...))
	}
	// A variable inside a pattern: the owner is fixed, the rest free.
	return ref("repository") + "*"
}
