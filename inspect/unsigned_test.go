package inspect_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/verify"
)

// TestInspectClaims: claims nobody signed (simulated, or a real token's
// edited) run through every stage but the keys: no key source is touched,
// the signature is neither valid nor invalid, the policies decide the exit
// code.
func TestInspectClaims(t *testing.T) {
	prod, err := fixtures.ClaimSet("environment-prod")
	if err != nil {
		t.Fatal(err)
	}
	atIssue := time.Unix(1767225700, 0).UTC() // between iat and exp of the claim set
	set := policyset.Loader{}.Load([]string{"../fixtures/policies/aws/trust-environment-prod.json"}, nil, nil)
	// A key file that does not exist: reading it would be an error of the
	// verify stage and exit 2.
	s := inspect.NewSession(inspect.Options{At: atIssue, Source: verify.Source{JWKS: "no-such-dir/jwks.json"},
		Notes: []string{"about the session's keys"}, Providers: policyset.All()}).WithPolicies(set)
	cases := []struct {
		name     string
		claims   []byte
		label    inspect.Unsigned
		want     inspect.Unsigned
		verdict  policy.Verdict
		exit     int
		extract  bool // no claims: an extract error
		firstKey string
	}{
		{name: "simulated allows", claims: prod, label: inspect.Simulated, want: inspect.Simulated, verdict: policy.Allow, exit: 0, firstKey: "actor"},
		{name: "edited denies", claims: bytes.Replace(prod, []byte(`environment:prod"`), []byte(`ref:refs/heads/main"`), 1),
			label: inspect.Edited, want: inspect.Edited, verdict: policy.Deny, exit: 1, firstKey: "actor"},
		{name: "no label is edited", claims: []byte(`{"sub":"repo:octo-org/octo-repo:environment:prod","repository_id":"74","aud":"sts.amazonaws.com","iss":"` + gitHubIssuer + `"}`),
			want: inspect.Edited, verdict: policy.Allow, exit: 0, firstKey: "sub"},
		{name: "not an object", claims: []byte(`["sub"]`), label: inspect.Edited, want: inspect.Edited, exit: 2, extract: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := s.InspectClaims(context.Background(), tc.claims, tc.label)
			if r.Unsigned != tc.want {
				t.Errorf("unsigned %q, want %q", r.Unsigned, tc.want)
			}
			if got := r.ExitCode(); got != tc.exit {
				t.Errorf("exit %d, want %d (errors %v, checks %+v)", got, tc.exit, r.Errors, r.Verify.Checks)
			}
			if len(r.Notes) != 0 {
				t.Errorf("notes %q: the session's notes are not about these claims", r.Notes)
			}
			if tc.extract {
				if r.Token != nil || len(r.Errors) != 1 || !errors.Is(r.Errors[0].Err, inspect.ErrNotClaims) {
					t.Errorf("token %v errors %v, want one ErrNotClaims", r.Token, r.Errors)
				}
				return
			}
			if r.KeysGiven {
				t.Error("keys given: no key source may be used for unsigned claims")
			}
			for _, e := range r.Errors {
				t.Errorf("error %s: %v", e.Stage, e.Err)
			}
			sig := r.Verify.Signature
			reason := "not signed: " + string(tc.want)
			if sig.Status != verify.StatusUnverified || sig.Reason != reason {
				t.Errorf("signature %s %q, want unverified %q", sig.Status, sig.Reason, reason)
			}
			for _, c := range r.Verify.Checks {
				if (c.Name == "signature" || c.Name == "alg") && (c.Status != verify.Skip || c.Detail != reason) {
					t.Errorf("check %s: %s %q, want skip %q", c.Name, c.Status, c.Detail, reason)
				}
				if c.Status == verify.Fail {
					t.Errorf("check %s failed: %s", c.Name, c.Detail)
				}
			}
			if len(r.Claims) == 0 || r.Claims[0].Name != tc.firstKey {
				t.Errorf("claims not in the given order: first %+v", r.Claims)
			}
			if len(r.Policies) != 1 || r.Policies[0].Verdict != tc.verdict {
				t.Fatalf("policies %+v, want one %s", r.Policies, tc.verdict)
			}
			if r.Profile.ID == "" || r.Subject == nil || len(claim(t, r, "sub").Conditions) == 0 {
				t.Error("the claims are not explained and evaluated as a token's are")
			}
			if s.Fetches(r) || s.Reverify(r, inspect.Keys{Given: true, Err: verify.ErrKeySource}) != r {
				t.Error("unsigned claims are never fetched for or verified again")
			}
		})
	}
}

// TestInspectClaimsBrokenJSON: claims cut short are shown as far as they
// decoded, with the decoding problem, as a pasted token's payload is.
func TestInspectClaimsBrokenJSON(t *testing.T) {
	r := inspect.NewSession(inspect.Options{}).InspectClaims(context.Background(), []byte(`{"sub":"a","aud":`), inspect.Edited)
	if r.Token == nil || len(r.Claims) != 1 || r.Claims[0].Name != "sub" {
		t.Fatalf("token %v claims %+v, want the sub that decoded", r.Token, r.Claims)
	}
	if len(r.Errors) != 1 || r.Errors[0].Stage != inspect.StageDecode || r.ExitCode() != 1 {
		t.Errorf("errors %v exit %d, want one decode error and exit 1", r.Errors, r.ExitCode())
	}
}

func TestUnsignedMarker(t *testing.T) {
	for u, want := range map[inspect.Unsigned]string{"": "", inspect.Simulated: "simulated, unsigned", inspect.Edited: "edited, unsigned"} {
		if got := u.Marker(); got != want {
			t.Errorf("%q: %q, want %q", u, got, want)
		}
	}
}

// TestInspectClaimsWhatIf is the terminal's what-if as the package doc
// tells it: a pasted token's payload, one claim edited, marshalled in
// token order and inspected again; the claims keep their order and the
// policy reading the edited claim changes its verdict.
func TestInspectClaimsWhatIf(t *testing.T) {
	set := policyset.Loader{}.Load([]string{"../fixtures/policies/aws/trust-deny-pull-requests.json"}, nil, nil)
	s := inspect.NewSession(inspect.Options{At: fixtures.StaticNow(), Source: offline}).WithPolicies(set)
	pasted := s.Inspect(context.Background(), staticToken(t, "push-main"))
	if len(pasted.Policies) != 1 || pasted.Policies[0].Verdict != policy.Allow {
		t.Fatalf("the pasted token: %+v, want allow", pasted.Policies)
	}
	edited := pasted.Token.Payload
	edited.Members = slices.Clone(edited.Members)
	for i, m := range edited.Members {
		if m.Key == "sub" {
			edited.Members[i].Value = decode.Value{Kind: decode.String, Text: "repo:octo-org/octo-repo:pull_request"}
		}
	}
	data, err := json.Marshal(edited)
	if err != nil {
		t.Fatal(err)
	}
	r := s.InspectClaims(context.Background(), data, inspect.Edited)
	if len(r.Policies) != 1 || r.Policies[0].Verdict != policy.Deny {
		t.Errorf("edited: %+v, want deny", r.Policies)
	}
	if len(r.Claims) != len(pasted.Claims) {
		t.Fatalf("%d claims, the pasted token has %d", len(r.Claims), len(pasted.Claims))
	}
	for i := range r.Claims {
		if r.Claims[i].Name != pasted.Claims[i].Name {
			t.Errorf("claim %d is %s, the pasted token's %s: order lost", i, r.Claims[i].Name, pasted.Claims[i].Name)
		}
	}
	if r.Unsigned != inspect.Edited || pasted.Unsigned != "" {
		t.Errorf("marks %q and %q", r.Unsigned, pasted.Unsigned)
	}
}
