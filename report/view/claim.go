package view

import (
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Claim is one claim as every rendering shows it, escaped.
type Claim struct {
	Name, Value string
	Duplicate   bool
	Time        *Time
	// Badges are the highlights' marks in order; the policy-relevant one
	// among them is Policy.
	Badges []Mark
	// Notes are the highlights that need words (all but policy-relevant).
	Notes []Note
	Entry *claims.Entry // the catalog entry, our own data; nil when unknown
	// Conditions are the loaded policies' conditions that read the claim.
	Conditions []ClaimCondition
	Tally      ConditionTally
	// WouldSatisfy are the conditions the claim would satisfy.
	WouldSatisfy []Snippet
}

// Time is a NumericDate claim's time, or why it is not one.
type Time struct {
	UTC      time.Time
	Relative string // at inspection: "in 4m12s", "3h ago"
	Err      string // escaped; UTC is zero when set
}

// Stamp is the time as RFC 3339 with the relative time in brackets.
func (t Time) Stamp() string { return t.UTC.Format(time.RFC3339) + " (" + t.Relative + ")" }

// Note is a highlight that needs words.
type Note struct {
	Mark   Mark
	Reason string
	Detail string // escaped
}

// ClaimCondition is a loaded policy's condition seen from the claim.
type ClaimCondition struct {
	Mark             Mark
	Provider, Policy string
	Expression       string
	Diagnosis        []string
	Passed           bool
}

// ClaimRow is what a list of claims shows of c: its name, value, badges
// and how the policies took it. A list draws a row per frame, so this
// leaves out the rest of the block.
func ClaimRow(c inspect.Claim) Claim {
	out := Claim{Name: shown(c.Name), Value: Value(c.Value), Duplicate: c.Duplicate, Entry: c.Info.Entry,
		Tally: TallyConditions(c.Conditions)}
	for _, h := range c.Info.Highlights {
		out.Badges = append(out.Badges, HighlightMark(h.Reason))
	}
	return out
}

// ClaimOf is c as a block.
func ClaimOf(c inspect.Claim) Claim {
	out := ClaimRow(c)
	if t := c.Time; t != nil {
		out.Time = &Time{UTC: t.UTC, Relative: t.Relative}
		if t.Err != nil {
			out.Time = &Time{Err: shown(t.Err.Error())}
		}
	}
	for i, h := range c.Info.Highlights {
		if h.Reason != claims.ReasonPolicyRelevant {
			out.Notes = append(out.Notes, Note{Mark: out.Badges[i], Reason: h.Reason, Detail: shown(h.Detail)})
		}
	}
	for _, cc := range c.Conditions {
		out.Conditions = append(out.Conditions, ClaimCondition{
			Mark: OutcomeMark(cc.Result), Provider: shown(cc.Provider), Policy: shown(cc.Policy),
			Expression: shown(cc.Expression), Diagnosis: shownAll(cc.Diagnosis), Passed: cc.Result == policy.Pass,
		})
	}
	out.WouldSatisfy = Snippets(c.WouldSatisfy)
	return out
}

// PolicyRelevant reports whether the claim carries the policy badge.
func (c Claim) PolicyRelevant() bool {
	for _, b := range c.Badges {
		if b.Tone == TonePolicy {
			return true
		}
	}
	return false
}

// Flags are the badges a list of claims shows beside each: NEW, RISK,
// UNKNOWN and the user's ★ (the policy badge and unknown reasons are left
// to the detail).
func (c Claim) Flags() []Mark {
	var out []Mark
	for _, b := range c.Badges {
		switch b.Tone {
		case ToneNew, ToneRisk, ToneUnknown, ToneUser:
			out = append(out, b)
		}
	}
	return out
}
