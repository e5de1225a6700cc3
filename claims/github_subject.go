package claims

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/claims/ghsub"
)

const (
	githubID    = "github-actions"
	ghesVariant = "GitHub Enterprise Server" // must match profiles/github-actions.json
)

// claimForKey maps a GitHub subject key to the claim its value comes from.
func claimForKey(key string) string {
	switch key {
	case "repo":
		return "repository"
	case "pull_request":
		return "event_name"
	}
	return key
}

// immutableRepo reads a repo part in the ID form OWNER@OWNER_ID/REPO@REPO_ID
// (§1.4), with the one parser of sub forms.
func immutableRepo(part string) (ghsub.Repo, bool) {
	r, ok := ghsub.ParseRepo(part)
	return r, ok && r.Immutable()
}

var contextKeys = map[string]bool{"environment": true, "pull_request": true, "ref": true}

// analyzeGitHubSubject classifies the subject, checks each part against the
// claims, says which rule picked the context, and builds the other form.
func analyzeGitHubSubject(s *Subject, tok tokenView, variant string) {
	var repoIdx, ctxIdx = -1, -1
	for i := range s.Parts {
		part := &s.Parts[i]
		switch {
		case part.Key == "repo":
			repoIdx = i
			checkRepoPart(s, part, tok)
		case contextKeys[part.Key] && ctxIdx < 0:
			ctxIdx = i // checked as a whole by checkContext
		default:
			checkPart(s, part, tok)
		}
	}
	switch {
	case len(s.Parts) == 2 && repoIdx == 0 && ctxIdx == 1 && strings.Contains(s.Parts[0].Value, "@"):
		s.Format = FormatImmutable
	case len(s.Parts) == 2 && repoIdx == 0 && ctxIdx == 1:
		s.Format = FormatDefault
	default:
		s.Format = FormatCustom
		s.Notes = append(s.Notes, "a custom subject template (include_claim_keys): parts appear in the order the template lists them")
	}
	if ctxIdx >= 0 {
		checkContext(s, &s.Parts[ctxIdx], tok)
	}
	switch {
	case repoIdx < 0:
	case variant == ghesVariant:
		s.Notes = append(s.Notes, "GitHub Enterprise Server has no immutable subjects, so there is no other form")
	default:
		alternate(s, repoIdx, tok)
	}
}

func checkRepoPart(s *Subject, part *SubjectPart, tok tokenView) {
	repo, hasRepo := tok.str("repository")
	if r, ok := immutableRepo(part.Value); ok {
		part.FromClaim = "repository_owner@repository_owner_id/repository name@repository_id"
		owner, ownerID, name, repoID := r.Owner, r.OwnerID, r.Name, r.RepoID
		agrees := true
		for _, c := range []struct{ claim, got string }{
			{"repository_owner", owner}, {"repository_owner_id", ownerID}, {"repository_id", repoID},
		} {
			if want, ok := tok.str(c.claim); ok && want != c.got {
				agrees = false
				s.Contradictions = append(s.Contradictions, fmt.Sprintf("sub's repo part has %s %s but the %s claim is %s", c.claim, quoted(c.got), c.claim, quoted(want)))
			}
		}
		if hasRepo && !strings.HasSuffix(repo, "/"+name) {
			agrees = false
			s.Contradictions = append(s.Contradictions, "sub's repo part names repository "+quoted(name)+" but the repository claim is "+quoted(repo))
		}
		part.Agrees = &agrees
		return
	}
	part.FromClaim = "repository"
	if !hasRepo {
		return
	}
	agrees := part.Value == repo
	part.Agrees = &agrees
	switch {
	case agrees:
	case strings.EqualFold(part.Value, repo):
		s.Contradictions = append(s.Contradictions, "sub's repo "+quoted(part.Value)+" differs from the repository claim "+quoted(repo)+" only in case; AWS and Entra compare case-sensitively")
	default:
		s.Contradictions = append(s.Contradictions, "sub's repo "+quoted(part.Value)+" is not the repository claim "+quoted(repo))
	}
}

// checkPart compares a key:value part with the claim of the same name.
func checkPart(s *Subject, part *SubjectPart, tok tokenView) {
	part.FromClaim = claimForKey(part.Key)
	want, ok := tok.str(part.FromClaim)
	if !ok {
		return
	}
	got := part.Value
	if part.Decoded != "" {
		got = part.Decoded
	}
	agrees := got == want
	part.Agrees = &agrees
	if !agrees {
		s.Contradictions = append(s.Contradictions, fmt.Sprintf("sub's %s part is %s but the %s claim is %s", part.Key, quoted(part.Value), part.FromClaim, quoted(want)))
	}
}

// checkContext states which of GitHub's rules produced the context part and
// whether the claims agree: an environment wins over a pull request event,
// which wins over the ref.
func checkContext(s *Subject, ctx *SubjectPart, tok tokenView) {
	ctx.FromClaim = claimForKey(ctx.Key)
	env, hasEnv := tok.str("environment")
	event, _ := tok.str("event_name")
	ref, _ := tok.str("ref")
	var want string
	switch {
	case hasEnv:
		s.Rule = "environment: the job references an environment, which takes precedence over the event and the ref"
		want = "environment:" + encodeColons(env)
	case event == "pull_request":
		s.Rule = "pull_request: a pull request event and no environment"
		want = "pull_request"
	case event == "pull_request_target":
		s.Rule = "uncertain: for pull_request_target the documentation only says \"pull request event\"; tokens have been observed with the ref the job runs on, which since 8 December 2025 is the default branch whatever the pull request's base"
		s.Notes = append(s.Notes, "whether sub ends in :pull_request or :ref:<default branch> for pull_request_target is not confirmed by GitHub's documentation")
		return
	default:
		s.Rule = "ref: no environment and not a pull request, so the ref (branch or tag)"
		want = "ref:" + ref
	}
	got := ctx.Key
	if ctx.Value != "" {
		got += ":" + ctx.Value
	}
	agrees := got == want
	ctx.Agrees = &agrees
	if !agrees {
		s.Contradictions = append(s.Contradictions, "the context part is "+quoted(got)+" but the claims give "+quoted(want)+" by GitHub's rule")
	}
}

// alternate builds the same subject with the repo part in the other form:
// during the migration to immutable subjects a policy should accept both.
func alternate(s *Subject, repoIdx int, tok tokenView) {
	part := s.Parts[repoIdx]
	var repl string
	if r, ok := immutableRepo(part.Value); ok {
		repl = r.Legacy().String()
		s.AlternateNote = "the legacy form of this subject: repositories that have not moved to immutable subjects still get it"
	} else {
		owner, ok1 := tok.str("repository_owner")
		ownerID, ok2 := tok.str("repository_owner_id")
		repoID, ok3 := tok.str("repository_id")
		name, found := strings.CutPrefix(part.Value, owner+"/")
		if !ok1 || !ok2 || !ok3 || !found {
			return
		}
		repl = owner + "@" + ownerID + "/" + name + "@" + repoID
		s.AlternateNote = "the immutable form this repository gets once it opts in, or if it is renamed or transferred (default for repositories created after 2026-07-15; github.com and GHEC only); trust both during the migration"
	}
	var b strings.Builder
	for i, p := range s.Parts {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(p.Key)
		v := p.Value
		if i == repoIdx {
			v = repl
		}
		if p.Key != "pull_request" || v != "" {
			b.WriteString(":" + v)
		}
	}
	s.Alternate = b.String()
}
