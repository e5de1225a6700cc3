package view

import (
	"strings"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
)

// Headline is what a reader checks first: what kind of token, from whom,
// what was removed from the paste, and the notes.
type Headline struct {
	Kind           string // "JWS", "JWS JSON (flattened)", "simulated, unsigned"; "" with no token
	Alg            string
	Issuer         string
	HasIssuer      bool
	Audience       string // as view.Value shows it
	HasAudience    bool
	Subject        string
	HasSubject     bool
	ProfileName    string // "" for the generic profile
	ProfileVariant string
	Stripped       []string
	InputNotes     []string // about the paste and the token
	ReportNotes    []string // about the inspection
}

// HeadlineOf is r's headline, escaped.
func HeadlineOf(r *inspect.Report) Headline {
	var h Headline
	if r.Profile.ID != "" && r.Profile.ID != claims.GenericID {
		h.ProfileName, h.ProfileVariant = r.Profile.Name, r.Profile.Variant
	}
	h.ReportNotes = shownAll(r.Notes)
	t := r.Token
	if t == nil {
		return h
	}
	h.Kind = strings.ToUpper(string(t.Kind))
	if t.Kind == decode.KindJSON {
		h.Kind = "JWS JSON (" + t.Serialization + ")"
	}
	if r.Unsigned != "" {
		// Claims nobody signed: what they are leads, before anything they say.
		h.Kind = r.Unsigned.Marker()
	}
	h.Alg = shown(t.Alg())
	iss, ok := t.Payload.Str("iss")
	h.Issuer, h.HasIssuer = shown(iss), ok
	if aud, ok := t.Payload.Get("aud"); ok {
		h.Audience, h.HasAudience = Value(aud), true
	}
	sub, ok := t.Payload.Str("sub")
	h.Subject, h.HasSubject = shown(sub), ok
	h.Stripped = t.Input.Stripped
	h.InputNotes = shownAll(append(append([]string(nil), t.Input.Notes...), t.Notes...))
	return h
}

// Notes are all the notes, the paste's first.
func (h Headline) Notes() []string {
	return append(append([]string(nil), h.InputNotes...), h.ReportNotes...)
}

// Profile is the issuer profile's name with its variant in brackets.
func (h Headline) Profile() string {
	if h.ProfileVariant == "" {
		return h.ProfileName
	}
	return h.ProfileName + " (" + h.ProfileVariant + ")"
}

// Member is one header member or claim as a key and a shown value.
type Member struct {
	Key, Value string
	Duplicate  bool
}

// Members are a JSON object's members, escaped.
func Members(ms []decode.Member) []Member {
	out := make([]Member, len(ms))
	for i, m := range ms {
		out[i] = Member{Key: shown(m.Key), Value: Value(m.Value), Duplicate: m.Duplicate}
	}
	return out
}
