package vault

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// testCase is one generated comparison: the auth config's bound_issuer
// ("" leaves it unset), a claim set and a role as written.
type testCase struct {
	index  int
	issuer string
	claims node
	role   node
}

// genCase builds case i of a seeded run; each case has its own stream, so
// one can be regenerated alone from (seed, i).
func genCase(seed uint64, i int, now int64) testCase {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	c := testCase{index: i}
	switch x := r.IntN(20); {
	case x < 16:
		c.issuer = GitHubIssuer
	case x < 19:
	default:
		c.issuer = GitHubIssuer + "/"
	}
	c.claims = genClaims(r, now)
	c.role = genRole(r, c.claims)
	return c
}

// lookup reads a claim the generator may bind: a top-level key, or an
// RFC 6901 pointer into objects and lists.
func lookup(claims node, key string) (node, bool) {
	if !strings.HasPrefix(key, "/") {
		return claims.Get(key)
	}
	cur := claims
	for _, part := range strings.Split(key[1:], "/") {
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		switch {
		case cur.IsObj:
			next, ok := cur.Get(part)
			if !ok {
				return node{}, false
			}
			cur = next
		case cur.IsArr:
			i, err := strconv.Atoi(part)
			if err != nil || i < 0 || i >= len(cur.Items) {
				return node{}, false
			}
			cur = cur.Items[i]
		default:
			return node{}, false
		}
	}
	return cur, true
}
