// Package report renders an inspect.Report for people (text, and Markdown
// for a GitHub step summary) and for scripts (JSON). The human renderings
// lay out the blocks of report/view, which escapes every string from
// outside; JSON goes through package escape's writers.
package report

import (
	"io"
	"reflect"
	"slices"
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// The JSON contract, oidcscope/v1. Later versions add fields; these names
// never change.
type jsonReport struct {
	jsonHead
	Claims []jsonClaim `json:"claims"`
	jsonTail
}

// jsonHead and jsonTail are the members before and after the claims, which
// are written one at a time (see JSON); encoding/json flattens them into
// jsonReport in this order.
type jsonHead struct {
	Schema string `json:"schema"`
	// Simulated (added to v1; absent for a pasted token): the claims were
	// built or changed by oidcscope and never signed; Unsigned says how,
	// "simulated" or "edited".
	Simulated bool          `json:"simulated,omitempty"`
	Unsigned  string        `json:"unsigned,omitempty"`
	Input     jsonInput     `json:"input"`
	Header    *decode.Value `json:"header"`
	Payload   *decode.Value `json:"payload"`
}

type jsonTail struct {
	Signature jsonSignature      `json:"signature"`
	Checks    []jsonCheck        `json:"checks"`
	Errors    []jsonError        `json:"errors"`
	At        string             `json:"evaluated_at"`
	Notes     []string           `json:"notes,omitempty"`
	Segments  []jsonSegment      `json:"segments,omitempty"`
	Profile   *claims.ProfileRef `json:"profile,omitempty"`
	Subject   *claims.Subject    `json:"subject,omitempty"`
	Links     []claims.Link      `json:"links,omitempty"`
	Policies  []policy.Result    `json:"policies"`
	// ProviderErrors are the error messages found in the input (added
	// to v1; absent when there are none).
	ProviderErrors []jsonProviderError `json:"provider_errors,omitempty"`
}

// unsignedInputKind is input.kind when the input was claims alone.
const unsignedInputKind = "claims"

// noTokenInputKind is input.kind when the input held no token (header and
// payload are null, errors[] says why): scripts test for it, so it stays
// the empty string rather than a word.
const noTokenInputKind = ""

// jsonInput is the contract's "input". Kind is one of jws, jwe,
// unsecured, json, segment (decode.TokenKind), claims
// (unsignedInputKind), or "" (noTokenInputKind).
type jsonInput struct {
	Kind          string   `json:"kind"`
	Serialization string   `json:"serialization,omitempty"`
	Stripped      []string `json:"stripped"`
	Notes         []string `json:"notes,omitempty"`
}

type jsonClaim struct {
	Name      string               `json:"name"`
	Value     decode.Value         `json:"value"`
	Duplicate bool                 `json:"duplicate,omitempty"`
	Time      *jsonTime            `json:"time,omitempty"`
	Known     bool                 `json:"known"`
	Summary   string               `json:"summary,omitempty"`
	Scope     string               `json:"scope,omitempty"`
	Immutable *bool                `json:"immutable,omitempty"` // absent for unknown claims
	Highlight []claims.Highlight   `json:"highlight"`
	Providers []claims.ProviderUse `json:"providers,omitempty"`
	// The per-claim view: conditions of loaded policies that read the
	// claim, or without policies the conditions it would satisfy.
	Conditions   []inspect.ClaimCondition `json:"conditions,omitempty"`
	WouldSatisfy []policy.Snippet         `json:"would_satisfy,omitempty"`
}

type jsonTime struct {
	UTC      string `json:"utc,omitempty"`
	Relative string `json:"relative,omitempty"`
	Error    string `json:"error,omitempty"`
}

type jsonSignature struct {
	Status    string `json:"status"`
	Alg       string `json:"alg"`
	Kid       string `json:"kid"`
	KeySource string `json:"key_source"`
	Key       string `json:"key,omitempty"`
	Reason    string `json:"reason"`
}

type jsonCheck struct {
	Name   string `json:"name"`
	Status string `json:"status"`
	Detail string `json:"detail"`
}

type jsonError struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

type jsonSegment struct {
	Name   string `json:"name"`
	Length int    `json:"length"` // characters in the token
	Bytes  int    `json:"bytes"`  // decoded octets
}

// JSON writes r as one JSON document followed by a newline.
func JSON(w io.Writer, r *inspect.Report) error {
	return writeJSON(w, jsonDoc(r), r.Claims)
}

// jsonDoc is r in the shape of the JSON contract but for the claims, which
// writeJSON shapes one at a time (jsonClaimOf).
func jsonDoc(r *inspect.Report) jsonReport {
	doc := jsonReport{
		jsonHead: jsonHead{Schema: inspect.Schema, Input: jsonInput{Kind: noTokenInputKind, Stripped: []string{}}},
		jsonTail: jsonTail{
			Checks: []jsonCheck{},
			Errors: []jsonError{},
			At:     r.At.UTC().Format(time.RFC3339),
			Notes:  r.Notes,
			Signature: jsonSignature{
				Status:    string(r.Verify.Signature.Status),
				Alg:       r.Verify.Signature.Alg,
				Kid:       r.Verify.Signature.Kid,
				KeySource: string(r.Verify.Signature.KeySource),
				Key:       r.Verify.Signature.KeyName,
				Reason:    r.Verify.Signature.Reason,
			},
		},
	}
	if t := r.Token; t != nil {
		doc.Input = jsonInput{Kind: string(t.Kind), Serialization: t.Serialization, Stripped: nonNil(t.Input.Stripped), Notes: slices.Concat(t.Input.Notes, t.Notes)}
		if t.Header.Kind == decode.Object {
			doc.Header = &t.Header
		}
		if t.Payload.Kind == decode.Object {
			doc.Payload = &t.Payload
		}
		for _, s := range t.Segments {
			doc.Segments = append(doc.Segments, jsonSegment{Name: s.Name, Length: len(s.Text), Bytes: len(s.Bytes)})
		}
	}
	if r.Token != nil {
		doc.Profile, doc.Subject, doc.Links = &r.Profile, r.Subject, r.Links
	}
	if r.Unsigned != "" {
		// The input was the claims, not a token.
		doc.Simulated, doc.Unsigned, doc.Input.Kind = true, string(r.Unsigned), unsignedInputKind
	}
	doc.Policies = r.Policies
	doc.ProviderErrors = jsonProviderErrors(r)
	if doc.Policies == nil {
		doc.Policies = []policy.Result{}
	}
	if doc.Signature.Status == "" {
		doc.Signature.Status, doc.Signature.KeySource = "unverified", "none"
	}
	for _, c := range r.Verify.Checks {
		doc.Checks = append(doc.Checks, jsonCheck{Name: c.Name, Status: string(c.Status), Detail: c.Detail})
	}
	for _, e := range r.Errors {
		doc.Errors = append(doc.Errors, jsonError{Stage: e.Stage, Message: e.Err.Error()})
	}
	return doc
}

// jsonClaimOf is c in the shape of the JSON contract.
func jsonClaimOf(c *inspect.Claim) jsonClaim {
	jc := jsonClaim{Name: c.Name, Value: c.Value, Duplicate: c.Duplicate, Known: c.Info.Known(), Highlight: c.Info.Highlights,
		Conditions: c.Conditions, WouldSatisfy: c.WouldSatisfy}
	if jc.Highlight == nil {
		jc.Highlight = []claims.Highlight{}
	}
	if e := c.Info.Entry; e != nil {
		jc.Summary, jc.Scope, jc.Providers = e.Summary, string(e.Scope), e.Providers
		jc.Immutable = &e.Immutable
	}
	if c.Time != nil {
		jc.Time = &jsonTime{}
		if c.Time.Err != nil {
			jc.Time.Error = c.Time.Err.Error()
		} else {
			jc.Time.UTC = c.Time.UTC.Format(time.RFC3339Nano)
			jc.Time.Relative = c.Time.Relative
		}
	}
	return jc
}

// writeJSON writes doc, its claims being claimList, as encoding/json would
// (indented by two spaces, no HTML escaping), escaped, but a claim at a
// time, each shaped only as it is written: a 1 MiB token makes a
// report of megabytes, and the encoder's buffer for all of it, its
// indented copy and an escaped copy were most of the program's peak
// memory. The pieces are compact JSON, written by a jsonStream; the
// indenting writer lays them out. Which values are addressable (which
// decides whether pointer methods marshal them) is as in encoding/json's
// encoding of the whole document: the head and tail not, the claims (the
// elements of a slice) yes.
func writeJSON(w io.Writer, doc jsonReport, claimList []inspect.Claim) (err error) {
	defer catchJSONError(&err)
	ew := escape.NewJSONWriter(w)
	s := newJSONStream(escape.NewIndentWriter(ew, "  "))
	s.raw("{")
	s.members(reflect.ValueOf(doc.jsonHead))
	s.raw(`,"claims":[`)
	var jc jsonClaim // each claim in turn, addressable as an element of doc.Claims would be
	jcv := reflect.ValueOf(&jc).Elem()
	for i := range claimList {
		if i > 0 {
			s.raw(",")
		}
		jc = jsonClaimOf(&claimList[i])
		s.value(jcv)
		s.spill()
	}
	s.raw("],")
	s.members(reflect.ValueOf(doc.jsonTail))
	s.raw("}\n")
	s.flush()
	if s.err != nil {
		return s.err
	}
	return ew.Close()
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}
