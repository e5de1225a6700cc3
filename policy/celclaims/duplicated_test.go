package celclaims

import (
	"slices"
	"testing"
)

// TestDuplicated: one line for each name the token carries more than
// once, with the count and the provider's words; none for the rest.
func TestDuplicated(t *testing.T) {
	tok := token(t, `{"a": 1, "b": 2, "a": 3, "c": 4, "a": 5, "c": 6}`)
	got := Decoding{Dup: LastWins, Ambiguous: "pick none"}.Duplicated(tok, []string{"a", "b", "c", "d"})
	want := []string{"the token carries a 3 times: pick none", "the token carries c 2 times: pick none"}
	if !slices.Equal(got, want) {
		t.Errorf("%q, want %q", got, want)
	}
}
