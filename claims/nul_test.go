package claims

import (
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

// TestNULInClaim: a NUL inside a claim, in its value at any depth or in its
// name, is a risk named on that claim: C-based verifiers and logs may cut
// the value there, so what they check is not what is shown. Other claims
// are not flagged.
func TestNULInClaim(t *testing.T) {
	tests := []struct{ name, json, claim string }{
		{"in sub", `{"iss":"https://token.actions.githubusercontent.com","sub":"repo:a/b\u0000:ref:refs/heads/main"}`, "sub"},
		{"at the end", `{"iss":"https://x.example","sub":"a\u0000"}`, "sub"},
		{"in an array", `{"iss":"https://x.example","aud":["ok","sts.amazonaws.com\u0000.evil"]}`, "aud"},
		{"in an object", `{"iss":"https://x.example","act":{"sub":{"name":"a\u0000b"}}}`, "act"},
		{"in a member name", `{"iss":"https://x.example","act":{"s\u0000ub":"a"}}`, "act"},
		{"in a claim name", `{"iss":"https://x.example","s\u0000ub":"a"}`, "s\u0000ub"},
		{"in iss", `{"iss":"https://token.actions.githubusercontent.com\u0000.evil.example"}`, "iss"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := decode.ParseJSON("payload", []byte(tt.json))
			if err != nil {
				t.Fatal(err)
			}
			a := analyze(t, p)
			for i, m := range p.Members {
				got := hasReason(a.Claims[i].Highlights, ReasonRisk, "NUL")
				if want := m.Key == tt.claim; got != want {
					t.Errorf("%q: NUL risk %v, want %v: %+v", m.Key, got, want, a.Claims[i].Highlights)
				}
			}
		})
	}
}
