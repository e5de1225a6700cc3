package tokendiff

import (
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// CheckDiff is one verification check (signature, exp, aud, …) whose
// outcome differs between the tokens, with each one's reason (raw text:
// escape before printing).
type CheckDiff struct {
	Name    string             `json:"name"`
	A       verify.CheckStatus `json:"a"`
	B       verify.CheckStatus `json:"b"`
	ADetail string             `json:"a_detail"`
	BDetail string             `json:"b_detail"`
}

// checks pairs a's and b's checks by name; those whose status differs.
func checks(a, b *inspect.Report) []CheckDiff {
	bCheck := map[string]verify.Check{}
	for _, c := range b.Verify.Checks {
		bCheck[c.Name] = c
	}
	out := []CheckDiff{}
	for _, ca := range a.Verify.Checks {
		if cb, ok := bCheck[ca.Name]; ok && cb.Status != ca.Status {
			out = append(out, CheckDiff{Name: ca.Name, A: ca.Status, B: cb.Status, ADetail: ca.Detail, BDetail: cb.Detail})
		}
	}
	return out
}
