package report

import "github.com/oidcscope/oidcscope/report/view"

// mdEmoji is a tone as GitHub shows it best: an emoji, since a step
// summary has no colours.
var mdEmoji = map[view.Tone]string{
	view.TonePass: "✅", view.ToneFail: "❌", view.ToneWarn: "⚠", view.ToneUnverified: "❔",
	view.ToneSkip: "➖", view.ToneInfo: "ℹ", view.ToneNew: "🆕", view.ToneRisk: "⚠", view.ToneUnknown: "❔",
}

// mdMark is a mark with its tone's emoji in place of the symbol.
func mdMark(m view.Mark) string {
	e, ok := mdEmoji[m.Tone]
	switch {
	case !ok:
		return m.Text() // the user's ★
	case m.Word == "":
		return e
	}
	return e + " " + m.Word
}
