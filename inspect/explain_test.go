package inspect_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
)

// Every fixture token and the real GitHub token are explained completely:
// no claim is unknown, check_run_id is marked new, and sub is parsed.
func TestEveryGitHubTokenExplained(t *testing.T) {
	inputs := map[string][]byte{}
	for _, name := range fixtures.Names() {
		inputs[name] = staticToken(t, name)
	}
	real, err := os.ReadFile(filepath.Join("..", "testdata", "github", "sigstore-beacon.jwt"))
	if err != nil {
		t.Fatal(err)
	}
	inputs["sigstore-beacon"] = real
	for name, input := range inputs {
		t.Run(name, func(t *testing.T) {
			r := inspect.Run(context.Background(), inspect.Options{Input: input, Source: offline})
			if r.Profile.ID != "github-actions" {
				t.Fatalf("profile = %+v", r.Profile)
			}
			sawNew := false
			for _, c := range r.Claims {
				if !c.Info.Known() {
					t.Errorf("claim %q is unknown", c.Name)
				}
				for _, h := range c.Info.Highlights {
					if h.Reason == claims.ReasonNew && c.Name == "check_run_id" {
						sawNew = true
					}
				}
			}
			if !sawNew {
				t.Errorf("check_run_id not highlighted as new")
			}
			if r.Subject == nil || r.Subject.Format == claims.FormatUnknown || len(r.Subject.Contradictions) > 0 {
				t.Errorf("subject = %+v", r.Subject)
			}
			if len(r.Links) == 0 {
				t.Errorf("no links")
			}
		})
	}
}
