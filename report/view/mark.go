package view

import (
	"strings"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/verify"
)

// Tone is what a mark means, which the palette turns into a colour and
// Markdown into an emoji. Meaning never rests on colour alone: every mark
// also has a symbol and a word.
type Tone int

// Tones.
const (
	ToneSkip Tone = iota // skipped, not applied: drawn dim
	TonePass
	ToneFail
	ToneWarn
	ToneUnverified // its own tone: never drawn like a failure or a success
	ToneInfo
	ToneNew
	ToneRisk
	ToneUnknown
	TonePolicy
	ToneUser
)

// Mark is a status as shown: a symbol and a word in a tone.
type Mark struct {
	Tone   Tone
	Symbol string // "✓", "✗", "!", "?", "·", "-"; empty for word-only badges
	Word   string
}

// Text is the symbol and the word, as the text report and the UI draw it.
func (m Mark) Text() string {
	if m.Symbol == "" {
		return m.Word
	}
	if m.Word == "" {
		return m.Symbol
	}
	return m.Symbol + " " + m.Word
}

// The marks every kind of outcome shares: a passed condition and a passed
// check look the same, as do a policy's and a condition's error.
var (
	passMark  = Mark{TonePass, "✓", "pass"}
	failMark  = Mark{ToneFail, "✗", "fail"}
	errorMark = Mark{ToneWarn, "!", "error"}
)

// DeniesMark is a condition that holds in the Deny statement that decided
// its policy: a reason for the deny, never drawn as a pass.
var DeniesMark = Mark{ToneFail, "✗", "deny"}

// The marks of each kind of status, with the one an unknown status reads as.
var (
	verdictMarks = map[policy.Verdict]Mark{
		policy.Allow: {TonePass, "✓", "allow"},
		policy.Deny:  {ToneFail, "✗", "deny"},
		policy.Error: errorMark,
	}
	outcomeMarks = map[policy.Outcome]Mark{
		policy.Pass:       passMark,
		policy.Fail:       failMark,
		policy.Errored:    errorMark,
		policy.NotApplied: {ToneSkip, "-", "n/a"},
	}
	checkMarks = map[verify.CheckStatus]Mark{
		verify.Pass: passMark,
		verify.Fail: failMark,
		verify.Skip: {ToneSkip, "-", "skip"},
	}
	// Unverified has its own tone, symbol and word: it must never look
	// like a failure or a success.
	signatureMarks = map[verify.Status]Mark{
		verify.StatusValid:       {TonePass, "✓", "valid"},
		verify.StatusInvalid:     {ToneFail, "✗", "invalid"},
		verify.StatusUnsupported: {ToneSkip, "·", "unsupported"},
		verify.StatusUnverified:  {ToneUnverified, "?", "unverified"},
	}
	severityMarks = map[string]Mark{
		policy.SevError:   {ToneFail, "", "error"},
		policy.SevWarning: {ToneWarn, "", "warning"},
		policy.SevInfo:    {ToneInfo, "", "info"},
	}
	// Highlights are not verdicts: a risk has its own tone, not the red of
	// a failed check.
	highlightMarks = map[string]Mark{
		claims.ReasonNew:            {ToneNew, "", "NEW"},
		claims.ReasonRisk:           {ToneRisk, "", "RISK"},
		claims.ReasonUnknown:        {ToneUnknown, "", "UNKNOWN"},
		claims.ReasonPolicyRelevant: {TonePolicy, "", "policy"},
		claims.ReasonUser:           {ToneUser, "★", ""},
	}
)

func markOf[K comparable](marks map[K]Mark, k, unknown K) Mark {
	if m, ok := marks[k]; ok {
		return m
	}
	return marks[unknown]
}

// VerdictMark is a policy's verdict; an unknown one reads as an error.
func VerdictMark(v policy.Verdict) Mark { return markOf(verdictMarks, v, policy.Error) }

// OutcomeMark is one condition's outcome; an unknown one reads as n/a.
func OutcomeMark(o policy.Outcome) Mark { return markOf(outcomeMarks, o, policy.NotApplied) }

// CheckMark is one verification check's status; an unknown one, skip.
func CheckMark(s verify.CheckStatus) Mark { return markOf(checkMarks, s, verify.Skip) }

// SignatureMark is the signature's status; an unknown one, unverified.
func SignatureMark(s verify.Status) Mark { return markOf(signatureMarks, s, verify.StatusUnverified) }

// SeverityMark is a lint finding's severity; an unknown one reads as info.
func SeverityMark(sev string) Mark { return markOf(severityMarks, sev, policy.SevInfo) }

// HighlightMark is the badge of a claim highlight; an unknown reason is
// shown as its word.
func HighlightMark(reason string) Mark {
	if m, ok := highlightMarks[reason]; ok {
		return m
	}
	return Mark{ToneSkip, "", reason}
}

// DuplicateMark flags a claim whose name an earlier claim has.
var DuplicateMark = Mark{ToneFail, "", "DUPLICATE"}

// Widths of the longest words, to pad marks in a column: "error".
const (
	VerdictWidth = 5
	OutcomeWidth = 4
)

// Padded is Text with the word padded to width, so marks line up.
func (m Mark) Padded(width int) string {
	return m.Symbol + " " + m.Word + strings.Repeat(" ", max(width-len(m.Word), 0))
}
