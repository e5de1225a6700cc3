package simulate

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
	"github.com/oidcscope/oidcscope/escape"
)

// DefaultTemplate is GitHub's default sub: the repository and the context.
func DefaultTemplate() []string { return []string{"repo", "context"} }

// context is the default tail of a sub: an environment beats a pull
// request, which beats the ref (reference §1.4).
func subContext(c Context, ref string) string {
	switch {
	case c.Environment != "":
		return "environment:" + escapeColons(c.Environment)
	case pullRequestEvent(c.Event):
		return "pull_request"
	default:
		return "ref:" + ref
	}
}

// subject renders the sub for template keys over the claims built so
// far: "repo" is repo:OWNER/REPO (or the immutable form), "context" the
// default tail, any other key key:value of that claim. GitHub keeps the
// IDs in the repo part whatever the template.
func subject(template []string, repo ghsub.Repo, context string, claims map[string]any) (string, error) {
	parts := make([]string, 0, len(template))
	for _, key := range template {
		switch key {
		case "repo":
			parts = append(parts, repo.Prefix())
		case "context":
			parts = append(parts, context)
		default:
			v, ok := claims[key].(string)
			if !ok {
				if key == "environment" {
					return "", fmt.Errorf("%w: the sub template includes environment, which makes an environment mandatory: GitHub issues this job no token without one (give --environment)", ErrContext)
				}
				return "", fmt.Errorf("%w: the sub template names %s, which is not a string claim of this token", ErrContext, escape.Quoted(key))
			}
			parts = append(parts, key+":"+escapeColons(v))
		}
	}
	return strings.Join(parts, ":"), nil
}

// escapeColons percent-encodes ':' inside a value, as GitHub does, so the
// sub's separators stay unambiguous (environment Production:V1 →
// Production%3AV1).
func escapeColons(v string) string { return strings.ReplaceAll(v, ":", "%3A") }
