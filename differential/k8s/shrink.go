package k8s

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/policy"
)

// maxShrinkRuns and maxShrinkTime bound one shrink: a 65-authenticator
// case has thousands of smaller candidates, and a costly expression takes
// kube-apiserver half a second a run.
const (
	maxShrinkRuns = 400
	maxShrinkTime = 4 * time.Second
)

// kept are the members every shrunk case keeps: without them the case
// tests the decoder's or the clock's refusal, not the disagreement.
func kept(key string) bool {
	switch key {
	case "apiVersion", "kind", "iat", "nbf", "exp", "iss":
		return true
	}
	return false
}

// shrink removes members and items of the configuration and claims while
// the case keeps a disagreement with the same signature; it returns the
// smallest case found and its outcome.
func (rn *runner) shrink(ctx context.Context, c testCase, sig string) (testCase, outcome, error) {
	best := c
	bestOut, err := rn.run(ctx, c)
	if err != nil {
		return c, bestOut, err
	}
	runs, start := 0, time.Now()
	for progress := true; progress && runs < maxShrinkRuns; {
		progress = false
		for _, cand := range candidates(best) {
			if runs++; runs > maxShrinkRuns || time.Since(start) > maxShrinkTime {
				runs = maxShrinkRuns
				break
			}
			o, err := rn.run(ctx, cand)
			if err != nil {
				continue // a smaller case the harness cannot run is no reproduction
			}
			if d, ok := compare(o); !ok && d.signature() == sig {
				best, bestOut, progress = cand, o, true
				break
			}
		}
	}
	return best, bestOut, nil
}

func candidates(c testCase) []testCase {
	var out []testCase
	for _, cfg := range c.config.Smaller(kept) {
		d := c
		d.config = cfg
		out = append(out, d)
	}
	for _, cl := range c.claims.Smaller(kept) {
		d := c
		d.claims = cl
		out = append(out, d)
	}
	return out
}

// reproduction prints a case and both answers.
func reproduction(c testCase, o outcome) string {
	var b strings.Builder
	fmt.Fprintf(&b, "case %d\n", c.index)
	if c.format == "json" || c.format == "" {
		fmt.Fprintf(&b, "  config: %s\n", c.config.Text())
	} else {
		fmt.Fprintf(&b, "  config (%s):\n%s", c.format, indent(string(c.document()), "    "))
	}
	fmt.Fprintf(&b, "  claims: %s\n", withoutTimes(c.claims).Text())
	fmt.Fprintf(&b, "  kube-apiserver: %s", o.kube.verdict)
	if o.kube.msg != "" {
		fmt.Fprintf(&b, " (%s)", o.kube.msg)
	}
	if o.kube.verdict == "allow" {
		fmt.Fprintf(&b, " as %s", o.kube.user.text())
	}
	fmt.Fprintf(&b, "\n  oidcscope:      %s (%s)\n", o.scope.verdict, o.scope.reason())
	if o.kube.verdict == policy.Error {
		if missing := unnamed(o.kube.msg, o.scope.result.Error); len(missing) > 0 {
			fmt.Fprintf(&b, "  oidcscope's error does not name %q\n", missing)
		}
	}
	return b.String()
}

// withoutTimes drops iat, nbf and exp from a printed claim set: every
// case has them, valid around the run's clock.
func withoutTimes(claims node) node {
	out := claims.Clone()
	out.Members = out.Members[:0]
	for _, mb := range claims.Members {
		if mb.Key != "iat" && mb.Key != "nbf" && mb.Key != "exp" {
			out.Members = append(out.Members, mb)
		}
	}
	return out
}

// indent puts prefix before every line of text.
func indent(text, prefix string) string {
	lines := strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n")
	return prefix + strings.Join(lines, prefix) + "\n"
}
