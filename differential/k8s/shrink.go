package k8s

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/differential/internal/harness"
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
	case "apiVersion", "kind", "iss":
		return true
	}
	return harness.IsTimeClaim(key)
}

// shrink removes members and items of the configuration and claims while
// the case keeps a disagreement with the same signature; it returns the
// smallest case found and its outcome.
func (rn *runner) shrink(ctx context.Context, c testCase, sig string) (testCase, outcome, error) {
	return harness.Shrink(c, candidates, func(x testCase) (outcome, bool, error) {
		o, err := rn.run(ctx, x)
		if err != nil {
			return o, false, err
		}
		d, ok := compare(o)
		return o, !ok && d.signature() == sig, nil
	}, harness.Limits{Runs: maxShrinkRuns, Time: maxShrinkTime})
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
	fmt.Fprintf(&b, "  claims: %s\n", harness.WithoutTimes(c.claims).Text())
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

// indent puts prefix before every line of text.
func indent(text, prefix string) string {
	lines := strings.SplitAfter(strings.TrimSuffix(text, "\n"), "\n")
	return prefix + strings.Join(lines, prefix) + "\n"
}
