package publisher

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// IssuerCheck is iss equal to GitHub's issuer: every registry here keys
// its GitHub publishers to that one issuer, so an enterprise's unique
// issuer (…/<slug>) is refused with answer.
func IssuerCheck(tok policy.Token, registry, answer string) policy.Condition {
	c := Check{Expression: "iss = " + GitHubIssuer, Claims: []string{"iss"}, Expected: []string{GitHubIssuer}, Answer: answer}
	v, ok := ReadClaim(tok, "iss", &c)
	if !ok {
		return c.Fail()
	}
	if v == GitHubIssuer {
		return c.Pass()
	}
	if strings.HasPrefix(v, GitHubIssuer+"/") {
		c.Notes = append(c.Notes, fmt.Sprintf("the token comes from an enterprise with a unique issuer (%s): %s accepts only GitHub's default issuer; turn the enterprise's unique issuer off for this repository's tokens", v, registry))
	}
	c.Notes = append(c.Notes, policy.AlignNamed(GitHubIssuer, v)...)
	return c.Fail()
}

// MissingClaims lists the claims of names the token lacks (absent or
// null), in the order given.
func MissingClaims(tok policy.Token, names []string) []string {
	var out []string
	for _, n := range names {
		if v, ok := tok.Claim(n); !ok || v.Kind == decode.Null {
			out = append(out, n)
		}
	}
	return out
}

// ClockNotChecked is the line for the registry's own clock: whether the
// token is still valid when the registry sees it.
func ClockNotChecked(registry, rule string) policy.Condition {
	return NotChecked("the registry's clock", []string{"exp", "nbf", "iat"}, fmt.Sprintf(
		"%s checks the token's times against its own clock (%s): oidcscope's own exp, nbf and iat checks use this machine's clock, and a token that expires before the upload step is refused", registry, rule))
}

// OwnerIDCheck compares repository_owner_id with the document's owner_id
// exactly; without owner_id it is a not-checked-offline line, since the
// registry compares it with the ID it recorded at set-up.
func OwnerIDCheck(doc Document, tok policy.Token, registry, answer string) policy.Condition {
	if doc.OwnerID == "" {
		got, _ := tok.Text("repository_owner_id")
		return NotChecked("the owner ID recorded at set-up", []string{"repository_owner_id"}, fmt.Sprintf(
			"%s looked the owner's numeric ID up when the publisher was set up and refuses a token whose repository_owner_id differs; the document has no owner_id to compare with (this token's is %s)", registry, escape.Quoted(got)))
	}
	c := Check{Expression: "owner_id: " + doc.OwnerID, Claims: []string{"repository_owner_id"}, Expected: []string{doc.OwnerID}, Answer: answer}
	v, ok := ReadClaim(tok, "repository_owner_id", &c)
	if ok && v != doc.OwnerID {
		c.Notes = append(c.Notes, "the owner's numeric ID differs: the owner was deleted or renamed and its name taken by another account, or the ID was mistyped; recreate the publisher if the owner really changed")
		c.Notes = append(c.Notes, policy.AlignNamed(doc.OwnerID, v)...)
	}
	return c.Decide(ok && v == doc.OwnerID)
}
