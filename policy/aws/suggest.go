package aws

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws/internal/awscli"
)

// ErrCannotSuggest is wrapped by Suggest when the token lacks what the
// scope needs.
var ErrCannotSuggest = errors.New("cannot suggest an AWS trust policy")

// Suggest writes a least-privilege role trust policy that this token
// satisfies: the OIDC provider of its issuer (account left as
// <ACCOUNT_ID>), sts:AssumeRoleWithWebIdentity, StringEquals on aud, sub
// in both the legacy and the immutable form, and repository_id. The scope
// decides what else is pinned:
//
//	repo         StringLike sub "repo:O/R:*" and "repo:O@OID/R@RID:*"
//	ref          StringEquals sub (when sub names the ref), else the :ref key
//	environment  StringEquals sub (when sub names the environment), else the :environment key
//	workflow     StringLike sub for the repository, StringEquals job_workflow_ref
//
// event_name is not a key AWS evaluates, so the ref and workflow scopes
// cannot pin the event; their notes say what that lets in (suggest_event.go).
func (provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	fail := func(format string, a ...any) (policy.Suggestion, error) {
		return policy.Suggestion{}, fmt.Errorf("%w: "+format, append([]any{ErrCannotSuggest}, a...)...)
	}
	r := newRequest(tok)
	switch {
	case !r.hasIss:
		return fail("the token has no string iss claim: AWS names the OIDC provider after the issuer")
	case tok.Duplicated("iss"):
		return fail("the token carries iss more than once: which OIDC provider AWS would use is undefined")
	case !r.pathOK:
		return fail("the token's iss %s is not an https URL: AWS OIDC providers are https issuers", escape.Quoted(r.iss))
	}
	subj, err := subjectsOf(tok)
	if err != nil {
		return fail("%v", err)
	}
	if tok.Duplicated("aud") {
		return fail("the token carries aud more than once: which one AWS would read is undefined")
	}
	auds, ok := audKeyValues(tok)
	if !ok || len(auds) == 0 {
		return fail("the token has no aud claim (string or array of strings; or azp, a string, which AWS reads in its place); request it with audience sts.amazonaws.com")
	}
	aud := auds[0]
	if slices.Contains(auds, policy.InfoOf(policy.AWS).Audience) {
		aud = policy.InfoOf(policy.AWS).Audience
	}

	key := func(claim string) string { return r.path + ":" + claim }
	equals, like, anyAud := map[string]any{}, map[string]any{}, map[string]any{}
	notes := []string{providerNote(r.iss, aud)}
	if v, _ := tok.Claim("aud"); v.Kind == decode.Array && tok.Count("azp") == 0 {
		// A multivalued key needs a set operator (IAM docs, "Single-valued
		// vs. multivalued context keys"); ForAnyValue: passes when an
		// element matches.
		anyAud[key("aud")] = literalValue(aud, false)
		notes = append(notes, "the token's aud is an array, a multivalued key: the policy pins it with ForAnyValue:StringEquals, since AWS requires a set operator for one")
	} else {
		equals[key("aud")] = literalValue(aud, false)
	}
	if aud != policy.InfoOf(policy.AWS).Audience {
		notes = append(notes, fmt.Sprintf("the token's aud is %s, not sts.amazonaws.com (what aws-actions/configure-aws-credentials requests): the policy pins %s so it matches this token, and the OIDC provider must list it as a client ID; better, request the token with audience sts.amazonaws.com and pin that", escape.Quoted(aud), escape.Quoted(aud)))
	}
	// setSub pins sub: exactly (the values are written literally) or with
	// subjects.repoWide's patterns.
	setSub := func(vals []string, pattern bool) {
		m := equals
		if pattern {
			m = like
		} else {
			vals = literals(vals)
		}
		m[key("sub")] = one(vals)
		if len(vals) > 1 {
			notes = append(notes, "sub is trusted in both forms, legacy repo:OWNER/REPO and immutable repo:OWNER@ID/REPO@ID: GitHub moves repositories to immutable subjects from 2026-07-15, and a role that trusts one form denies the other")
		} else if subj.note != "" {
			notes = append(notes, subj.note)
		}
	}
	repoWide := func() {
		if subj.repoForm {
			setSub(subj.repoWide(), true)
		} else {
			setSub(subj.exact(), false)
		}
	}
	need := func(claim, why string) (string, error) {
		if !r.githubKeys && isGitHubClaim(claim) && claim != "ref" {
			return "", fmt.Errorf("%w: scope %s pins %s, and AWS evaluates %s only for GitHub's issuers; for %s it reads aud and sub", ErrCannotSuggest, scope, claim, claim, r.iss)
		}
		v, ok := stringClaim(tok, claim)
		if !ok {
			if claim == "environment" {
				return "", fmt.Errorf("%w: scope environment needs an environment claim, and %s", ErrCannotSuggest, policy.Absent("environment"))
			}
			return "", fmt.Errorf("%w: scope %s needs the token's %s claim (a single non-empty string)%s", ErrCannotSuggest, scope, claim, why)
		}
		return v, nil
	}
	secondary := func(claim string) string {
		return fmt.Sprintf("%s is a GitHub condition key AWS STS evaluates in role trust policies (%s)", key(claim), keysSourceShort)
	}
	switch scope {
	case policy.ScopeRepo:
		repoWide()
		notes = append(notes, "scope repo: any workflow run of the repository may assume the role, on any branch, tag, pull request or environment")
	case policy.ScopeRef:
		ref, err := need("ref", "")
		if err != nil {
			return policy.Suggestion{}, err
		}
		if subj.repoForm && subj.ctx == "ref:"+ref {
			setSub(subj.exact(), false)
			notes = append(notes, "scope ref: only runs on "+ref+" (sub ends in :ref:"+ref+")")
			if n := refEventNote(ref, true, r.githubKeys); n != "" {
				notes = append(notes, n)
			}
		} else {
			if !r.githubKeys {
				return fail("scope ref: this token's sub does not name its ref, and AWS evaluates the ref key only for GitHub's issuers (for %s it reads aud and sub)", r.iss)
			}
			repoWide()
			equals[key("ref")] = literalValue(ref, false)
			notes = append(notes, "scope ref: this job's sub does not name its ref (it names an environment, a pull request or custom claims), so the ref is pinned with "+key("ref"), secondary("ref"))
			if n := refEventNote(ref, false, r.githubKeys); n != "" {
				notes = append(notes, n)
			}
		}
	case policy.ScopeEnvironment:
		env, err := need("environment", "")
		if err != nil {
			return policy.Suggestion{}, err
		}
		if subj.repoForm && subj.ctx == "environment:"+strings.ReplaceAll(env, ":", "%3A") {
			setSub(subj.exact(), false)
			notes = append(notes, "scope environment: only jobs that reference the environment "+env+" (sub ends in :environment:…)")
		} else {
			if !r.githubKeys {
				return fail("scope environment: this token's sub does not name its environment, and AWS evaluates the environment key only for GitHub's issuers (for %s it reads aud and sub)", r.iss)
			}
			setSub(subj.exact(), false)
			equals[key("environment")] = literalValue(env, false)
			notes = append(notes, "scope environment: this token's sub is customized, so it is pinned exactly and the environment is pinned with "+key("environment"), secondary("environment"))
		}
	case policy.ScopeWorkflow:
		jwr, err := need("job_workflow_ref", "")
		if err != nil {
			return policy.Suggestion{}, err
		}
		repoWide()
		equals[key("job_workflow_ref")] = literalValue(jwr, false)
		notes = append(notes, "scope workflow: only jobs defined by "+jwr+" (the workflow file at that ref; for a reusable workflow, the called file), from any ref of the repository", secondary("job_workflow_ref"))
		notes = append(notes, workflowEventNote)
	default:
		return fail("unknown scope %s (repo, ref, environment or workflow)", escape.Quoted(string(scope)))
	}
	if id, ok := stringClaim(tok, "repository_id"); ok && r.githubKeys {
		equals[key("repository_id")] = literalValue(id, false)
		notes = append(notes, "repository_id "+id+" pins the repository itself, which a rename or a look-alike owner cannot fake; "+secondary("repository_id"))
	}
	cond := map[string]map[string]any{"StringEquals": equals}
	if len(like) > 0 {
		cond["StringLike"] = like
	}
	if len(anyAud) > 0 {
		cond["ForAnyValue:StringEquals"] = anyAud
	}
	doc := trustDocument{Version: "2012-10-17", Statement: []trustStatement{{
		Sid:       "GitHubActionsOIDC",
		Effect:    "Allow",
		Principal: map[string]string{"Federated": "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/" + r.path},
		Action:    webIdentityAction,
		Condition: cond,
	}}}
	text, err := marshal(doc)
	if err != nil {
		return fail("%v", err)
	}
	return policy.Suggestion{Provider: policy.AWS, Scope: scope, Format: "json", Document: text, Notes: notes}, nil
}

// providerNote says which IAM OIDC provider the account needs, with the
// command that creates it when the values can be printed as one.
func providerNote(iss, aud string) string {
	note := "replace <ACCOUNT_ID> with your AWS account id; that account needs the IAM OIDC provider for " + iss
	cmd, err := awscli.Command("aws iam create-open-id-connect-provider --url %s --client-id-list %s", iss, aud)
	if err != nil {
		return note + ", created with aws iam create-open-id-connect-provider (no command is printed: " + err.Error() + ")"
	}
	return note + ": `" + cmd + "`"
}

type trustDocument struct {
	Version   string
	Statement []trustStatement
}

type trustStatement struct {
	Sid       string
	Effect    string
	Principal map[string]string
	Action    string
	Condition map[string]map[string]any
}

// literals writes values for an operator that compares them exactly.
func literals(vals []string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = literalValue(v, false)
	}
	return out
}

// one is a value list as IAM writes it: a string for one value.
func one(vals []string) any {
	if len(vals) == 1 {
		return vals[0]
	}
	return vals
}

// marshal writes JSON as people write policies: two-space indent, and
// "<ACCOUNT_ID>" not escaped to \u003c.
func marshal(v any) (string, error) { return policy.IndentJSON(v) }
