package verify

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/internal/cli/flagwords"
	"github.com/oidcscope/oidcscope/internal/setting"
)

// TestNamesWordEveryKeySourceMessage: with the caller's Names, each message
// that points at a setting reads exactly as the command line printed it
// before the wording moved out of this package; without, it is neutral.
func TestNamesWordEveryKeySourceMessage(t *testing.T) {
	tok := mustParse(t, demoToken(t, "push-main"))
	ctx := context.Background()
	loadErr := func(s Source) string {
		t.Helper()
		_, err := s.Load(ctx, tok)
		if !errors.Is(err, ErrKeySource) {
			t.Fatalf("Load(%+v) = %v; want ErrKeySource", s, err)
		}
		return err.Error()
	}
	secret := rsaPublicPEM(t, &testRSAKey().PublicKey)
	octSet := []byte(`{"keys":[{"kty":"oct","kid":"hs","k":"` + b64json("a perfectly good HMAC secret") + `"}]}`)
	skipped := func(say setting.Names) string {
		return loadErr(Source{JWKS: "set.json", ReadFile: fakeFiles(map[string][]byte{"set.json": octSet}), Names: say})
	}
	tests := []struct {
		name    string
		got     func(say setting.Names) string
		flagged string // with the command line's names (contains)
		neutral string // with none
	}{
		{"JWKS URL while offline", func(say setting.Names) string {
			return loadErr(Source{JWKS: "https://keys.example/jwks", Offline: true, Names: say})
		}, "key source unusable: --jwks https://keys.example/jwks is a URL but --offline is set",
			"key source unusable: JWK Set https://keys.example/jwks is a URL but offline mode is set"},
		{"discovery while offline", func(say setting.Names) string {
			return loadErr(Source{Discover: true, Offline: true, Names: say})
		}, "key source unusable: discovery disabled by --offline",
			"key source unusable: discovery disabled by offline mode"},
		{"missing JWKS file", func(say setting.Names) string {
			return loadErr(Source{JWKS: "missing.json", ReadFile: fakeFiles(nil), Names: say})
		}, "key source unusable: --jwks: open missing.json", "key source unusable: JWK Set: open missing.json"},
		{"public key as the secret", func(say setting.Names) string {
			return loadErr(Source{Secret: secret, Names: say})
		}, "OIDCSCOPE_SECRET holds a PEM block; use --key for public keys",
			"the secret from the environment holds a PEM block; use a key file for public keys"},
		{"HMAC key in a set", skipped,
			`a key set never supplies an HMAC secret; give one with --secret-file, OIDCSCOPE_SECRET or a single "oct" JWK with --key`,
			`a key set never supplies an HMAC secret; give one with a secret file, the secret from the environment or a single "oct" JWK with a key fi`},
		{"advice on a refused host", func(say setting.Names) string { return named{say: say}.howToName() },
			"only a host you name yourself (a --jwks URL, or the token's issuer with --discover) may be an IP address or resolve there",
			"only a host you name yourself (a JWK Set URL, or the token's issuer with discovery) may be an IP address or resolve there"},
		{"advice on loopback", func(say setting.Names) string { return named{say: say}.howToReachLoopback() },
			"this machine is reached only at the exact scheme, host and port you type (a --jwks URL, or --issuer with --discover), never through a redirect, a discovery document or a token",
			"this machine is reached only at the exact scheme, host and port you type (a JWK Set URL, or the expected issuer with discovery), never through a redirect, a discovery document or a token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.got(flagwords.Names); !strings.Contains(got, tt.flagged) {
				t.Errorf("with flag names:\n got %q\nwant %q", got, tt.flagged)
			}
			if got := tt.got(nil); !strings.Contains(got, tt.neutral) {
				t.Errorf("neutral:\n got %q\nwant %q", got, tt.neutral)
			}
		})
	}
	_, err := Source{Discover: true, Offline: true}.Load(ctx, tok)
	if !errors.Is(err, ErrDiscoveryOffline) {
		t.Errorf("discovery while offline: %v; want ErrDiscoveryOffline", err)
	}
}

// TestNamesWordCheckDetails: the details that point at a setting are
// neutral by default and read as the command line's flags with its Names.
func TestNamesWordCheckDetails(t *testing.T) {
	tok := mustParse(t, demoToken(t, "push-main"))
	detail := func(say setting.Names, name string) string {
		for _, c := range Verify(tok, Options{At: fixtures.StaticNow(), Names: say}).Checks {
			if c.Name == name {
				return c.Detail
			}
		}
		t.Fatalf("no %s check", name)
		return ""
	}
	for _, tc := range []struct{ check, neutral, flagged string }{
		{"iss", "no expected issuer given", "no expected issuer given (--issuer)"},
		{"aud", "no expected audience given", "no expected audience given (--audience)"},
		{"signature", "no key given: verify with a JWK Set, a key file or a secret file, or by discovery for this issuer",
			"no key given: pass --jwks, --key or --secret-file (or --discover for this issuer)"},
		{"alg", "RS256 is a supported asymmetric or HMAC algorithm (restrict with a list of allowed algorithms)",
			"RS256 is a supported asymmetric or HMAC algorithm (restrict with --algs)"},
	} {
		if got := detail(nil, tc.check); got != tc.neutral {
			t.Errorf("%s, neutral: %q, want %q", tc.check, got, tc.neutral)
		}
		if got := detail(flagwords.Names, tc.check); got != tc.flagged {
			t.Errorf("%s, with flags: %q, want %q", tc.check, got, tc.flagged)
		}
	}
}
