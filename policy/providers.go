package policy

import (
	"slices"
	"strings"
)

// ProviderInfo is what everything that names a provider needs to know of
// it: the core's diagnoses, the providers' notes about each other's
// audiences, help texts and the command line's --provider.
type ProviderInfo struct {
	ID       string   // in results, --provider and fixture folders
	Name     string   // display name in messages and headings
	Audience string   // the aud its login step requests by default; "" when it has none
	Aliases  []string // other names users type for it (--provider azure)
	// OwnerPaired: its snippets on an owner-scope claim are never a grant
	// on their own, so Result.Instead may offer them: a trusted
	// publisher's document always names the repository as well, and
	// Google Cloud marks its owner-wide terms and members Wide itself.
	OwnerPaired bool
}

// providerTable is the one list of providers, in display order. It is
// never written: every accessor hands out copies, so it stays the same for
// the life of the program (the core needs it, and the provider packages,
// which import the core, cannot be asked).
var providerTable = [...]ProviderInfo{
	{ID: AWS, Name: "AWS", Audience: "sts.amazonaws.com"},
	{ID: Entra, Name: "Entra", Audience: "api://AzureADTokenExchange", Aliases: []string{"azure"}},
	{ID: GCP, Name: "Google Cloud", OwnerPaired: true,
		Audience: "https://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>",
		Aliases:  []string{"google", "google-cloud"}},
	{ID: Vault, Name: "Vault"},
	{ID: OctoSTS, Name: "octo-sts", Aliases: []string{"octosts"}},
	{ID: K8s, Name: "Kubernetes", Aliases: []string{"kubernetes"}},
	// The package registries' trusted publishers (policy/publisher).
	{ID: PyPI, OwnerPaired: true, Name: "PyPI", Audience: "pypi", Aliases: []string{"testpypi"}},
	{ID: CratesIO, OwnerPaired: true, Name: "crates.io", Audience: "crates.io", Aliases: []string{"crates", "cratesio"}},
	{ID: RubyGems, OwnerPaired: true, Name: "RubyGems", Audience: "rubygems.org", Aliases: []string{"gem", "gems"}},
	// npm's audience is npm: and the host of the registry published to;
	// NuGet's is deployment configuration; JSR's names the package.
	{ID: NPM, OwnerPaired: true, Name: "npm"},
	{ID: NuGet, OwnerPaired: true, Name: "NuGet"},
	{ID: JSR, OwnerPaired: true, Name: "JSR"},
	{ID: PubDev, OwnerPaired: true, Name: "pub.dev", Audience: "https://pub.dev", Aliases: []string{"pubdev", "pub"}},
}

// KnownProviders lists every provider in display order, as copies.
func KnownProviders() []ProviderInfo {
	out := make([]ProviderInfo, len(providerTable))
	for i, p := range providerTable {
		out[i] = p.clone()
	}
	return out
}

// LookupProvider finds a provider by its id or one of its aliases,
// ignoring case.
func LookupProvider(name string) (ProviderInfo, bool) {
	for _, p := range providerTable {
		if p.matches(name) {
			return p.clone(), true
		}
	}
	return ProviderInfo{}, false
}

func (p ProviderInfo) matches(name string) bool {
	return strings.EqualFold(p.ID, name) || slices.ContainsFunc(p.Aliases, func(a string) bool { return strings.EqualFold(a, name) })
}

// InfoOf is the provider with this id; an id not in the table is its own
// name, with no default audience.
func InfoOf(id string) ProviderInfo {
	if p, ok := byID(id); ok {
		return p.clone()
	}
	return ProviderInfo{ID: id, Name: id}
}

// ProviderAudiences lists the providers that have a default audience, in
// display order: a provider seeing another's audience in a token says
// whose it is.
func ProviderAudiences() []ProviderInfo {
	var out []ProviderInfo
	for _, p := range providerTable {
		if p.Audience != "" {
			out = append(out, p.clone())
		}
	}
	return out
}

// ProviderIDs lists the providers' ids in display order.
func ProviderIDs() []string {
	out := make([]string, len(providerTable))
	for i, p := range providerTable {
		out[i] = p.ID
	}
	return out
}

// ProviderName is the display name of a provider id.
func ProviderName(id string) string {
	if p, ok := byID(id); ok {
		return p.Name
	}
	return id
}

// byID is the table's entry for id, without copying its aliases: the
// diagnoses ask for names and audiences once per failed condition.
func byID(id string) (ProviderInfo, bool) {
	for _, p := range providerTable {
		if p.ID == id {
			return p, true
		}
	}
	return ProviderInfo{}, false
}

func (p ProviderInfo) clone() ProviderInfo {
	p.Aliases = slices.Clone(p.Aliases)
	return p
}
