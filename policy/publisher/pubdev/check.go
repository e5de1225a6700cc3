package pubdev

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// requiredClaims are GitHubJwtPayload.requiredClaims, sorted as pub.dev
// lists the missing ones.
var requiredClaims = []string{"aud", "event_name", "exp", "iat", "iss", "nbf", "ref", "ref_type", "repository", "repository_id", "repository_owner", "repository_owner_id", "run_id"}

// stringClaims are the claims GitHubJwtPayload reads with parseAsString.
var stringClaims = []string{"repository", "repository_owner", "repository_id", "repository_owner_id", "event_name", "ref", "ref_type"}

// check follows the upload: the service-token gate (aud, then iss), the
// timestamps, the payload's claims, then _checkGitHubActionAllowed in its
// order: repository, event, ref type, tag, environment, the ID lock.
func check(doc publisher.Document, tok policy.Token) []policy.Condition {
	out := []policy.Condition{
		audience(tok),
		publisher.IssuerCheck(tok, "pub.dev", notTaken),
		publisher.ClockNotChecked("pub.dev", `iat and nbf at most 2 minutes in the future, exp at most 2 minutes past; else "Invalid JWT token: invalid timestamps."`),
		payload(tok),
		publisher.NotChecked("the package exists", nil, "pub.dev publishes only new versions of an existing package from GitHub Actions (\"Only users are allowed to upload new packages.\"): publish the first version by hand, then enable automated publishing"),
		repository(doc, tok),
		event(doc, tok),
		refType(tok),
		tag(doc, tok),
		environment(doc, tok),
		idLock(doc, tok),
		publisher.Unchecked("not checked by pub.dev: the workflow file, reusable workflows, sub, jti", []string{"job_workflow_ref", "workflow_ref", "sub", "jti"},
			"pub.dev reads no workflow claim and keeps no record of used tokens: any workflow of the repository that runs on a matching tag can publish, as often as it likes until the token expires; an environment with required reviewers is the guard pub.dev offers"),
	}
	return out
}

// audience: pub.dev takes a token as a service token only when aud is
// exactly one value, https://pub.dev (a one-element list counts).
func audience(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: fmt.Sprintf("aud = %q (exactly one audience)", Audience), Claims: []string{"aud"}, Expected: []string{Audience}, Answer: notTaken}
	v, present := tok.Claim("aud")
	if !present || tok.Duplicated("aud") {
		publisher.ReadClaim(tok, "aud", &c)
		return c.Fail()
	}
	c.Actual, _ = tok.Text("aud")
	auds, ok := policy.StringList(v)
	if ok && len(auds) == 1 && auds[0] == Audience {
		return c.Pass()
	}
	c.Notes = append(c.Notes, fmt.Sprintf("pub.dev takes a token as a GitHub Actions token only when its aud is exactly %q; any other token is tried as a user's sign-in, which fails: request the token with that audience", Audience))
	switch {
	case ok && len(auds) == 1:
		c.Notes = append(c.Notes, publisher.Differ("pub.dev", "aud", publisher.CaseSensitive, Audience, auds[0])...)
	case ok:
		c.Notes = append(c.Notes, fmt.Sprintf("the token's aud holds %d values; pub.dev wants exactly one", len(auds)))
	default:
		c.Notes = append(c.Notes, "the token's aud is neither a string nor a list of strings")
	}
	return c.Fail()
}

// payload: GitHubJwtPayload needs every required claim, and the string
// ones as strings; else the token "cannot be parsed".
func payload(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "required claims present, as strings where pub.dev reads strings", Claims: requiredClaims, Expected: requiredClaims}
	var missing, mistyped []string
	for _, n := range requiredClaims {
		if _, ok := tok.Claim(n); !ok {
			missing = append(missing, n)
		}
	}
	for _, n := range stringClaims {
		if v, ok := tok.Claim(n); ok && (v.Kind != decode.String || tok.Duplicated(n)) {
			mistyped = append(mistyped, n)
		}
	}
	if len(missing) == 0 && len(mistyped) == 0 {
		c.Actual = "all present"
		return c.Pass()
	}
	c.Answer = invalidToken("unable to parse payload")
	if len(missing) > 0 {
		quoted := make([]string, len(missing))
		for i, m := range missing {
			quoted[i] = "`" + m + "`"
		}
		c.Actual = "missing: " + strings.Join(missing, ", ")
		c.Notes = append(c.Notes, "pub.dev's log says: JWT from GitHub is missing following claims: "+strings.Join(quoted, ", ")+".")
	}
	if len(mistyped) > 0 {
		c.Actual = strings.TrimPrefix(c.Actual+"; not one string: "+strings.Join(mistyped, ", "), "; ")
		c.Notes = append(c.Notes, "pub.dev reads "+strings.Join(mistyped, ", ")+" as strings, as GitHub issues them")
	}
	return c.Fail()
}

// repository: the configured owner/repository, compared exactly.
func repository(doc publisher.Document, tok policy.Token) policy.Condition {
	want := repoString(doc)
	c := publisher.Check{Expression: "repository: " + want + " (case-sensitive)", Claims: []string{"repository"}, Expected: []string{want}}
	got, ok := publisher.ReadClaim(tok, "repository", &c)
	if ok && got == want {
		return c.Pass()
	}
	c.Answer = answer("publishing is not enabled for the " + escape.Quoted(got) + " repository, it may be enabled for another repository")
	if ok {
		c.Notes = append(c.Notes, publisher.Differ("pub.dev", "the repository", publisher.CaseSensitive, want, got)...)
	}
	return c.Fail()
}

// event: push when enabled, workflow_dispatch when enabled, nothing else.
func event(doc publisher.Document, tok policy.Token) policy.Condition {
	ev := events(doc)
	c := publisher.Check{Expression: "events: " + strings.Join(ev, ", "), Claims: []string{"event_name"}, Expected: slices.Clone(ev)}
	if !doc.Has("events") {
		c.Expression += " (pub.dev's default)"
	}
	got, ok := publisher.ReadClaim(tok, "event_name", &c)
	switch {
	case ok && (got == "push" || got == "workflow_dispatch") && slices.Contains(ev, got):
		return c.Pass()
	case got == "push":
		c.Answer = answer(`publishing is not allowed from "push" events`)
		c.Notes = append(c.Notes, "enable publishing from push events (events: [push])")
	case got == "workflow_dispatch":
		c.Answer = answer(`publishing is not allowed from "workflow_dispath" events`)
		c.Notes = append(c.Notes, "(sic: pub.dev spells it so) enable publishing from workflow_dispatch events (events: [workflow_dispatch])")
	default:
		c.Answer = answer(fmt.Sprintf(`publishing is only allowed from "push" or "workflow_dispatch" events, this token originates from a %s event`, escape.Quoted(got)))
		c.Notes = append(c.Notes, "pub.dev publishes only from a tag push or a manual workflow_dispatch run on a tag")
	}
	return c.Fail()
}

func refType(tok policy.Token) policy.Condition {
	c := publisher.Check{Expression: "ref_type = tag", Claims: []string{"ref_type"}, Expected: []string{"tag"}}
	got, ok := publisher.ReadClaim(tok, "ref_type", &c)
	if ok && got == "tag" {
		return c.Pass()
	}
	c.Answer = answer(fmt.Sprintf(`publishing is only allowed from "tag" refType, this token has %s refType`, escape.Quoted(got)))
	c.Notes = append(c.Notes, "pub.dev publishes only from a run on a tag: trigger the workflow with on: push: tags")
	return c.Fail()
}

// tag is verifyTagPatternWithRef: ref must be refs/tags/ followed by the
// pattern with its first {{version}} replaced by the version published.
// Without the document's version it checks that some version fits.
func tag(doc publisher.Document, tok policy.Token) policy.Condition {
	before, after, hasVersion := splitPattern(doc.TagPattern)
	expr := "ref = refs/tags/" + doc.TagPattern
	if doc.Version != "" {
		expr += " with {{version}} = " + doc.Version
	}
	c := publisher.Check{Expression: expr, Claims: []string{"ref"}}
	ref, ok := publisher.ReadClaim(tok, "ref", &c)
	if !ok {
		c.Answer = invalidToken("unable to parse payload")
		return c.Fail()
	}
	if !hasVersion {
		c.Answer = "pub.dev fails with an internal error: Configured tag pattern does not include `{{version}}`"
		c.Notes = append(c.Notes, "pub.dev's form refuses such a tag pattern; the document's tag_pattern needs one {{version}}")
		return c.Fail()
	}
	if !strings.HasPrefix(ref, "refs/tags/") {
		c.Answer = answer(fmt.Sprintf(`publishing is only allowed from "refs/tags/*" ref, this token has %s ref`, escape.Quoted(ref)))
		return c.Fail()
	}
	if doc.Version != "" {
		want := before + doc.Version + after
		c.Expected = []string{"refs/tags/" + want}
		if ref == "refs/tags/"+want {
			return c.Pass()
		}
		c.Answer = answer(fmt.Sprintf(`publishing is configured to only be allowed from actions with specific ref pattern, this token has %s ref for which publishing is not allowed. Expected tag %s. Check that the version in the tag matches the version in "pubspec.yaml"`, escape.Quoted(ref), escape.Quoted(want)))
		c.Notes = policy.AlignNamed(c.Expected[0], ref)
		return c.Fail()
	}
	tagName := strings.TrimPrefix(ref, "refs/tags/")
	if len(tagName) > len(before)+len(after) && strings.HasPrefix(tagName, before) && strings.HasSuffix(tagName, after) {
		version := tagName[len(before) : len(tagName)-len(after)]
		return publisher.NotChecked("the version in the tag", []string{"ref"}, fmt.Sprintf(
			"the tag %s fits the pattern %s with version %s: pub.dev accepts it only when pubspec.yaml's version is %s; add version: to the document to check it", escape.Quoted(tagName), escape.Quoted(doc.TagPattern), escape.Quoted(version), escape.Quoted(version)))
	}
	c.Expected = []string{"refs/tags/" + doc.TagPattern}
	c.Answer = answer(fmt.Sprintf(`publishing is configured to only be allowed from actions with specific ref pattern, this token has %s ref for which publishing is not allowed. Expected tag %s. Check that the version in the tag matches the version in "pubspec.yaml"`, escape.Quoted(ref), escape.Quoted(before+"<version>"+after)))
	c.Notes = append(c.Notes, fmt.Sprintf("no version makes the tag %s fit the pattern %s (pub.dev names the tag with pubspec.yaml's version in place of <version>)", escape.Quoted(tagName), escape.Quoted(doc.TagPattern)))
	return c.Fail()
}

// environment: with an environment required, the token's must equal it
// exactly; pub.dev prints a missing one as null.
func environment(doc publisher.Document, tok policy.Token) policy.Condition {
	if doc.Environment == "" {
		return publisher.Check{Expression: "environment: (not required: any environment or none)", Claims: []string{"environment"}}.Pass()
	}
	c := publisher.Check{Expression: "environment: " + doc.Environment + " (required, case-sensitive)", Claims: []string{"environment"}, Expected: []string{doc.Environment}}
	got, ok := publisher.ReadClaim(tok, "environment", &c)
	if ok && got == doc.Environment {
		return c.Pass()
	}
	shown := got
	if _, present := tok.Claim("environment"); !present {
		shown = "null"
	}
	c.Answer = answer(fmt.Sprintf(`publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment %s for which publishing is not allowed`, escape.Quoted(shown)))
	if ok {
		c.Notes = append(c.Notes, publisher.Differ("pub.dev", "the environment", publisher.CaseSensitive, doc.Environment, got)...)
	}
	return c.Fail()
}

const idsChanged = "GitHub repository identifiers changed, disabling automated publishing"

// idLock: the IDs pub.dev recorded at the first automated publish. A
// token with others is refused and automated publishing is switched off.
func idLock(doc publisher.Document, tok policy.Token) policy.Condition {
	claims := []string{"repository_id", "repository_owner_id"}
	repoID, _ := tok.Text("repository_id")
	ownerID, _ := tok.Text("repository_owner_id")
	if doc.RepositoryID == "" && doc.OwnerID == "" {
		return publisher.NotChecked("the repository IDs recorded at the first publish", claims, fmt.Sprintf(
			"pub.dev records repository_id and repository_owner_id at the first automated publish and refuses a token with others (%q), switching automated publishing off; the document has no repository_id or owner_id to compare with (this token's are %s and %s)", answer(idsChanged), escape.Quoted(repoID), escape.Quoted(ownerID)))
	}
	c := publisher.Check{Claims: claims, Answer: answer(idsChanged), Actual: repoID + ", " + ownerID}
	var pinned []string
	match := true
	for _, p := range []struct{ want, claim, got, key string }{{doc.RepositoryID, "repository_id", repoID, "repository_id"}, {doc.OwnerID, "repository_owner_id", ownerID, "owner_id"}} {
		if p.want == "" {
			c.Notes = append(c.Notes, fmt.Sprintf("the document has no %s: pub.dev compares the token's %s (%s) with the one it recorded too", p.key, p.claim, escape.Quoted(p.got)))
			continue
		}
		pinned = append(pinned, p.claim+" "+p.want)
		c.Expected = append(c.Expected, p.want)
		if v, _ := publisher.ReadString(tok, p.claim); v != p.want {
			match = false
			c.Notes = append(c.Notes, fmt.Sprintf("%s is %s, pub.dev recorded %s: the repository or its owner was deleted and re-created, renamed onto another's name, or the ID was mistyped", p.claim, escape.Quoted(p.got), escape.Quoted(p.want)))
		}
	}
	c.Expression = "the IDs recorded at the first publish: " + strings.Join(pinned, ", ")
	if match {
		return c.Pass()
	}
	c.Notes = append(c.Notes, "this refusal also switches automated publishing off for the package: an admin must enable it again on the package's Admin tab, which records the new IDs at the next publish")
	return c.Fail()
}
