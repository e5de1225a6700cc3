package view

import "github.com/oidcscope/oidcscope/claims"

// Subject is the sub claim taken apart, escaped.
type Subject struct {
	Format, Raw    string
	Parts          []SubjectPart
	Unparsed       string
	Rule           string
	Contradictions []string
	Alternate      string
	AlternateNote  string
	Notes          []string
}

// SubjectPart is one key of sub, its value, and the claim it came from.
type SubjectPart struct {
	Key, Value, Decoded string
	FromClaim           string
	Agrees              *bool // nil when not checked
}

// Shown is the value with its decoded form in brackets, when it has one.
func (p SubjectPart) Shown() string {
	if p.Decoded == "" {
		return p.Value
	}
	return p.Value + " (" + p.Decoded + ")"
}

// AgreeMark marks whether the value equals its claim's; ok is false when
// that was not checked.
func (p SubjectPart) AgreeMark() (m Mark, ok bool) {
	switch {
	case p.Agrees == nil:
		return Mark{}, false
	case *p.Agrees:
		return Mark{TonePass, "✓", ""}, true
	}
	return Mark{ToneFail, "✗", ""}, true
}

// SubjectOf is s as a block; nil for nil.
func SubjectOf(s *claims.Subject) *Subject {
	if s == nil {
		return nil
	}
	out := &Subject{
		Format: shown(s.Format), Raw: shown(s.Raw), Unparsed: shown(s.Unparsed), Rule: shown(s.Rule),
		Contradictions: shownAll(s.Contradictions), Alternate: shown(s.Alternate), AlternateNote: shown(s.AlternateNote),
		Notes: shownAll(s.Notes),
	}
	for _, p := range s.Parts {
		out.Parts = append(out.Parts, SubjectPart{
			Key: shown(p.Key), Value: shown(p.Value), Decoded: shown(p.Decoded), FromClaim: shown(p.FromClaim), Agrees: p.Agrees,
		})
	}
	return out
}
