package vault

import (
	"context"
	"fmt"
	"strings"
)

// timeClaims stay in every shrunk token: without them Vault refuses it
// for a reason the comparison leaves out.
func timeClaims(key string) bool { return key == "iat" || key == "nbf" || key == "exp" }

// shrink removes role fields, claims, list items and the config's
// bound_issuer while the case keeps a disagreement with the same
// signature; it returns the smallest case found and its outcome.
func (rn *runner) shrink(ctx context.Context, c testCase, sig string) (testCase, outcome, error) {
	best := c
	var bestOut outcome
	for progress := true; progress; {
		progress = false
		for _, cand := range candidates(best) {
			o, err := rn.run(ctx, cand)
			if err != nil {
				continue // a smaller case the harness cannot run is no reproduction
			}
			if hasSignature(disagreements(o), sig) {
				best, bestOut, progress = cand, o, true
				break
			}
		}
	}
	if bestOut.vault == "" {
		o, err := rn.run(ctx, best)
		if err != nil {
			return best, o, err
		}
		bestOut = o
	}
	return best, bestOut, nil
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
	for _, cl := range c.claims.Smaller(timeClaims) {
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
	fmt.Fprintf(&b, "  claims: %s\n", withoutTimes(c.claims).Text())
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

// withoutTimes drops iat, nbf and exp from a printed claim set: every
// case has them, valid around the run's clock.
func withoutTimes(claims node) node {
	out := claims.Clone()
	out.Members = out.Members[:0]
	for _, mb := range claims.Members {
		if !timeClaims(mb.Key) {
			out.Members = append(out.Members, mb)
		}
	}
	return out
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
