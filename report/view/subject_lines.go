package view

import "strings"

// SubjectLines lays the sub anatomy out as lines for the text report and
// the terminal UI, which share the palette: each part (keys padded to the
// widest), then what was not understood, the rule that chose the context,
// contradictions with the other claims, the other form and the notes.
func (p Palette) SubjectLines(s *Subject) []string {
	width := 0
	for _, part := range s.Parts {
		width = max(width, len(part.Key))
	}
	var out []string
	for _, part := range s.Parts {
		line := p.Label.Render(part.Key) + strings.Repeat(" ", width-len(part.Key)) + "  "
		if v := part.Shown(); v != "" {
			line += v
		} else {
			line += p.Dim.Render("(no value)")
		}
		if part.FromClaim != "" {
			line += p.Dim.Render("  ← " + part.FromClaim)
			if m, ok := part.AgreeMark(); ok {
				line += " " + p.Render(m)
			}
		}
		out = append(out, line)
	}
	if s.Unparsed != "" {
		out = append(out, p.Warn.Render("not understood: ")+s.Unparsed)
	}
	if s.Rule != "" {
		out = append(out, p.Dim.Render("context rule: ")+s.Rule)
	}
	for _, c := range s.Contradictions {
		out = append(out, p.Fail.Render("✗ ")+c)
	}
	if s.Alternate != "" {
		out = append(out, p.Label.Render("other form")+"  "+s.Alternate, p.Dim.Render(s.AlternateNote))
	}
	for _, n := range s.Notes {
		out = append(out, p.Dim.Render("note: "+n))
	}
	return out
}
