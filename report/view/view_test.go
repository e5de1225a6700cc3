package view_test

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/report/view"
	"github.com/oidcscope/oidcscope/verify"
)

const hostile = "a\x1b]52;c;ZXZpbA==\x07b\u202etxt"

// TestBlocksAreEscaped: a string from outside reaches a block only
// escaped, whichever block holds it.
func TestBlocksAreEscaped(t *testing.T) {
	r := &inspect.Report{
		Claims: []inspect.Claim{{Name: hostile, Value: decode.Value{Kind: decode.String, Text: hostile}}},
		Policies: []policy.Result{{
			Provider: "aws", Name: hostile, Source: hostile, Verdict: policy.Deny, Summary: hostile,
			Conditions: []policy.Condition{{Expression: hostile, Claims: []string{hostile}, Actual: hostile, Result: policy.Fail, Diagnosis: []string{hostile}}},
			Lint:       []policy.Finding{{Rule: "r", Message: hostile, Severity: policy.SevWarning}},
		}},
	}
	r.Verify.Signature = verify.Signature{Status: verify.StatusInvalid, Alg: hostile, Kid: hostile, Reason: hostile}
	r.Verify.Checks = []verify.Check{{Name: "iss", Status: verify.Fail, Detail: hostile}}
	c := view.ClaimOf(r.Claims[0])
	p := view.Policies(r)[0]
	sig := view.SignatureOf(r)
	shown := []string{c.Name, c.Value, p.Name, p.Source, p.Summary, p.Conditions[0].Expression, p.Conditions[0].Claims[0],
		p.Conditions[0].Actual, p.Conditions[0].Diagnosis[0], p.Lint[0].Message, sig.Alg, sig.Kid, sig.Reason, view.Checks(r)[0].Detail}
	for i, s := range shown {
		if strings.ContainsAny(s, "\x1b\x07\u202e") {
			t.Errorf("block text %d not escaped: %q", i, s)
		}
	}
}

func TestTally(t *testing.T) {
	got := view.TallyOf([]policy.Result{{Verdict: policy.Allow}, {Verdict: policy.Deny}, {Verdict: policy.Deny}, {Verdict: policy.Error}, {Verdict: "odd"}})
	if want := (view.Tally{Total: 5, Allow: 1, Deny: 2, Error: 2}); got != want {
		t.Errorf("TallyOf = %+v, want %+v", got, want)
	}
}

// TestSignatureMarksNeverConfused: unverified differs from valid and
// invalid in tone, symbol and word; an unknown status reads unverified.
func TestSignatureMarksNeverConfused(t *testing.T) {
	u := view.SignatureMark(verify.StatusUnverified)
	for _, s := range []verify.Status{verify.StatusValid, verify.StatusInvalid} {
		m := view.SignatureMark(s)
		if m.Tone == u.Tone || m.Symbol == u.Symbol || m.Word == u.Word {
			t.Errorf("%s looks like unverified: %+v vs %+v", s, m, u)
		}
	}
	if got := view.SignatureMark(""); got != u {
		t.Errorf("an unknown status reads %+v, want unverified", got)
	}
}

// TestInsteadOnlyForFailingClaims: the conditions to satisfy instead are
// those of the policy's provider, for the claims its failing conditions
// read.
func TestInsteadOnlyForFailingClaims(t *testing.T) {
	r := &inspect.Report{Claims: []inspect.Claim{
		{Name: "sub", WouldSatisfy: []policy.Snippet{{Provider: "aws", Claim: "sub", Text: "S"}, {Provider: "vault", Claim: "sub", Text: "V"}}},
		{Name: "aud", WouldSatisfy: []policy.Snippet{{Provider: "aws", Claim: "aud", Text: "A"}}},
	}}
	p := policy.Result{Provider: "aws", Verdict: policy.Deny, Conditions: []policy.Condition{
		{Claims: []string{"sub"}, Result: policy.Fail}, {Claims: []string{"aud"}, Result: policy.Pass},
	}}
	got := view.Instead(r, p)
	if len(got) != 1 || got[0].Text != "S" {
		t.Errorf("Instead = %+v, want only aws's sub condition", got)
	}
}

// TestInsteadLeadsWithTheDocumentsFixes: a provider's changes to the
// document itself (a mapping entry to guard, a state to undo) come before
// the token's own conditions, so that a copy takes the one aimed at what
// failed; a fix names no claim when it is about the document as a whole.
func TestInsteadLeadsWithTheDocumentsFixes(t *testing.T) {
	r := &inspect.Report{Claims: []inspect.Claim{
		{Name: "sub", WouldSatisfy: []policy.Snippet{{Provider: "gcp", Claim: "sub", Text: "S"}}},
	}}
	p := policy.Result{Provider: "gcp", Verdict: policy.Deny,
		Conditions: []policy.Condition{{Claims: []string{"sub"}, Result: policy.Fail}},
		Fixes: []policy.Snippet{
			{Provider: "gcp", Claim: "environment", Text: "E\x1b[31m", Note: "guard it"},
			{Provider: "gcp", Text: "gcloud … undelete", Note: "the provider is DELETED"},
		}}
	got := view.Instead(r, p)
	if len(got) != 3 || got[0].Claim != "environment" || got[1].Claim != "" || got[2].Text != "S" {
		t.Fatalf("Instead = %+v, want both fixes in order, then the sub condition", got)
	}
	if strings.ContainsRune(got[0].Text, 0x1b) {
		t.Errorf("a fix's text is shown as %q, want its ESC made visible", got[0].Text)
	}
	if raw := view.InsteadSnippets(r, p); len(raw) != 3 || raw[0].Text != "E\x1b[31m" {
		t.Errorf("InsteadSnippets = %+v, want the fixes raw for the clipboard", raw)
	}
}

// TestInsteadFixWithNeitherClaimNorNote: a fix that names no claim and
// carries no note is still headed, by what it is, in every rendering.
func TestInsteadFixWithNeitherClaimNorNote(t *testing.T) {
	got := view.Snippets([]policy.Snippet{{Provider: "gcp", Text: "T"}})
	if len(got) != 1 || got[0].Note == "" {
		t.Errorf("Snippets = %+v, want a note that heads it", got)
	}
}

// TestInsteadCaution: the block warns before anyone pastes that a deny
// may be the policy doing its job.
func TestInsteadCaution(t *testing.T) {
	if !strings.Contains(view.InsteadCaution, "a deny may be the policy doing its job") {
		t.Errorf("InsteadCaution = %q", view.InsteadCaution)
	}
}

// TestFailedCheckOf: a failed time or audience check marks the claim of
// its name, and only that one; a failed signature marks no claim.
func TestFailedCheckOf(t *testing.T) {
	r := &inspect.Report{Verify: verify.Result{Checks: []verify.Check{
		{Name: "exp", Status: verify.Fail}, {Name: "signature", Status: verify.Fail}, {Name: "nbf", Status: verify.Pass},
	}}}
	if m, ok := view.FailedCheckOf(r, "exp"); !ok || m != view.CheckMark(verify.Fail) {
		t.Errorf("exp: %+v %v, want the failed check's mark", m, ok)
	}
	for _, name := range []string{"nbf", "signature", "sub"} {
		if _, ok := view.FailedCheckOf(r, name); ok {
			t.Errorf("%s is marked failed", name)
		}
	}
}
