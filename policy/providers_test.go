package policy

import (
	"slices"
	"testing"
)

func TestKnownProvidersIsTheDisplayOrder(t *testing.T) {
	var ids []string
	for _, p := range KnownProviders() {
		ids = append(ids, p.ID)
	}
	if want := []string{AWS, Entra, GCP, Vault, OctoSTS, K8s, PyPI, CratesIO, RubyGems, NPM, NuGet, JSR, PubDev}; !slices.Equal(ids, want) {
		t.Fatalf("ids = %v, want %v", ids, want)
	}
}

func TestLookupProviderResolvesIDsAndAliases(t *testing.T) {
	for name, want := range map[string]string{
		"aws": AWS, "AWS": AWS, "entra": Entra, "azure": Entra, "Azure": Entra,
		"gcp": GCP, "google": GCP, "google-cloud": GCP, "vault": Vault,
		"octo-sts": OctoSTS, "octosts": OctoSTS, "k8s": K8s, "kubernetes": K8s,
	} {
		got, ok := LookupProvider(name)
		if !ok || got.ID != want {
			t.Errorf("LookupProvider(%q) = %q, %v; want %q", name, got.ID, ok, want)
		}
	}
	for _, name := range []string{"", "gcpx", "aws-oidc-provider", "Google Cloud"} {
		if got, ok := LookupProvider(name); ok {
			t.Errorf("LookupProvider(%q) = %q, want not found", name, got.ID)
		}
	}
}

func TestKnownProvidersReturnsACopy(t *testing.T) {
	first := KnownProviders()
	first[1].Name = "changed"
	first[1].Aliases[0] = "changed"
	again := KnownProviders()
	if again[1].Name != "Entra" || again[1].Aliases[0] != "azure" {
		t.Fatalf("the table changed through a returned copy: %+v", again[1])
	}
}

func TestProviderNameAndAudienceComeFromTheTable(t *testing.T) {
	for _, p := range KnownProviders() {
		if got := ProviderName(p.ID); got != p.Name {
			t.Errorf("ProviderName(%q) = %q, want %q", p.ID, got, p.Name)
		}
		if got := InfoOf(p.ID).Audience; got != p.Audience {
			t.Errorf("InfoOf(%q).Audience = %q, want %q", p.ID, got, p.Audience)
		}
	}
	if got := ProviderName("other"); got != "other" {
		t.Errorf("an unknown id is its own name, got %q", got)
	}
	if got := InfoOf("other"); got.ID != "other" || got.Name != "other" || got.Audience != "" {
		t.Errorf("InfoOf(unknown) = %+v", got)
	}
}

func TestProviderAudiencesListsOnlyProvidersThatHaveOne(t *testing.T) {
	var got []string
	for _, p := range ProviderAudiences() {
		got = append(got, p.ID+"="+p.Audience)
	}
	want := []string{"aws=sts.amazonaws.com", "entra=api://AzureADTokenExchange",
		"gcp=https://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>",
		"pypi=pypi", "crates.io=crates.io", "rubygems=rubygems.org", "pub.dev=https://pub.dev"}
	if !slices.Equal(got, want) {
		t.Fatalf("ProviderAudiences = %v, want %v", got, want)
	}
}

func TestRegistrationFilesResultsUnderItsOwnIDUnlessTold(t *testing.T) {
	own := Registration{ProviderInfo: InfoOf(Entra)}
	if got := own.ResultProvider(); got != Entra {
		t.Errorf("ResultProvider = %q, want %q", got, Entra)
	}
	filed := Registration{ProviderInfo: ProviderInfo{ID: "aws-oidc-provider"}, ResultsAs: AWS}
	if got := filed.ResultProvider(); got != AWS {
		t.Errorf("ResultProvider = %q, want %q", got, AWS)
	}
	if !own.Matches("AZURE") || own.Matches("gcp") {
		t.Errorf("Matches: want the id and aliases only")
	}
}
