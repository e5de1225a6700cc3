package policy

// Policy is one parsed policy, compiled once and evaluable many times.
type Policy interface {
	Provider() string
	Source() string
	Name() string
	// Evaluate tests every condition against the token. It never panics
	// and never fails as a whole: problems become Error verdicts or
	// errored conditions, with what and where.
	Evaluate(tok Token) Result
}

// Provider is one relying party's document format and knowledge.
type Provider interface {
	ID() string
	// Detect reports whether a document is this provider's, from its
	// content alone (file names are not trusted).
	Detect(data []byte) bool
	// Parse reads every policy in a document; source names the file.
	Parse(source string, data []byte) ([]Policy, error)
	// Suggest builds a least-privilege policy this token satisfies.
	Suggest(tok Token, scope Scope) (Suggestion, error)
	// Snippets are ready-to-paste conditions per claim of the token.
	Snippets(tok Token) []Snippet
}

// Scope is how narrowly a suggestion pins the token's identity.
type Scope string

const (
	ScopeRepo        Scope = "repo"        // any workflow run of the repository
	ScopeRef         Scope = "ref"         // the token's branch or tag
	ScopeEnvironment Scope = "environment" // the token's deployment environment
	ScopeWorkflow    Scope = "workflow"    // the job's workflow file at its ref
)

// Scopes lists them for help texts.
var Scopes = []Scope{ScopeRepo, ScopeRef, ScopeEnvironment, ScopeWorkflow}

// DefaultScope is the scope a suggestion takes when none is asked for: the
// token's environment when its job references one (GitHub then puts the
// environment, not the ref, in sub), else its ref.
func DefaultScope(tok Token) Scope {
	if env, ok := tok.String("environment"); ok && env != "" {
		return ScopeEnvironment
	}
	return ScopeRef
}

// Suggestion is a policy document for one provider.
type Suggestion struct {
	Provider string   `json:"provider"`
	Scope    Scope    `json:"scope"`
	Format   string   `json:"format"` // json or yaml
	Document string   `json:"document"`
	Notes    []string `json:"notes,omitempty"` // what it pins and why, what to fill in
}

// Snippet is one ready-to-paste condition for one claim.
type Snippet struct {
	Provider string `json:"provider"`
	Claim    string `json:"claim"`
	Text     string `json:"text"`
	Note     string `json:"note,omitempty"`
	// Wide marks a snippet that alone lets in more than the token's
	// repository though its Claim is not owner-scope (an owner-wide
	// member): listed among what the token satisfies, never offered by
	// Result.Instead in place of a failing, maybe narrower, condition,
	// which leaves out every snippet on an owner-scope claim (OwnerScope)
	// as well.
	Wide bool `json:"wide,omitempty"`
}
