package vault

import (
	"context"
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
)

// shrink removes role fields, claims, list items and the config's
// bound_issuer while the case keeps a disagreement with the same
// signature; it returns the smallest case found and its outcome.
func (rn *runner) shrink(ctx context.Context, c testCase, sig string) (testCase, outcome, error) {
	return harness.Shrink(c, candidates, func(x testCase) (outcome, bool, error) {
		o, err := rn.run(ctx, x)
		if err != nil {
			return o, false, err
		}
		return o, hasSignature(disagreements(o), sig), nil
	}, harness.Limits{})
}

func candidates(c testCase) []testCase {
	var out []testCase
	if c.issuer != "" {
		d := c
		d.issuer = ""
		out = append(out, d)
	}
	for _, r := range c.role.Smaller(nil) {
		d := c
		d.role = r
		out = append(out, d)
	}
	// The time claims stay: without them Vault refuses the token for a
	// reason the comparison leaves out.
	for _, cl := range c.claims.Smaller(harness.IsTimeClaim) {
		d := c
		d.claims = cl
		out = append(out, d)
	}
	return out
}

func hasSignature(ds []disagreement, sig string) bool {
	for _, d := range ds {
		if d.signature() == sig {
			return true
		}
	}
	return false
}

// reproduction prints a case and both answers.
func reproduction(c testCase, o outcome, d disagreement) string {
	var b strings.Builder
	fmt.Fprintf(&b, "case %d, oidcscope given the role %s\n", c.index, d.doc)
	fmt.Fprintf(&b, "  config bound_issuer: %q\n", c.issuer)
	fmt.Fprintf(&b, "  role:   %s\n", c.role.Text())
	fmt.Fprintf(&b, "  claims: %s\n", harness.WithoutTimes(c.claims).Text())
	fmt.Fprintf(&b, "  Vault:     %s", o.vault)
	if o.vaultMsg != "" {
		fmt.Fprintf(&b, " (%q)", o.vaultMsg)
	}
	fmt.Fprintf(&b, "\n  oidcscope: %s (%s)\n", d.scope.verdict, d.scope.reason())
	if d.what == "message" {
		b.WriteString("  both say error, but oidcscope's answer lacks Vault's own message\n")
	}
	return b.String()
}

// matching is the shrunk outcome's disagreement with d's signature (d
// itself if the outcome has none).
func matching(o outcome, d disagreement) disagreement {
	for _, x := range disagreements(o) {
		if x.signature() == d.signature() {
			return x
		}
	}
	return d
}
