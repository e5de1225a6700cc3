package octosts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// fixtureNames are the signed static tokens in fixtures/testdata/static.
var fixtureNames = []string{
	"push-main", "pull-request", "environment-prod", "reusable-workflow", "custom-sub",
	"immutable-sub", "self-hosted", "enterprise", "other-repo",
}

func fixtureToken(t testing.TB, name string) policy.Token {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "testdata", "static", name+".jwt"))
	if err != nil {
		t.Fatalf("reading fixture token %s: %v", name, err)
	}
	tok, err := decode.Parse(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("decoding fixture token %s: %v", name, err)
	}
	return policy.NewToken(tok.Payload)
}

// payload builds a token from JSON claims.
func payload(t testing.TB, js string) policy.Token {
	t.Helper()
	v, errs := decode.ParseJSON("payload", []byte(js))
	for _, e := range errs {
		if e.Cause != decode.ErrDuplicateKey {
			t.Fatalf("claims %s: %v", js, e)
		}
	}
	return policy.NewToken(v)
}

// parseOne parses a document that must hold exactly one policy.
func parseOne(t testing.TB, p *Provider, doc string) policy.Policy {
	t.Helper()
	pols, err := p.Parse("test.sts.yaml", []byte(doc))
	if err != nil {
		t.Fatalf("Parse(%q): %v", doc, err)
	}
	if len(pols) != 1 {
		t.Fatalf("Parse(%q) returned %d policies, want 1", doc, len(pols))
	}
	return pols[0]
}

func provider() *Provider { return New().(*Provider) }

func joined(lines []string) string { return strings.Join(lines, "\n") }

func allDiagnoses(r policy.Result) string {
	var b strings.Builder
	for _, c := range r.Conditions {
		b.WriteString(joined(c.Diagnosis) + "\n")
	}
	return b.String()
}

func hasFinding(fs []policy.Finding, rule string) bool {
	for _, f := range fs {
		if f.Rule == rule {
			return true
		}
	}
	return false
}
