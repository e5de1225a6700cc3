package publisher

import "github.com/oidcscope/oidcscope/policy"

// Registration offers the provider of the registry reg returns to
// policy/policyset, which registers every registry package's Registry
// function this way; each New builds the provider from a fresh Registry.
func Registration(reg func() Registry) policy.Registration {
	r := reg()
	return policy.Registration{
		ProviderInfo: policy.InfoOf(r.ID),
		Documents:    r.Documents,
		New:          func() policy.Provider { return NewProvider(reg()) },
	}
}

// FixedAudience is Registry.Audience for a registry that requires one
// audience whatever the document says.
func FixedAudience(aud string) func(Document) string {
	return func(Document) string { return aud }
}

// DocumentAudience is Registry.Audience for a registry whose audience
// the document names (npm's host, NuGet's deployment): "" when it does
// not.
func DocumentAudience(doc Document) string { return doc.Audience }

// FormValue is a value as a registry's form is filled in: "(leave
// empty)" for none.
func FormValue(v string) string {
	if v == "" {
		return "(leave empty)"
	}
	return v
}
