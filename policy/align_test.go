package policy

import (
	"strings"
	"testing"
)

func TestAlignCaretUnderFirstDifference(t *testing.T) {
	got := Align("repo:é/a", "repo:é/b")
	if len(got) != 4 || !strings.HasSuffix(got[3], strings.Repeat(" ", 7)+"^") || got[0] != "first difference at character 8:" {
		t.Errorf("Align = %q", got)
	}
	if Align("same", "same") != nil {
		t.Error("identical strings have no difference")
	}
}

func TestCaretLine(t *testing.T) {
	for _, col := range []int{0, 1, 50, 115, 116, 117, 500} {
		want := strings.Repeat(" ", 12+col) + "^"
		if got := caretLine(col); got != want {
			t.Errorf("caretLine(%d) = %q (%d bytes), want %d bytes", col, got, len(got), len(want))
		}
	}
}
