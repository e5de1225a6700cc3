package gcpinfo

import (
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// SubjectMapping is one google.subject mapping oidcscope offers, and the
// subject it maps for a token, worked out in Go the way CEL does.
type SubjectMapping struct {
	Src   string // the CEL expression
	Claim string // the claim it reads
	Note  string // what it maps
	value func(policy.Token) (string, bool)
}

// SubjectMappings is the one list of google.subject mappings, best first:
// the token's sub, the repository's ID, the sub's owner/repo part. The
// token's snippets offer the first that fits a long sub; the provider's
// fixes, the first that Google Cloud's mapping accepts for the token.
func SubjectMappings() []SubjectMapping {
	return []SubjectMapping{
		{"assertion.sub", "sub", "google.subject as the token's sub", claimValue("sub")},
		{"'repository_id:' + assertion.repository_id", "repository_id", "the repository's immutable ID: this token's sub does not fit", func(tok policy.Token) (string, bool) {
			id, ok := claimValue("repository_id")(tok)
			return "repository_id:" + id, ok && id != ""
		}},
		{"assertion.sub.split(':')[1]", "sub", "owner/repo of the sub: this token's sub does not fit", func(tok policy.Token) (string, bool) {
			sub, ok := claimValue("sub")(tok)
			// CEL's split(':')[1], as ext.Strings computes it.
			if parts := strings.Split(sub, ":"); ok && len(parts) > 1 {
				return parts[1], true
			}
			return "", false
		}},
	}
}

// Text is the mapping entry, ready to paste.
func (m SubjectMapping) Text() string {
	return policy.QuoteJSON("google.subject", false) + ": " + policy.QuoteJSON(m.Src, false)
}

// Value is the google.subject it maps for tok, when that is a subject
// Google Cloud accepts (not empty, at most MaxSubjectBytes).
func (m SubjectMapping) Value(tok policy.Token) (string, bool) {
	s, ok := m.value(tok)
	return s, ok && s != "" && len(s) <= MaxSubjectBytes
}

func claimValue(claim string) func(policy.Token) (string, bool) {
	return func(tok policy.Token) (string, bool) {
		v, ok := tok.String(claim)
		return v, ok && !tok.Duplicated(claim)
	}
}
