// Package policy holds what every provider's evaluator shares: the token
// view they read, the result they return, the diagnosis of a failed
// condition, and the interface a provider implements; and what several
// share: reading JSON documents with positions (document.go) and the
// `*`/`?` wildcard matcher of AWS StringLike and Entra's matches
// (wildcard.go); and the lint examples that name the token's own IDs
// (examples.go). The provider table (providers.go) is the one list of
// providers' ids, display names, default audiences and aliases; results
// are ordered by SortResults (order.go), so renderers need neither the
// providers nor cel-go. Each provider lives in its own subpackage
// (policy/aws, policy/entra, …) and offers itself with a Registration;
// policy/policyset finds, detects and parses policy documents of every
// kind. GitHub's sub forms are parsed by claims/ghsub.
package policy

// Verdict of one policy for one token.
type Verdict string

const (
	Allow Verdict = "allow"
	Deny  Verdict = "deny"
	Error Verdict = "error" // the policy could not be evaluated; says why
)

// Outcome of one condition.
type Outcome string

const (
	Pass    Outcome = "pass"
	Fail    Outcome = "fail"
	Errored Outcome = "error"
	// NotApplied marks a condition that did not decide the verdict, e.g.
	// a statement that does not apply to AssumeRoleWithWebIdentity.
	NotApplied Outcome = "n/a"
)

// Result is one policy evaluated against one token.
type Result struct {
	Source     string      `json:"source"`   // file path, with #index for documents holding several
	Provider   string      `json:"provider"` // aws, entra, gcp, vault, octo-sts, k8s
	Name       string      `json:"name"`     // role ARN, credential name, provider name, role name, file
	Verdict    Verdict     `json:"verdict"`
	Summary    string      `json:"summary,omitempty"` // one line: why allow or deny
	Conditions []Condition `json:"conditions"`
	Lint       []Finding   `json:"lint"`
	Error      string      `json:"error,omitempty"` // set when Verdict is Error
	// Fixes are changes to the document itself, ready to paste, that the
	// token's own conditions (claims' WouldSatisfy) cannot say: a key to
	// remove, a mapping entry to guard, a state to undo. Set only when the
	// policy does not allow.
	Fixes []Snippet `json:"fixes,omitempty"`
}

// Condition is one test a policy makes of the token.
type Condition struct {
	Expression string   `json:"expression"`          // as written in the policy
	Claims     []string `json:"claims"`              // the claims it reads
	Expected   []string `json:"expected"`            // what the policy accepts
	Actual     string   `json:"actual"`              // what the token holds ("" with Absent)
	Absent     bool     `json:"absent,omitempty"`    // the claim is not in the token
	Result     Outcome  `json:"result"`              // pass, fail, error, n/a
	Diagnosis  []string `json:"diagnosis,omitempty"` // why it failed, when it did
	Group      string   `json:"group,omitempty"`     // e.g. the AWS statement it belongs to
	// TokenSide marks a failure that is the token's to undo, not the
	// document's (e.g. an aud requested for another provider): no snippet
	// is offered in its place (Result.Instead).
	TokenSide bool `json:"token_side,omitempty"`
}

// Finding is a lint result about the policy itself.
type Finding struct {
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	Severity string `json:"severity"` // "error" (refused or dangerous), "warning", "info"
}

// Severities of findings.
const (
	SevError   = "error"
	SevWarning = "warning"
	SevInfo    = "info"
)

// Provider ids, used in results, in --provider and in fixture folders.
const (
	AWS     = "aws"
	Entra   = "entra"
	GCP     = "gcp"
	Vault   = "vault"
	OctoSTS = "octo-sts"
	K8s     = "k8s"

	PyPI     = "pypi"
	CratesIO = "crates.io"
	RubyGems = "rubygems"
	NPM      = "npm"
	NuGet    = "nuget"
	JSR      = "jsr"
	PubDev   = "pub.dev"
)
