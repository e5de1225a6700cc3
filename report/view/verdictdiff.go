package view

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/tokendiff"
)

// WriteFlippedConditions lists, under a policy's two verdicts, the
// conditions whose outcome differs between the tokens, as `oidcscope
// diff` and the terminal's side-by-side both show them.
func WriteFlippedConditions(b *strings.Builder, st Palette, conds []tokendiff.ConditionDiff) {
	for _, c := range conds {
		fmt.Fprintf(b, "      %s → %s  %s\n", st.Render(OutcomeMark(c.A)), st.Render(OutcomeMark(c.B)), escape.Text(c.Expression))
	}
}
