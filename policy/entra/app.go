package entra

import (
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// Entra accepts a token when any one federated credential of the app or
// identity matches it: it looks for a matching record among the app's up
// to 20 credentials, and refuses with "No matching federated identity
// record found" only when there is none (reference §3.1). oidcscope
// gives each credential of a document its own verdict, so that a
// credential's slips are shown; appSubjects lets a standard credential
// that denies say when a sibling of the same app has the token's subject
// exactly, e.g. the legacy half of a legacy/immutable pair.

// appSubjects maps issuer NUL subject to the credential holding it, for
// the well-formed standard credentials of one app or identity.
type appSubjects map[string]*credential

// linkApps gives every credential the subjects of its app or identity
// (its group: the document, or the ARM parent of its id).
func linkApps(creds []*credential) {
	apps := map[string]appSubjects{}
	for _, c := range creds {
		if c.shapeErr != "" {
			continue
		}
		app := apps[c.group]
		if app == nil {
			app = appSubjects{}
			apps[c.group] = app
		}
		c.app = app
		if c.hasSubject && c.subjectErr == "" && c.issuerErr == "" {
			if _, dup := app[appKey(c.issuer, c.subject)]; !dup {
				app[appKey(c.issuer, c.subject)] = c
			}
		}
	}
}

func appKey(issuer, subject string) string { return issuer + "\x00" + subject }

// siblingWith returns another credential of the app whose issuer and
// subject are the token's.
func (c *credential) siblingWith(iss, sub string) (*credential, bool) {
	s, ok := c.app[appKey(iss, sub)]
	if !ok || s == c {
		return nil, false
	}
	return s, true
}

// label names a credential for a diagnosis: its name and, in a document
// of several, its source's #N.
func (c *credential) label() string {
	_, n, several := strings.Cut(c.source, "#")
	switch {
	case c.hasName && several:
		return escape.Quoted(c.name) + " (#" + n + ")"
	case c.hasName:
		return escape.Quoted(c.name)
	}
	return c.source
}

// siblingLines rewrite a failed subject's diagnosis when a sibling has
// the token's subject: a "trust both" advice is already followed, and
// the app's answer is the sibling's.
func siblingLines(diag []string, s *credential) []string {
	out := make([]string, 0, len(diag)+1)
	for _, d := range diag {
		for _, advice := range []string{": trust both", ": trust both during the migration"} {
			if before, ok := strings.CutSuffix(d, advice); ok {
				d = before + ", which credential " + s.label() + " of the same app trusts: the pair already trusts both forms"
				break
			}
		}
		out = append(out, d)
	}
	return append(out, siblingNote(s))
}

func siblingNote(s *credential) string {
	return "credential " + s.label() + " of the same app or identity has this token's issuer and subject exactly, and Entra accepts a token when any one federated credential of the app matches: this credential's deny does not refuse the token when that one's audience holds too"
}
