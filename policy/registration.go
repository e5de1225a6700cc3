package policy

// Registration is how a provider package offers itself to the policy set
// (golang-jwt's SigningMethod pattern, without a global registry): its
// entry in the provider table, the documents it reads, and a constructor.
// Detection is the Provider's own Detect. policy/policyset builds its
// list of providers from these, once per call, so nothing is registered
// at start-up and nothing can be changed afterwards.
type Registration struct {
	ProviderInfo
	// ResultsAs is the provider its results are filed under, when that is
	// another's (AWS IAM OIDC provider documents are AWS's); "" for ID.
	ResultsAs string
	// Documents names what it reads, for the message about a document no
	// provider recognises ("an AWS trust policy, get-role or list-roles
	// output").
	Documents string
	New       func() Provider
}

// ResultProvider is the provider id its results and refused documents
// are filed under.
func (r Registration) ResultProvider() string {
	if r.ResultsAs != "" {
		return r.ResultsAs
	}
	return r.ID
}

// Matches reports whether name is the registration's id or one of its
// aliases, ignoring case.
func (r Registration) Matches(name string) bool {
	return r.ProviderInfo.matches(name)
}
