package report

import (
	"io"
	"slices"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
)

// TestJSONLeavesTheReportAlone: writing a report must not write into it.
// input.notes joins the paste's notes and the token's; an append into the
// paste's list would fill its spare room, which another slice of the same
// array may hold (and two writers of one report would race there).
func TestJSONLeavesTheReportAlone(t *testing.T) {
	backing := make([]string, 1, 4)
	backing[0] = "stripped a Bearer prefix"
	other := backing[:2] // shares the room after the paste's one note
	other[1] = "someone else's"
	tok := &decode.Token{Input: decode.Extracted{Notes: backing[:1]}, Notes: []string{"unsecured JWS"}}
	r := &inspect.Report{Token: tok}
	if err := JSON(io.Discard, r); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(other, []string{"stripped a Bearer prefix", "someone else's"}) {
		t.Errorf("report.JSON wrote into the paste's notes: %q", other)
	}
}
