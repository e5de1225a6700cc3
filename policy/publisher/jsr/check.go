package jsr

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// check follows a publish: the issuer (read before the signature), the
// claims GitHubClaims reads, the aud permissions, then
// check_publish_access: the permission covers the package and version,
// the actor is a scope member (when the scope asks), the package exists,
// and repository_id is the package's linked repository's.
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	scope, pkg, _ := splitPackage(doc.Package)
	return []policy.Condition{
		issuer(tok),
		numericIDs(tok),
		publisher.ClockNotChecked("JSR", "jsonwebtoken 8's default validation: exp required, with the library's default leeway (UNCERTAIN)"),
		permissions(doc, tok, scope, pkg),
		publisher.NotChecked("the actor is a member of the scope", []string{"actor_id"}, actorLine(doc, tok, scope)),
		publisher.NotChecked("the package exists", nil, fmt.Sprintf("JSR publishes only to a package that exists and is linked to the repository; else %q: create %s and link the repository in its settings first", packageNotFound, doc.Package)),
		linkedRepository(doc, tok),
		publisher.Unchecked("not checked by JSR: the workflow file, environment, ref, event, jti", []string{"job_workflow_ref", "environment", "ref", "event_name", "jti"},
			"JSR reads only repository_id, actor_id and aud: any workflow of the linked repository, on any branch or event, can publish with a token whose aud grants it, as often as it likes until the token expires"),
	}
}

// issuer is validate_oidc_issuer: GitHub's issuer, or that followed by
// /<slug> of ASCII letters, digits and hyphens (an enterprise's unique
// issuer, whose keys JSR fetches from its own path).
func issuer(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "iss = " + publisher.GitHubIssuer + " or " + publisher.GitHubIssuer + "/<enterprise slug>", Claims: []string{"iss"},
		Expected: []string{publisher.GitHubIssuer, publisher.GitHubIssuer + "/<enterprise slug>"}}
	iss, ok := publisher.ReadClaim(tok, "iss", &c)
	if !ok {
		c.Answer = invalidToken("failed to parse claims: …")
		return c.Fail()
	}
	if iss == publisher.GitHubIssuer {
		return c.Pass()
	}
	if slug, ok := strings.CutPrefix(iss, publisher.GitHubIssuer+"/"); ok && validSlug(slug) {
		c.Notes = append(c.Notes, fmt.Sprintf("an enterprise's unique issuer (slug %q): JSR accepts it and verifies the token with that issuer's own keys", slug))
		return passWith(c)
	}
	c.Answer = invalidToken("invalid issuer: " + iss)
	c.Notes = append(c.Notes, "JSR accepts GitHub's issuer alone or followed by /<enterprise slug> (letters, digits and hyphens only)")
	c.Notes = append(c.Notes, policy.AlignNamed(publisher.GitHubIssuer, iss)...)
	return c.Fail()
}

func validSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// numericIDs: GitHubClaims reads repository_id and actor_id as 64-bit
// integers, from a string or a number.
func numericIDs(tok policy.Token) policy.Condition {
	names := []string{"repository_id", "actor_id"}
	c := publisher.Check{Expression: "repository_id and actor_id are integers (as strings or numbers)", Claims: names, Expected: names}
	var bad []string
	for _, n := range names {
		if _, ok := readID(tok, n); !ok {
			bad = append(bad, n)
		}
	}
	if len(bad) == 0 {
		c.Actual = "both integers"
		return c.Pass()
	}
	c.Actual = "missing or not an integer: " + strings.Join(bad, ", ")
	c.Answer = invalidToken("… (the JSON reader's message about " + bad[0] + ")")
	c.Notes = []string{"JSR reads repository_id and actor_id into 64-bit integers before anything else; GitHub issues both as strings of digits"}
	return c.Fail()
}

// passWith passes c keeping its notes (an accepted enterprise issuer, a
// renamed repository): the shared Check drops them on a pass.
func passWith(c publisher.Check) policy.Condition {
	cond := c.Pass()
	if len(c.Notes) > 0 {
		cond.Diagnosis = c.Notes
	}
	return cond
}

// readID reads a claim as deserialize_number_from_string does: a JSON
// integer, or a string Rust's i64 parse accepts.
func readID(tok policy.Token, claim string) (int64, bool) {
	v, ok := tok.Claim(claim)
	if !ok || tok.Duplicated(claim) || (v.Kind != decode.String && v.Kind != decode.Number) {
		return 0, false
	}
	n, err := strconv.ParseInt(v.Text, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}

// permissions: aud is one string holding the permissions JSON, and one
// permission covers the document's package (and version).
func permissions(doc publisher.Document, tok policy.Token, scope, pkg string) policy.Condition {
	target := doc.Package
	if doc.Version != "" {
		target += "@" + doc.Version
	}
	c := publisher.Check{Expression: "aud grants package/publish of " + target, Claims: []string{"aud"}, Expected: policy.AppendAudiences([]string{}, Audience(doc))}
	aud, ok := publisher.ReadClaim(tok, "aud", &c)
	if !ok {
		c.Answer = invalidToken("… (the JSON reader's message about aud)")
		c.Notes = append(c.Notes, "JSR reads aud as one string holding JSON permissions, such as "+Audience(doc))
		return c.Fail()
	}
	perms, err := ParsePermissions(aud)
	if err != nil {
		c.Answer = invalidToken("failed to parse 'aud': …")
		c.Notes = append(c.Notes, err.Error(), "request the token with the permissions as its audience, as deno publish does; for this package: "+Audience(doc))
		return c.Fail()
	}
	for _, p := range perms {
		if p.Covers(scope, pkg, doc.Version) {
			c.Actual = p.String()
			if p.Level == LevelVersion && doc.Version == "" {
				c.Notes = append(c.Notes, fmt.Sprintf("the permission covers version %s only, and only a tarball with hash %s", p.Version, p.TarballHash))
			}
			return passWith(c)
		}
	}
	granted := make([]string, len(perms))
	for i, p := range perms {
		granted[i] = p.String()
	}
	c.Actual = strings.Join(granted, "; ")
	if c.Actual == "" {
		c.Actual = "no permissions"
	}
	c.Answer = missingPermission
	c.Notes = append(c.Notes, fmt.Sprintf("the token's aud grants %s, not %s", c.Actual, target))
	return c.Fail()
}

// actorLine words the scope-membership check JSR makes and oidcscope
// cannot: the actor's GitHub ID must belong to a JSR user in the scope.
func actorLine(doc publisher.Document, tok policy.Token, scope string) string {
	actor, _ := tok.Text("actor")
	id, _ := tok.Text("actor_id")
	if scope == "" {
		scope = "<scope>"
	}
	return fmt.Sprintf("when @%s restricts GitHub Actions publishing to scope members (JSR's default), the run's actor (%s, actor_id %s) must have signed in to JSR with that GitHub account and be a member of @%s; else %q", scope, escape.Quoted(actor), escape.Quoted(id), scope, actorNotMember)
}

// linkedRepository: repository_id must be the ID of the repository
// linked to the package. A renamed or transferred repository keeps it; a
// re-created one with the same name does not.
func linkedRepository(doc publisher.Document, tok policy.Token) policy.Condition {
	want := doc.Owner + "/" + doc.Repository
	got, _ := tok.Text("repository")
	idText, _ := tok.Text("repository_id")
	if doc.RepositoryID == "" {
		why := fmt.Sprintf("JSR matches the token's repository_id (%s, from %s) with the ID of the repository linked to %s; the document has no repository_id to compare with", escape.Quoted(idText), escape.Quoted(got), doc.Package)
		if got != want {
			why += fmt.Sprintf(": the token comes from %s, not the linked %s, so unless one was renamed to the other JSR refuses it (%q)", escape.Quoted(got), escape.Quoted(want), actorNotAuthorized)
		}
		return publisher.NotChecked("the linked repository's ID", []string{"repository_id"}, why)
	}
	c := publisher.Check{Expression: fmt.Sprintf("repository_id = %s (the ID of %s, linked to %s)", doc.RepositoryID, want, doc.Package), Claims: []string{"repository_id"},
		Expected: []string{doc.RepositoryID}, Actual: idText, Answer: actorNotAuthorized}
	n, ok := readID(tok, "repository_id")
	linked, err := strconv.ParseInt(doc.RepositoryID, 10, 64)
	if ok && err == nil && n == linked {
		if got != want {
			c.Notes = append(c.Notes, "the repository is now called "+escape.Quoted(got)+": JSR links by ID, so a renamed or transferred repository still publishes")
		}
		return passWith(c)
	}
	switch {
	case !ok:
		c.Notes = append(c.Notes, "the token's repository_id is missing or not an integer")
	case got == want:
		c.Notes = append(c.Notes, "same name, another ID: "+escape.Quoted(want)+" was deleted and re-created (or the ID was mistyped); link the package to the repository again")
	default:
		c.Notes = append(c.Notes, fmt.Sprintf("the token comes from %s (repository_id %s), not from the repository linked to %s", escape.Quoted(got), idText, doc.Package))
	}
	return c.Fail()
}
