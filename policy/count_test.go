package policy

import "testing"

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 conditions", 1: "1 condition", 2: "2 conditions", 12: "12 conditions"} {
		if got := Count(n, "condition"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
}
