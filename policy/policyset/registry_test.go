package policyset

import (
	"slices"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/oidcprovider"
)

// TestEveryTableProviderIsRegistered: the provider table (policy) and the
// registrations (here) describe the same providers, in the same order,
// and each registration's constructor builds the provider it names.
func TestEveryTableProviderIsRegistered(t *testing.T) {
	var ids []string
	for _, r := range Registrations() {
		if got := r.New().ID(); got != r.ID {
			t.Errorf("registration %q builds provider %q", r.ID, got)
		}
		if r.Documents == "" || r.Name == "" {
			t.Errorf("registration %q lacks a name or documents: %+v", r.ID, r)
		}
		if r.ResultProvider() == r.ID {
			ids = append(ids, r.ID)
			if want := policy.InfoOf(r.ID); r.Name != want.Name || r.Audience != want.Audience || !slices.Equal(r.Aliases, want.Aliases) {
				t.Errorf("registration %q differs from the table: %+v, table %+v", r.ID, r.ProviderInfo, want)
			}
		}
	}
	if want := policy.ProviderIDs(); !slices.Equal(ids, want) {
		t.Errorf("registered providers %v, table %v", ids, want)
	}
}

func TestLookupAndByIDTakeAliases(t *testing.T) {
	for name, want := range map[string]string{
		"aws": policy.AWS, "azure": policy.Entra, "Google": policy.GCP, "kubernetes": policy.K8s,
		oidcprovider.ID: oidcprovider.ID,
	} {
		r, ok := Lookup(name)
		if !ok || r.ID != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", name, r.ID, ok, want)
		}
		if p := ByID(name); p == nil || p.ID() != want {
			t.Errorf("ByID(%q) = %v, want %q", name, p, want)
		}
	}
	if _, ok := Lookup("nope"); ok {
		t.Error("Lookup(nope) found something")
	}
	if ByID("nope") != nil {
		t.Error("ByID(nope) is not nil")
	}
}

// TestUnrecognisedListsEveryRegisteredDocument keeps the message
// byte-for-byte while it is built from the registrations.
func TestUnrecognisedListsEveryRegisteredDocument(t *testing.T) {
	s := &Set{}
	s.Add(All(), "x.json", []byte(`{"nothing":"here"}`))
	f := s.Failures()
	want := "not a policy document oidcscope recognises (expected an AWS trust policy, get-role or list-roles output, get-open-id-connect-provider or list-open-id-connect-providers output, an Entra federated credential, a Google Cloud workload identity provider, a Vault JWT role, an octo-sts .sts.yaml, a Kubernetes AuthenticationConfiguration, a PyPI or TestPyPI publisher document (registry: pypi), a crates.io publisher document (registry: crates.io), a RubyGems publisher document (registry: rubygems), an npm publisher document (registry: npm), a NuGet publisher document (registry: nuget), a JSR publisher document (registry: jsr) or a pub.dev automated-publishing document (registry: pub.dev))"
	if len(f) != 1 || f[0].Error != want {
		t.Fatalf("failures %+v\nwant error %q", f, want)
	}
}

func TestRefusedDocumentIsFiledUnderItsResultProvider(t *testing.T) {
	s := &Set{}
	s.Add(All(), "p.json", []byte(`{"Url":"x","ClientIDList":[1]}`))
	f := s.Failures()
	if len(f) != 1 || f[0].Provider != policy.AWS || !strings.Contains(f[0].Error, "as AWS IAM OIDC provider:") {
		t.Fatalf("failures %+v", f)
	}
}
