package view

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// Signature is the signature block, escaped.
type Signature struct {
	Mark      Mark
	Status    verify.Status
	Alg, Kid  string
	KeySource string // "none" when no key was used
	// HasKeys: a key source was used (KeySource is neither none nor empty).
	HasKeys bool
	KeyName string
	KeyID   string
	Reason  string
}

// SignatureOf is r's signature block.
func SignatureOf(r *inspect.Report) Signature {
	sig := r.Verify.Signature
	s := Signature{
		Mark: SignatureMark(sig.Status), Status: sig.Status,
		Alg: shown(sig.Alg), Kid: shown(sig.Kid),
		KeySource: shown(string(sig.KeySource)), KeyName: shown(sig.KeyName), KeyID: shown(sig.KeyID), Reason: shown(sig.Reason),
		HasKeys: sig.KeySource != verify.SourceNone && sig.KeySource != "",
	}
	return s
}

// Check is one verification check, escaped.
type Check struct {
	Mark   Mark
	Name   string
	Detail string
}

// Checks are r's verification checks.
func Checks(r *inspect.Report) []Check {
	out := make([]Check, len(r.Verify.Checks))
	for i, c := range r.Verify.Checks {
		out[i] = Check{Mark: CheckMark(c.Status), Name: shown(c.Name), Detail: shown(c.Detail)}
	}
	return out
}

// Problem is one stage's error, escaped.
type Problem struct {
	Stage, Message string
}

// Problems are r's errors.
func Problems(r *inspect.Report) []Problem {
	out := make([]Problem, len(r.Errors))
	for i, e := range r.Errors {
		out[i] = Problem{Stage: shown(e.Stage), Message: shown(e.Err.Error())}
	}
	return out
}

// Warnings are verification's warnings, escaped.
func Warnings(r *inspect.Report) []string { return shownAll(r.Verify.Warnings) }
