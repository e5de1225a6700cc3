package octosts

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// openPolicy accepts any issuer, subject and audience: whatever refuses a
// token under it is octo-sts's validation of the token, not the policy.
const openPolicy = "issuer_pattern: '.*'\nsubject_pattern: '.*'\naudience_pattern: '.*'\n"

// tokenWith is a GitHub-shaped token with iss, sub and aud replaced by
// the given JSON values ("" keeps the default, "-" drops the claim).
func tokenWith(t *testing.T, iss, sub, aud string) policy.Token {
	t.Helper()
	var parts []string
	for _, kv := range [][3]string{
		{"iss", iss, `"` + gh + `"`},
		{"sub", sub, `"repo:octo-org/octo-repo:ref:refs/heads/main"`},
		{"aud", aud, `"octo-sts.dev"`},
	} {
		switch kv[1] {
		case "-":
			continue
		case "":
			kv[1] = kv[2]
		}
		parts = append(parts, `"`+kv[0]+`":`+kv[1])
	}
	return policytest.Payload(t, "{"+strings.Join(parts, ",")+`,"ref":"refs/heads/main"}`)
}

type refusalCase struct {
	name          string
	iss, sub, aud string // JSON values, as tokenWith takes them
	refused       string // octo-sts's answer; "" when it accepts the token
	mention       string // the diagnosis, shown (escaped once), must also name this
}

// runRefusals evaluates each case under openPolicy and checks that
// octo-sts's own token validation decides it.
func runRefusals(t *testing.T, tests []refusalCase) {
	t.Helper()
	pol := parseOne(t, provider(), openPolicy)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pol.Evaluate(tokenWith(t, tt.iss, tt.sub, tt.aud))
			if tt.refused == "" {
				if r.Verdict != policy.Allow {
					t.Fatalf("verdict %s, want allow (octo-sts accepts this token): %s\n%s", r.Verdict, r.Summary, allDiagnoses(r))
				}
				return
			}
			if r.Verdict != policy.Deny {
				t.Fatalf("verdict %s, want deny (octo-sts answers %q): %s", r.Verdict, tt.refused, r.Summary)
			}
			if !strings.Contains(r.Summary, tt.refused) {
				t.Errorf("summary %q does not quote octo-sts's %q", r.Summary, tt.refused)
			}
			d := escape.Text(allDiagnoses(r))
			for _, w := range []string{tt.refused, tt.mention, "not the trust policy"} {
				if !strings.Contains(d, w) {
					t.Errorf("no diagnosis mentions %q:\n%s", w, d)
				}
			}
		})
	}
}

// TestSubjectOidcvalidateRefuses: octo-sts's CheckToken refuses a subject
// its pkg/oidcvalidate IsValidSubject rejects, before any pattern is
// tried; oidcscope allowed these tokens.
func TestSubjectOidcvalidateRefuses(t *testing.T) {
	const refused = "invalid subject in token"
	base := "repo:octo-org/octo-repo:ref:refs/heads/"
	q := func(s string) string { return `"` + s + `"` }
	runRefusals(t, []refusalCase{
		{name: "branch fix(ui)", sub: q(base + "fix(ui)"), refused: refused, mention: `"("`},
		{name: "space in an environment name", sub: q("repo:octo-org/octo-repo:environment:Prod Env"), refused: refused, mention: "space"},
		{name: "tab", sub: q(base + `a\tb`), refused: refused, mention: `\t`},
		{name: "newline", sub: q(base + `main\nx`), refused: refused, mention: `\n`},
		{name: "dollar", sub: q(base + "$x"), refused: refused, mention: `"$"`},
		{name: "square bracket", sub: q(base + "a[1]"), refused: refused, mention: `"["`},
		{name: "backslash", sub: q(base + `a\\b`), refused: refused, mention: `"\\"`},
		{name: "quote", sub: q(base + `it\"s`), refused: refused, mention: `"""`},
		{name: "bidi override is not printable", sub: q(base + `a\u202eb`), refused: refused, mention: `\u202e`},
		{name: "no-break space is not printable", sub: q(base + `a\u00a0b`), refused: refused, mention: "\"\u00a0\" (U+00A0)"},
		{name: "DEL is not printable", sub: q(base + `a\u007fb`), refused: refused, mention: `\x7f`},
		{name: "256 characters", sub: q(base + strings.Repeat("é", 256-len(base))), refused: refused, mention: "256 characters"},
		{name: "empty", sub: `""`, refused: refused, mention: "empty"},
		{name: "null reads as empty", sub: `null`, refused: refused, mention: "empty"},
		{name: "absent reads as empty", sub: "-", refused: refused, mention: "no sub"},
		{name: "255 characters", sub: q(base + strings.Repeat("é", 255-len(base)))},
		{name: "pipe, at, plus, equals", sub: q(base + "a|b@c+d=e")},
		{name: "unicode letters and emoji", sub: q(base + "用户😀")},
		{name: "immutable form", sub: q("repo:octo-org@65/octo-repo@74:ref:refs/heads/main")},
	})
}

// TestAudienceOidcvalidateRefuses: every aud must pass IsValidAudience,
// which also refuses "|" and "@"; oidcscope allowed these tokens.
func TestAudienceOidcvalidateRefuses(t *testing.T) {
	const refused = "invalid audience in token"
	runRefusals(t, []refusalCase{
		{name: "pipe", aud: `"a|b"`, refused: refused, mention: `"|"`},
		{name: "at sign", aud: `"user@example.com"`, refused: refused, mention: `"@"`},
		{name: "one bad element among good ones", aud: `["octo-sts.dev","a b"]`, refused: refused, mention: "space"},
		{name: "empty string", aud: `""`, refused: refused, mention: "empty"},
		{name: "empty element", aud: `["","octo-sts.dev"]`, refused: refused, mention: "empty"},
		{name: "null reads as one empty audience", aud: `null`, refused: refused, mention: "empty"},
		{name: "256 characters", aud: `"` + strings.Repeat("a", 256) + `"`, refused: refused, mention: "256 characters"},
		{name: "control character", aud: `"a\u0001"`, refused: refused, mention: `\x01`},
		{name: "URL audience", aud: `"https://octo-sts.dev"`},
		{name: "several good audiences", aud: `["sts.amazonaws.com","octo-sts.dev"]`},
		{name: "255 characters", aud: `"` + strings.Repeat("a", 255) + `"`},
	})
}

// TestIssuerOidcvalidateRefuses: octo-sts checks the issuer's shape when
// the exchange starts ("invalid issuer format", before any trust policy
// is read) and again in CheckToken ("invalid issuer in token", which only
// the scheme-less accounts.google.com reaches); oidcscope allowed these.
func TestIssuerOidcvalidateRefuses(t *testing.T) {
	const format = "invalid issuer format"
	runRefusals(t, []refusalCase{
		{name: "http to another host", iss: `"http://example.com"`, refused: format, mention: "https"},
		{name: "other scheme", iss: `"ftp://example.com"`, refused: format, mention: "https"},
		{name: "query", iss: `"https://example.com?x=1"`, refused: format, mention: "query"},
		{name: "empty fragment", iss: `"https://example.com/p#"`, refused: format, mention: `"#"`},
		{name: "user info", iss: `"https://user@example.com"`, refused: format, mention: "user"},
		{name: "no host", iss: `"https://"`, refused: format, mention: "host"},
		{name: "non-ASCII host", iss: `"https://exämple.com"`, refused: format, mention: "ASCII"},
		{name: "double slash in path", iss: `"https://example.com//x"`, refused: format, mention: `"//"`},
		{name: "dot-dot in path", iss: `"https://example.com/a/../b"`, refused: format, mention: `".."`},
		{name: "escaped dot-dot in path", iss: `"https://example.com/a%2F..%2Fb"`, refused: format, mention: `".."`},
		{name: "tilde at the end", iss: `"https://example.com/a~"`, refused: format, mention: "~"},
		{name: "double tilde", iss: `"https://example.com/a~~b"`, refused: format, mention: `"~~"`},
		{name: "dot segment", iss: `"https://example.com/./a"`, refused: format, mention: `"." segment`},
		{name: "tilde segment", iss: `"https://example.com/~/a"`, refused: format, mention: `"~" segment`},
		{name: "not a URL", iss: `"https://[::1"`, refused: format, mention: "not a URL"},
		{name: "space in path", iss: `"https://example.com/a%20b"`, refused: format, mention: "path"},
		{name: "long path segment", iss: `"https://example.com/` + strings.Repeat("a", 151) + `"`, refused: format, mention: "150"},
		{name: "256 characters", iss: `"https://` + strings.Repeat("a", 244) + `.com"`, refused: format, mention: "256 characters"},
		{name: "empty", iss: `""`, refused: format, mention: "empty"},
		{name: "absent", iss: "-", refused: format, mention: "no iss"},
		{name: "scheme-less Google issuer passes the first check only", iss: `"accounts.google.com"`, refused: "invalid issuer in token", mention: "accounts.google.com"},
		{name: "GitHub", iss: `"` + gh + `"`},
		{name: "GitHub enterprise", iss: `"` + gh + `/octo-enterprise"`},
		{name: "trailing slash", iss: `"https://example.com/"`},
		{name: "port and path", iss: `"https://keycloak.example.com:8443/auth/realms/main"`},
		{name: "http to localhost", iss: `"http://localhost:8080"`},
		{name: "http to ::1", iss: `"http://[::1]:8080"`},
		{name: "single tilde inside the path", iss: `"https://example.com/user~name/x"`},
	})
}

// TestNonStringIssuerOrSubjectIsInvalidBearer: octo-sts reads iss and sub
// as strings before anything else; another type ends the exchange with
// "invalid bearer token", before any trust policy is read.
func TestNonStringIssuerOrSubjectIsInvalidBearer(t *testing.T) {
	runRefusals(t, []refusalCase{
		{name: "numeric sub", sub: `12`, refused: "invalid bearer token", mention: "number"},
		{name: "list iss", iss: `["` + gh + `"]`, refused: "invalid bearer token", mention: "list"},
		{name: "aud of numbers", aud: `[1]`, refused: "unable to verify bearer token", mention: "go-oidc"},
	})
}

// TestTokenRefusalOrderAgainstCompile: octo-sts reads and compiles the
// policy after checking the issuer's shape and before CheckToken's
// subject and audience checks, so a broken policy is an error for a bad
// subject but the bad issuer decides first.
func TestTokenRefusalOrderAgainstCompile(t *testing.T) {
	broken := "issuer_pattern: '.*'\nsubject_pattern: 'repo:(o'\n"
	tests := []struct {
		name          string
		iss, sub, aud string
		want          policy.Verdict
		mention       string
	}{
		{"bad issuer: refused before the policy is read", `"http://example.com"`, "", "", policy.Deny, "invalid issuer format"},
		{"numeric sub: refused before the policy is read", "", `7`, "", policy.Deny, "invalid bearer token"},
		{"bad subject: the policy's compile error comes first", "", `"repo:o/r:ref:refs/heads/fix(ui)"`, "", policy.Error, "cannot compile"},
		{"bad audience: the policy's compile error comes first", "", "", `"a|b"`, policy.Error, "cannot compile"},
	}
	pol := parseOne(t, provider(), broken)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pol.Evaluate(tokenWith(t, tt.iss, tt.sub, tt.aud))
			if r.Verdict != tt.want || !strings.Contains(r.Summary, tt.mention) {
				t.Fatalf("verdict %s (%s), want %s mentioning %q", r.Verdict, r.Summary, tt.want, tt.mention)
			}
			if tt.want == policy.Deny && !strings.Contains(r.Summary, "does not compile") {
				t.Errorf("summary %q should still say the policy does not compile", r.Summary)
			}
		})
	}
}

// TestTokenRefusalComesBeforeMatching: a token octo-sts refuses is denied
// for that reason even when the policy's own tests would fail too, and
// the refusal is the first condition, as octo-sts checks it first.
func TestTokenRefusalComesBeforeMatching(t *testing.T) {
	pol := parseOne(t, provider(), "issuer: "+gh+"\nsubject: repo:octo-org/octo-repo:ref:refs/heads/main\n")
	r := pol.Evaluate(tokenWith(t, "", `"repo:octo-org/octo-repo:ref:refs/heads/fix(ui)"`, `"sts.amazonaws.com"`))
	if r.Verdict != policy.Deny || !strings.Contains(r.Summary, "invalid subject in token") {
		t.Fatalf("verdict %s: %s", r.Verdict, r.Summary)
	}
	if c := r.Conditions[0]; c.Result != policy.Fail || c.Claims[0] != "sub" || !strings.Contains(joined(c.Diagnosis), "invalid subject in token") {
		t.Errorf("first condition %+v, want the failing subject check", c)
	}
	if !strings.Contains(r.Summary, "and 2 more failing conditions") {
		t.Errorf("summary %q should count the subject and audience mismatches too", r.Summary)
	}
}

// TestDuplicatedClaimsUseTheLastValue: every reader octo-sts uses is
// encoding/json, which keeps a repeated member's last value (one of the
// two readings RFC 7519 §4 allows); oidcscope failed such a condition
// instead. It now decides as octo-sts does and says so in a finding; a
// wrong type in any copy still fails octo-sts's decoding.
func TestDuplicatedClaimsUseTheLastValue(t *testing.T) {
	pol := parseOne(t, provider(), "issuer: "+gh+"\nsubject: repo:o/r:ref:refs/heads/main\naudience: a\nclaim_pattern:\n  ref: refs/heads/main\n")
	const head = `{"iss":"` + gh + `",`
	tests := []struct {
		name, claims string
		want         policy.Verdict
		mention      string // in the summary
	}{
		{"sub: the last one matches", head + `"sub":"x","sub":"repo:o/r:ref:refs/heads/main","aud":"a","ref":"refs/heads/main"}`, policy.Allow, ""},
		{"sub: the first one matches", head + `"sub":"repo:o/r:ref:refs/heads/main","sub":"x","aud":"a","ref":"refs/heads/main"}`, policy.Deny, `subject "x" did not match`},
		{"aud: the last one matches", head + `"sub":"repo:o/r:ref:refs/heads/main","aud":"b","aud":["a"],"ref":"refs/heads/main"}`, policy.Allow, ""},
		{"claim: the last one matches", head + `"sub":"repo:o/r:ref:refs/heads/main","aud":"a","ref":"refs/heads/x","ref":"refs/heads/main"}`, policy.Allow, ""},
		{"claim: the first one matches", head + `"sub":"repo:o/r:ref:refs/heads/main","aud":"a","ref":"refs/heads/main","ref":"refs/heads/x"}`, policy.Deny, `claim "ref" did not match`},
		{"sub: a number in one copy fails decoding", head + `"sub":1,"sub":"repo:o/r:ref:refs/heads/main","aud":"a","ref":"refs/heads/main"}`, policy.Deny, "invalid bearer token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := pol.Evaluate(policytest.Payload(t, tt.claims))
			if r.Verdict != tt.want || !strings.Contains(r.Summary, tt.mention) {
				t.Fatalf("verdict %s (%s), want %s mentioning %q\n%s", r.Verdict, r.Summary, tt.want, tt.mention, allDiagnoses(r))
			}
			if !policytest.HasRule(r.Lint, RuleDuplicatedClaim) {
				t.Errorf("no %s finding: %+v", RuleDuplicatedClaim, r.Lint)
			}
		})
	}
}
