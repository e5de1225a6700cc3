// Package claims explains what a token's claims mean: which issuer profile
// the token belongs to, the catalog entry of each claim, which claims and
// values deserve attention, how the subject was built, and where on the
// issuer's site each run, job and file lives.
package claims

// Entry is the catalog entry of one claim (or, with Family, of every claim
// whose name starts with Name). The catalogs are data, in profiles/*.json.
type Entry struct {
	Name        string `json:"name"`
	Family      bool   `json:"family,omitempty"` // Name is a prefix, e.g. "repo_property_"
	Summary     string `json:"summary"`          // one line
	Explanation string `json:"explanation"`      // a paragraph
	Type        string `json:"type"`             // JSON type as the issuer emits it
	Format      string `json:"format,omitempty"` // e.g. "decimal digits", "40 hex digits", "true or false"
	Example     string `json:"example,omitempty"`
	Scope       Scope  `json:"scope"`
	Immutable   bool   `json:"immutable"`
	// Mutability says who can change or re-create the value and what to
	// prefer (repo-jacking: a deleted or renamed repository's name can be
	// taken by someone else).
	Mutability string `json:"mutability,omitempty"`
	Prefer     string `json:"prefer,omitempty"` // the immutable claim to condition on instead
	Trust      Trust  `json:"trust"`
	TrustWhy   string `json:"trust_why"`
	Absent     string `json:"absent,omitempty"` // when the claim is absent or empty
	Since      string `json:"since,omitempty"`
	// Availability limits by deployment, e.g. "github.com and GHEC, not GHES".
	Availability string `json:"availability,omitempty"`
	// Status is "documented", or "observed" (seen in real tokens, not in the
	// documentation), or "undocumented" (advertised but never explained).
	Status         string        `json:"status"`
	PolicyRelevant bool          `json:"policy_relevant,omitempty"`
	New            *NewClaim     `json:"new,omitempty"`
	Providers      []ProviderUse `json:"providers,omitempty"`
	Sources        []string      `json:"sources,omitempty"` // reference tags, e.g. "S1"
}

// NewClaim marks a recently added claim and what it is for.
type NewClaim struct {
	Added  string `json:"added"` // "2025-11"
	Detail string `json:"detail"`
}

// ProviderUse says how one relying party can condition on a claim.
type ProviderUse struct {
	Provider string `json:"provider"` // aws, entra, gcp, vault, octo-sts, kubernetes, pypi (and TestPyPI), crates.io, rubygems, npm, nuget, jsr, pub.dev, fulcio
	How      string `json:"how"`
	// Confidence is "documented", "secondary" (from secondary sources
	// only), "inference" (concluded from code or docs that do not say it)
	// or "uncertain" (what the relying party does is not published or not
	// in its code, as the trusted-publishing reference marks it).
	Confidence string `json:"confidence"`
}

// Scope says what one value of the claim identifies.
type Scope string

const (
	ScopeToken      Scope = "token"
	ScopeJob        Scope = "job"
	ScopeRunAttempt Scope = "run-attempt"
	ScopeRun        Scope = "run"
	ScopeRepository Scope = "repository"
	ScopeOwner      Scope = "owner"
	ScopeEnterprise Scope = "enterprise"
	ScopeIssuer     Scope = "issuer"
	ScopeCommit     Scope = "commit"
	ScopeWorkflow   Scope = "workflow"
	ScopeAudience   Scope = "audience"
	ScopeUser       Scope = "user"
)

// Trust says whether a policy may rely on the claim alone.
type Trust string

const (
	TrustSafe    Trust = "safe"    // immutable or issuer-controlled and specific
	TrustCareful Trust = "careful" // useful, but pair it with an ID or another claim
	TrustAvoid   Trust = "avoid"   // mutable, attacker-influenced or not identifying
	TrustInfo    Trust = "info"    // informational; policies do not key on it
)
