package claims

import (
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Subject is the anatomy of a "key:value:key:value" subject.
type Subject struct {
	Raw            string        `json:"raw"`
	Format         string        `json:"format"` // default, immutable, custom or unknown
	Parts          []SubjectPart `json:"parts"`
	Unparsed       string        `json:"unparsed,omitempty"` // what no known key explains
	Rule           string        `json:"rule,omitempty"`     // which rule chose the context part
	Contradictions []string      `json:"contradictions,omitempty"`
	Alternate      string        `json:"alternate,omitempty"` // the same identity in the other form
	AlternateNote  string        `json:"alternate_note,omitempty"`
	Notes          []string      `json:"notes,omitempty"`
}

// SubjectPart is one key and its value, and the claim the value came from.
type SubjectPart struct {
	Key       string `json:"key"`
	Value     string `json:"value"`             // as written in sub
	Decoded   string `json:"decoded,omitempty"` // with %3A decoded, when that differs
	FromClaim string `json:"from_claim,omitempty"`
	Agrees    *bool  `json:"agrees,omitempty"` // value equals that claim; nil when not checked
}

// Subject formats.
const (
	FormatDefault   = "default"
	FormatImmutable = "immutable"
	FormatCustom    = "custom"
	FormatUnknown   = "unknown"
)

// parseSubject splits sub with the profile's key list; GitHub subjects get
// the full analysis (format, rule, contradictions, alternate form).
func parseSubject(p *Profile, variant, sub string, tok tokenView) *Subject {
	s := &Subject{Raw: sub, Format: FormatUnknown, Parts: []SubjectPart{}}
	if len(p.SubjectKeys) == 0 {
		return s
	}
	isFlag := func(k string) bool { return slices.Contains(p.SubjectFlags, k) }
	isKey := func(k string) bool {
		if slices.Contains(p.SubjectKeys, k) {
			return true
		}
		// Custom templates may use any claim name (include_claim_keys),
		// including ones this catalog does not know yet.
		if tok.has(k) {
			return true
		}
		for _, e := range p.Claims {
			if e.Name == k || e.Family && strings.HasPrefix(k, e.Name) {
				return true
			}
		}
		return false
	}
	expect := func(key string) []string {
		v, ok := tok.str(claimForKey(key))
		if !ok {
			return nil
		}
		return []string{encodeColons(v), v}
	}
	s.Parts, s.Unparsed = splitKV(sub, isKey, isFlag, expect)
	if s.Unparsed != "" {
		return s
	}
	if p.ID == githubID {
		analyzeGitHubSubject(s, tok, variant)
		return s
	}
	s.Format = FormatDefault
	for i := range s.Parts {
		part := &s.Parts[i]
		part.FromClaim = part.Key
		if v, ok := tok.str(part.Key); ok {
			agrees := v == part.Decoded || part.Decoded == "" && v == part.Value
			part.Agrees = &agrees
			if !agrees {
				s.Contradictions = append(s.Contradictions, "sub has "+part.Key+" "+quoted(part.Value)+" but the "+part.Key+" claim is "+quoted(v))
			}
		}
	}
	return s
}

// splitKV reads key:value pairs. A value may itself contain ':', so where
// the token's own claim predicts the value, that wins; otherwise the value
// runs to the next ":<known key>:". Flags stand alone.
func splitKV(sub string, isKey, isFlag func(string) bool, expect func(string) []string) ([]SubjectPart, string) {
	var parts []SubjectPart
	rest := sub
	for rest != "" {
		key, after, hasColon := strings.Cut(rest, ":")
		if isFlag(key) && (!hasColon || startsWithKey(after, isKey, isFlag)) {
			parts = append(parts, SubjectPart{Key: key})
			rest = after
			continue
		}
		if !isKey(key) || !hasColon {
			return parts, rest
		}
		value := ""
		for _, want := range expect(key) {
			if after == want || strings.HasPrefix(after, want+":") {
				value = want
				break
			}
		}
		if value == "" {
			value = valueUntilNextKey(after, isKey, isFlag)
		}
		part := SubjectPart{Key: key, Value: value}
		if d := decodeColons(value); d != value {
			part.Decoded = d
		}
		parts = append(parts, part)
		rest = strings.TrimPrefix(after[len(value):], ":")
	}
	return parts, ""
}

func startsWithKey(s string, isKey, isFlag func(string) bool) bool {
	k, _, hasColon := strings.Cut(s, ":")
	return isKey(k) && hasColon || isFlag(k)
}

func valueUntilNextKey(s string, isKey, isFlag func(string) bool) string {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' && startsWithKey(s[i+1:], isKey, isFlag) {
			return s[:i]
		}
	}
	return s
}

// GitHub percent-encodes ':' inside values (reference §1.4).
func encodeColons(s string) string { return strings.ReplaceAll(s, ":", "%3A") }
func decodeColons(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "%3A", ":"), "%3a", ":")
}

// quoted puts a value in a message between double quotes, raw: the view
// escapes the whole message once, so %q here would escape it twice.
func quoted(s string) string { return escape.Quoted(s) }
