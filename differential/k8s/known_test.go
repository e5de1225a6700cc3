package k8s

import "testing"

// TestEveryClassIsGeneratedAndRemovable checks, for each known class,
// that the generator makes cases with its feature (so the run can meet
// the disagreement at all) and that taking the feature out leaves none of
// it (so a class explains only what its feature causes).
func TestEveryClassIsGeneratedAndRemovable(t *testing.T) {
	const searched = 1000
	for _, k := range knownClasses {
		t.Run(k.id, func(t *testing.T) {
			found := 0
			for i := range searched {
				c := genCase(1, i, 1_800_000_000)
				if !k.fits(c) {
					continue
				}
				found++
				if k.fits(k.without(c)) {
					t.Fatalf("case %d keeps the feature once it is taken out:\n%s", i, k.without(c).config.Text())
				}
			}
			if found == 0 {
				t.Fatalf("none of %d generated cases has the feature", searched)
			}
			t.Logf("%d of %d cases have it", found, searched)
		})
	}
}
