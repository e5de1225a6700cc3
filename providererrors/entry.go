package providererrors

import (
	"regexp"
	"strings"
)

// Entry is one catalogued message (an entry of catalogue.yaml).
type Entry struct {
	ID       string   `json:"id"`               // stable name, "<provider>.<what>": aws.not-authorized
	Provider string   `json:"provider"`         // provider or registry id as in policy results: aws, entra, gcp, vault, octosts, pypi, …
	Code     string   `json:"code,omitempty"`   // the provider's own code (AADSTS700213, InvalidIdentityToken, invalid_grant); else ""
	Title    string   `json:"title"`            // what went wrong, in a few words
	Text     string   `json:"text"`             // the message as the provider writes it, placeholders in <angle brackets>
	Meaning  string   `json:"meaning"`          // what the provider checked and why it refused
	Claims   []string `json:"claims,omitempty"` // the token claims the message points at
	Fields   []string `json:"fields,omitempty"` // the policy or configuration fields it points at
	Check    []string `json:"check"`            // what to check, most likely cause first
	Source   string   `json:"source"`           // where the wording was read: the provider's code or docs, or the issue threads where users hit it

	// Pattern recognises the message in normalised text (see Normalize).
	// Named groups carry values: a group named after a claim (sub, iss,
	// aud, repository, job_workflow_ref, …) holds that claim's value as
	// the provider saw it; other names (role, credential, …) are context.
	Pattern string `json:"pattern"`
}

// Match is one message found in pasted text.
type Match struct {
	Entry  Entry
	Line   int               // 1-based line of the pasted text where the message starts
	Text   string            // the message as found, normalised (one line); raw data, escape before printing
	Claims map[string]string // claim values the message carries, by claim name
	Extra  map[string]string // other values it names (role, credential, event), by group name
}

// isClaim tells the group names that are token claims; every other named
// group lands in Match.Extra.
func isClaim(group string) bool {
	switch group {
	case "sub", "iss", "aud", "repository", "repository_owner", "repository_owner_id", "repository_id",
		"job_workflow_ref", "workflow_ref", "ref", "ref_type", "environment", "event_name", "jti":
		return true
	}
	return false
}

// compile builds the entry's expression; catalogue tests compile every
// one, so a bad pattern fails a test rather than a user's run.
// A space in a pattern matches any run of white space, line breaks
// included: a wrapped message has them where the provider wrote spaces.
func (e Entry) compile() *regexp.Regexp {
	return regexp.MustCompile(strings.ReplaceAll(e.Pattern, " ", `\s+`))
}
