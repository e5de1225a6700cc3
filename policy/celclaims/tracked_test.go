package celclaims

import (
	"errors"
	"strings"
	"testing"
)

// TestTrackedToLimit tells cel-go's own cost tracker stopping an
// expression at CostLimit (what kube-apiserver's tracker does too) from
// oidcscope's other stops: the guard refusing a call before it runs, and
// ordinary runtime errors.
func TestTrackedToLimit(t *testing.T) {
	rt := testRuntime(t)
	vars := map[string]any{"claims": map[string]any{"a": strings.Repeat("a", 1000)}}
	cases := []struct {
		src     string
		tracked bool
	}{
		{"[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f, true))))))", true},
		{"claims.a.replace('a', claims.a).size() > 0", false},
		{"claims.missing == 'x'", false},
	}
	for _, c := range cases {
		_, err := eval(compile(t, rt, c.src), vars)
		if err == nil {
			t.Fatalf("%.40s…: no error", c.src)
		}
		if got := TrackedToLimit(err); got != c.tracked {
			t.Errorf("%.40s…: TrackedToLimit(%v) = %v, want %v", c.src, err, got, c.tracked)
		}
		if c.tracked && !errors.Is(err, ErrCostLimit) {
			t.Errorf("%.40s…: %v does not wrap ErrCostLimit", c.src, err)
		}
	}
}
