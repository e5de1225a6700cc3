package cli

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
)

// TestTUIPolicyFilesEvaluateAPastedError: policies loaded in the terminal
// UI (its p prompt) are evaluated on the values a pasted error carries,
// as those given on the command line are.
func TestTUIPolicyFilesEvaluateAPastedError(t *testing.T) {
	creds := filepath.Join("..", "..", "fixtures", "policies", "entra", "graph-list-environment-prod.json")
	s := inspect.NewSession(inspect.Options{LoadPolicies: loadPolicyFiles, UnloadPolicies: unloadPolicyDocument})
	s, failures := s.WithPolicyFiles(creds)
	if len(failures) > 0 {
		t.Fatal(failures)
	}
	r := s.InspectOffline(context.Background(), []byte("AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:environment:prod'."))
	if len(r.ProviderErrors) != 1 {
		t.Fatalf("%d errors found", len(r.ProviderErrors))
	}
	fits := ""
	for _, p := range r.ProviderErrors[0].Partials {
		if p.Fits() {
			fits = p.Result.Name
		}
	}
	if fits != "octo-repo-env-prod" {
		t.Errorf("fits %q, want octo-repo-env-prod (partials %d)", fits, len(r.ProviderErrors[0].Partials))
	}
}
