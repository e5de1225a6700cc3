package k8s

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// kubernetesView is the token as kube-apiserver's claims map holds it:
// the payload decoded by encoding/json into a map, so of a duplicated
// member (at any depth) only the LAST value is left. Every check of a
// claim (claim rules, mappings, CEL) reads this view; the token's own
// view keeps every member, for the diagnoses that say a claim was
// duplicated. Built once per token.
func kubernetesView(tok policy.Token) policy.Token {
	return tok.Memo(viewKey{}, func() any { return policy.NewToken(lastWins(tok.Payload)) }).(policy.Token)
}

type viewKey struct{}

// lastWins drops every member a later one of the same key overrides,
// keeping the last member where it stands.
func lastWins(v decode.Value) decode.Value {
	switch v.Kind {
	case decode.Array:
		items := make([]decode.Value, len(v.Items))
		for i, it := range v.Items {
			items[i] = lastWins(it)
		}
		v.Items = items
	case decode.Object:
		last := map[string]int{}
		for i, m := range v.Members {
			last[m.Key] = i
		}
		var members []decode.Member
		for i, m := range v.Members {
			if last[m.Key] == i {
				m.Value, m.Duplicate = lastWins(m.Value), false
				members = append(members, m)
			}
		}
		v.Members = members
	}
	return v
}

// kubernetesDecoding is how kube-apiserver reads a duplicated claim, for
// the notes on the conditions that read one.
var kubernetesDecoding = celclaims.Decoding{Dup: celclaims.LastWins,
	Ambiguous: "kube-apiserver decodes claims with Go's encoding/json, which keeps the last value, and that is the value checked here"}

// oidcMembers are the members go-oidc's idToken struct decodes into the
// field tagged name: encoding/json matches a member to a field by exact
// name or, failing that, case-insensitively (with Unicode simple folding:
// "ISS", "Iss" and "ıss"-like spellings), and the last one wins.
func oidcMembers(tok policy.Token, name string) []decode.Member {
	var out []decode.Member
	if tok.Payload.Kind != decode.Object {
		return nil
	}
	want := goFold(name)
	for _, m := range tok.Payload.Members {
		if m.Key == name || goFold(m.Key) == want {
			out = append(out, m)
		}
	}
	return out
}

// goFold is encoding/json's foldName.
func goFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToUpper(r))
			continue
		}
		for {
			r2 := unicode.SimpleFold(r)
			if r2 <= r {
				r = r2
				break
			}
			r = r2
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oidcString is a registered string claim as go-oidc reads it: the last
// matching member ("" for null); ok is false when there is none. Its
// note says when that member is not spelt name or is one of several.
func oidcString(tok policy.Token, name string) (s string, ok bool, note string) {
	ms := oidcMembers(tok, name)
	if len(ms) == 0 {
		return "", false, ""
	}
	last := ms[len(ms)-1]
	return last.Value.Text, true, spellingNote(ms, name)
}

func spellingNote(ms []decode.Member, name string) string {
	last := ms[len(ms)-1]
	switch {
	case last.Key != name:
		return fmt.Sprintf("kube-apiserver reads %s from the member %s: Go's encoding/json matches registered claim names case-insensitively, and the last matching member wins", name, escape.Quoted(last.Key))
	case len(ms) > 1:
		return fmt.Sprintf("the token carries %s %d times (in any spelling): kube-apiserver (Go's encoding/json) reads the last one", name, len(ms))
	}
	return ""
}

// oidcRegistered lists go-oidc's idToken fields and what JSON each
// accepts; a member of another shape makes json.Unmarshal fail, and
// go-oidc rejects the token ("oidc: malformed jwt payload").
var oidcRegistered = []struct {
	name string
	ok   func(decode.Value) bool
	want string
}{
	{"iss", isStringOrNull, "string"},
	{"sub", isStringOrNull, "string"},
	{"aud", isAudience, "string or list of strings"},
	{"exp", isJSONTime, "number"},
	{"iat", isJSONTime, "number"},
	{"nbf", isJSONTime, "number"},
	{"nonce", isStringOrNull, "string"},
	{"at_hash", isStringOrNull, "string"},
	{"_claim_names", isStringMap, "map of strings"},
}

func isStringOrNull(v decode.Value) bool { return v.Kind == decode.String || v.Kind == decode.Null }

func isAudience(v decode.Value) bool {
	if isStringOrNull(v) {
		return true
	}
	return v.Kind == decode.Array && !slices.ContainsFunc(v.Items, func(it decode.Value) bool { return !isStringOrNull(it) })
}

// isJSONTime: go-oidc's jsonTime decodes a json.Number, which a JSON
// number, a string holding one, or null satisfies.
func isJSONTime(v decode.Value) bool {
	switch v.Kind {
	case decode.Null:
		return true
	case decode.Number:
		return fitsFloat(v.Text)
	case decode.String:
		return jsonNumber().MatchString(v.Text) && fitsFloat(v.Text)
	}
	return false
}

// jsonNumber is the grammar of a JSON number, which encoding/json also
// accepts inside a string decoded into a json.Number.
var jsonNumber = lazyre.New(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// fitsFloat: json.Number's Int64 or Float64 succeeds.
func fitsFloat(n string) bool {
	_, err := strconv.ParseFloat(n, 64)
	return err == nil
}

func isStringMap(v decode.Value) bool {
	if v.Kind == decode.Null {
		return true
	}
	return v.Kind == decode.Object && !slices.ContainsFunc(v.Members, func(m decode.Member) bool { return !isStringOrNull(m.Value) })
}

// oidcDecodeProblems are the members go-oidc cannot decode into its
// idToken struct: each makes kube-apiserver reject the token before any
// claim rule or mapping runs. Every matching member counts, not only the
// last: encoding/json reports a type error even when a later member
// overrides the value.
func oidcDecodeProblems(tok policy.Token) []string {
	var out []string
	for _, f := range oidcRegistered {
		for _, m := range oidcMembers(tok, f.name) {
			if !f.ok(m.Value) {
				out = append(out, fmt.Sprintf("%s is %s, but go-oidc decodes %s as a %s: kube-apiserver rejects the token (oidc: verify token: oidc: malformed jwt payload: json: cannot unmarshal into the %s field)", escape.Quoted(m.Key), kindWord(m.Value), f.name, f.want, f.name))
			}
		}
	}
	return out
}
