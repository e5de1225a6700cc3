package simulate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
)

// followTriggers are the claims an edit of which can change others (or
// leave the token unlike any GitHub issues); environment changes only
// sub, which Resubject rebuilds.
var followTriggers = []string{"event_name", "ref", "ref_type", "head_ref", "base_ref"}

// followed are the claims Build derives from the event and the refs, in
// the order the note names them; the workflow refs end in @ref.
// ref_protected follows too: a pull_request's merge ref is never
// protected, whatever the ref it came from was.
var followed = []string{"ref", "ref_type", "ref_protected", "head_ref", "base_ref", "workflow_ref", "job_workflow_ref"}

// checked are the claims whose edited value is compared with Build's: a
// workflow ref's path is read from the claim itself, so Build's is no
// authority over an edited one.
var checked = []string{"ref", "ref_type", "ref_protected", "head_ref", "base_ref"}

// Followed is what an edit of a token's claims changes in the others.
type Followed struct {
	Claims map[string]string // the claims to set, to these values
	// Conflicts are claims the user edited that are kept as edited
	// although GitHub would issue them otherwise with the other claims.
	Conflicts []string
	Note      string // one line saying what followed, what is made up and what differs; "" when nothing
}

// Follow is what GitHub would change in the claims after (the claims
// before, some changed by the user: a what-if) with that change: a pull
// request's event brings the merge ref and the head and base branches, a
// push's takes them away, a new ref its ref_type and workflow refs. Build
// is the authority: the context the claims before and after imply is
// built twice, and a claim follows where the two builds differ. Claims
// the user changed, in this edit or in the earlier ones named in edited,
// are never changed: where GitHub would issue them otherwise they are
// listed in Conflicts. sub is left to Resubject.
func Follow(before, after map[string]any, edited ...string) (Followed, error) {
	return FollowToken(nil, before, after, edited...)
}

// FollowToken is Follow for a what-if on a token whose own claims are
// own: whether a ref is protected only the repository knows, so an edit
// back onto the token's own ref (a pull request made a push again) takes
// the token's own ref_protected, where Follow keeps what the claims
// before said (a pull request's merge ref: never protected).
func FollowToken(own, before, after map[string]any, edited ...string) (Followed, error) {
	var changed []string
	for k, v := range after {
		if w, ok := before[k]; !ok || fmt.Sprint(v) != fmt.Sprint(w) {
			changed = append(changed, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			changed = append(changed, k)
		}
	}
	var out Followed
	if !slices.ContainsFunc(followTriggers, func(k string) bool { return slices.Contains(changed, k) }) {
		return out, nil // an edit of no claim the refs are built from
	}
	fixed := append(slices.Clone(edited), changed...)
	refEdited := claimString(before, "ref") != claimString(after, "ref")
	refFixed, headFixed := slices.Contains(fixed, "ref"), slices.Contains(fixed, "head_ref")
	was, err := Build(contextOf(before, refEdited, refFixed, headFixed))
	if err != nil {
		return out, fmt.Errorf("nothing follows the edit: %w", err)
	}
	ctx := contextOf(after, refEdited, refFixed, headFixed)
	now, err := Build(ctx)
	if err != nil {
		return out, fmt.Errorf("nothing follows the edit: %w", err)
	}
	built := func(s Simulation, k string) string { v, _ := s.Claims[k].(string); return v }
	if own != nil && built(now, "ref") == claimString(own, "ref") {
		ctx.Protected = claimString(own, "ref_protected") == "true"
		if now, err = Build(ctx); err != nil {
			return out, fmt.Errorf("nothing follows the edit: %w", err)
		}
	}

	for _, k := range checked {
		if v, ok := after[k].(string); ok && slices.Contains(fixed, k) && v != built(now, k) {
			out.Conflicts = append(out.Conflicts, k)
		}
	}
	out.Claims = map[string]string{}
	for _, k := range followed {
		v, ok := after[k].(string)
		if !ok || slices.Contains(fixed, k) || built(was, k) == built(now, k) || built(now, k) == v {
			continue
		}
		// A workflow ref follows the ref only where Build reads it
		// right (its path, a reusable workflow's own ref) and the
		// ref itself is GitHub's.
		if strings.HasSuffix(k, "workflow_ref") && (v != built(was, k) || slices.Contains(out.Conflicts, "ref")) {
			continue
		}
		out.Claims[k] = built(now, k)
	}
	out.Note = followNote(out, now, ctx)
	return out, nil
}

// contextOf is the job context claims imply, for Build to derive the
// refs from. A branch ref the user set (refFixed; in this edit,
// refEdited) names a pull_request's head branch, unless the user set that
// too (headFixed); a ref the token had is no head (a push's main turned
// into a pull request comes from a made-up branch). pull_request_target
// runs on the default branch (Build), so its ref names that.
func contextOf(claims map[string]any, refEdited, refFixed, headFixed bool) Context {
	str := func(k string) string { return claimString(claims, k) }
	c := Context{Repository: str("repository"), Event: str("event_name"), Environment: str("environment"),
		Protected: str("ref_protected") == "true"}
	ref, base := str("ref"), str("base_ref")
	branch := strings.HasPrefix(ref, "refs/heads/")
	// A pull request's base is most often the default branch; going
	// back to a push, the run is taken to be on it.
	c.DefaultBranch = base
	if pullRequestEvent(c.Event) {
		c.BaseRef, c.HeadRef = base, str("head_ref")
		switch {
		case c.Event == "pull_request_target" && branch:
			c.DefaultBranch = ref
		case refEdited && !headFixed:
			c.HeadRef = ""
		}
		if strings.HasPrefix(ref, "refs/pull/") || refFixed && branch && c.Event == "pull_request" {
			c.Ref = ref
		}
	} else if !strings.HasPrefix(ref, "refs/pull/") {
		c.Ref = ref
	}
	// The workflow's path, from workflow_ref: OWNER/REPO/PATH@REF.
	if p, ok := strings.CutPrefix(str("workflow_ref"), c.Repository+"/"); ok {
		c.Workflow, _, _ = strings.Cut(p, "@")
	}
	if j := str("job_workflow_ref"); j != str("workflow_ref") && checkJobWorkflow(j) == nil {
		c.JobWorkflow = j
	}
	return c
}

// followNote says what differs from GitHub's, then what followed: the
// refs with their values, made up or assumed where Build made them up
// or took the default branch.
func followNote(f Followed, now Simulation, ctx Context) string {
	var parts []string
	for _, k := range f.Conflicts {
		v, _ := now.Claims[k].(string)
		parts = append(parts, k+" kept as edited, though GitHub would issue "+escape.Quoted(v)+madeUp(now, k)+" with these claims")
	}
	var changed []string
	for _, k := range followed {
		v, ok := f.Claims[k]
		switch {
		case !ok:
		case strings.HasSuffix(k, "workflow_ref"):
			changed = append(changed, k)
		case k == "ref" && ctx.Ref == "" && !pullRequestEvent(ctx.Event):
			changed = append(changed, k+" "+escape.Quoted(v)+" (assumed: the default branch)")
		default:
			changed = append(changed, k+" "+escape.Quoted(v)+madeUp(now, k))
		}
	}
	if len(changed) > 0 {
		parts = append(parts, "followed as GitHub would: "+strings.Join(changed, ", "))
	}
	return strings.Join(parts, "; ")
}

// madeUp marks a value Build made up.
func madeUp(s Simulation, k string) string {
	if slices.Contains(s.Placeholders, k) {
		return " (made up)"
	}
	return ""
}

// claimString is claim k when it is a string.
func claimString(claims map[string]any, k string) string {
	v, _ := claims[k].(string)
	return v
}
