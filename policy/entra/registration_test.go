package entra

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestAzureAudienceIsTheTables: AzureAudience stays a constant for this
// package's messages; the provider table is the one source, so they agree.
func TestAzureAudienceIsTheTables(t *testing.T) {
	if got := policy.InfoOf(policy.Entra).Audience; got != AzureAudience {
		t.Fatalf("provider table has %q, AzureAudience is %q", got, AzureAudience)
	}
	if r := Registration(); r.ID != policy.Entra || r.New().ID() != policy.Entra {
		t.Fatalf("Registration() = %+v", r)
	}
}
