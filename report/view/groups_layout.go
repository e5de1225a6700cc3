package view

import "strings"

// ConditionLayout is what the text report and the terminal lay out
// differently in a policy's condition groups; the rest is one writer.
type ConditionLayout struct {
	Indent string            // before a heading, and a heading-less group's conditions
	Mark   func(Mark) string // a condition's mark, with the space after it
	// EveryToken puts the token's value under every condition, not only
	// under those detailed (failed, or holding in the deciding Deny).
	EveryToken bool
}

// WriteConditionGroups writes groups (Policy.Groups): each heading (an
// AWS statement) and, for the Deny that decided, that it decides; then
// its conditions indented under it, with what the token holds and the
// diagnosis where detailed. Every field is escaped already.
func WriteConditionGroups(b *strings.Builder, st Palette, groups []ConditionGroup, l ConditionLayout) {
	for _, g := range groups {
		indent := l.Indent
		if g.Heading != "" {
			line := l.Indent + st.Label.Render(g.Heading)
			if g.Denies {
				line += "  " + st.Fail.Render(DeniesMark.Symbol+" "+DeniesNote)
			}
			b.WriteString(line + "\n")
			indent += "  "
		}
		for _, c := range g.Conditions {
			b.WriteString(indent + l.Mark(c.Mark) + c.Expression + "\n")
			if len(c.Claims) > 0 && (l.EveryToken || c.Detailed()) {
				actual := c.Actual
				if c.Absent {
					actual = st.Dim.Render("(absent)")
				}
				b.WriteString(indent + "    " + st.Dim.Render("token "+strings.Join(c.Claims, ", ")+": ") + actual + "\n")
			}
			if c.Detailed() {
				for _, d := range c.Diagnosis {
					b.WriteString(indent + "    " + d + "\n")
				}
			}
		}
	}
}
