package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// statusPart is one part of the status line and what may become of it
// on a narrow screen.
type statusPart struct {
	text string
	// keep: what the line is read for (the verdicts, what failed, the
	// expiry), to show whole while anything else can give way.
	keep bool
	// drop > 0: given up, lowest first, to make room for a kept part.
	drop int
	// shrink: may be cut short, with …, when dropping is not enough.
	shrink bool
	// glued: joined to the part before it without " · " (the kid).
	glued bool
}

// statusSep separates the status line's parts.
const statusSep = " · "

// minShrink is the fewest columns a part is cut to; minTail, the fewest
// the parts after the kept ones are shown in.
const (
	minShrink = 16
	minTail   = 4
)

// fitStatus makes every kept part end within width: the parts that may
// go before the last kept one go, lowest drop first; then those that may
// shrink are cut. What follows the last kept part (the profile, the
// issuer) is left for the screen to cut at its end, or left out when too
// little of it would show.
func fitStatus(parts []statusPart, width int) []statusPart {
	if width <= 0 {
		return parts
	}
	for {
		last := -1
		for i, p := range parts {
			if p.keep {
				last = i
			}
		}
		if last < 0 {
			return parts
		}
		end := ansi.StringWidth(joinStatus(parts[:last+1]))
		if over := end - width; over <= 0 {
			if end+len(statusSep)+minTail > width {
				// No room to show the rest: the screen's … would stand
				// right after a kept part, as if it cut it.
				return parts[:last+1]
			}
			return parts
		}
		over := end - width
		if i := lowestDrop(parts[:last]); i >= 0 {
			parts = slices.Delete(slices.Clone(parts), i, i+1)
			continue
		}
		return shrinkStatus(parts, last, over)
	}
}

// shrinkStatus cuts the parts up to last that may shrink, first first,
// by over columns in all; when they cannot give that much, it cuts none:
// the leading problem keeps its words if the line is cut anyway.
func shrinkStatus(parts []statusPart, last, over int) []statusPart {
	slack := 0
	for _, p := range parts[:last+1] {
		if p.shrink {
			slack += max(ansi.StringWidth(p.text)-minShrink, 0)
		}
	}
	if slack < over {
		return parts
	}
	out := slices.Clone(parts)
	for i := range out[:last+1] {
		w := ansi.StringWidth(out[i].text)
		if !out[i].shrink || w <= minShrink || over <= 0 {
			continue
		}
		cut := min(over, w-minShrink)
		out[i].text = ansi.Truncate(out[i].text, w-cut, "…")
		over -= cut
	}
	return out
}

// lowestDrop is the index of the part to give up first, or -1.
func lowestDrop(parts []statusPart) int {
	at := -1
	for i, p := range parts {
		if p.drop > 0 && (at < 0 || p.drop < parts[at].drop) {
			at = i
		}
	}
	return at
}

func joinStatus(parts []statusPart) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 && !p.glued {
			b.WriteString(statusSep)
		}
		b.WriteString(p.text)
	}
	return b.String()
}
