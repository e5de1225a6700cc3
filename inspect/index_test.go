package inspect

import (
	"slices"
	"testing"
)

func TestClaimIndex(t *testing.T) {
	cs := []Claim{{Name: "iss"}, {Name: "sub"}, {Name: "iss"}, {Name: "aud"}, {Name: "iss"}}
	x := newClaimIndex(cs)
	for name, want := range map[string][]int{"iss": {0, 2, 4}, "sub": {1}, "aud": {3}, "none": nil} {
		if got := x.of(name); !slices.Equal(got, want) {
			t.Errorf("of(%s) = %v, want %v", name, got, want)
		}
	}
	// A caller appending to one claim's slice must not change another's.
	_ = append(x.of("sub"), 99)
	if got := x.of("aud"); !slices.Equal(got, []int{3}) {
		t.Errorf("of(aud) = %v after an append to of(sub)", got)
	}
}
