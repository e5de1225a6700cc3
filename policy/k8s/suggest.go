package k8s

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"
)

// ExampleAudience is the cluster-specific audience the notes recommend.
const ExampleAudience = "https://k8s.example.com"

// Suggest writes an AuthenticationConfiguration with one JWT authenticator
// that accepts this token and pins it by immutable IDs: one CEL
// claimValidationRule requiring repository_owner_id and repository_id
// (plus ref and event_name, environment or job_workflow_ref by scope).
// Kubernetes tests the ID claims directly, so sub (legacy or immutable
// form) is not matched at all. Before returning, the document is parsed and evaluated
// against the token: a suggestion that would not allow it is an error.
func (pr provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	need := func(claim, why string) (string, error) { return policy.NeedClaim(tok, claim, why, ErrSuggest) }
	iss, err := need("iss", "issuer.url must equal iss")
	if err != nil {
		return policy.Suggestion{}, err
	}
	auds, ok := tok.Strings("aud")
	if !ok || len(auds) == 0 || auds[0] == "" || tok.Duplicated("aud") {
		return policy.Suggestion{}, fmt.Errorf("%w: issuer.audiences must hold the token's aud, and it has no usable aud claim", ErrSuggest)
	}
	aud := auds[0]
	ownerID, repoID, terms, err := celclaims.IDTerms(varClaims, "the rule", need)
	if err != nil {
		return policy.Suggestion{}, err
	}
	repo, _ := tok.String("repository")
	if repo == "" {
		repo = "repository " + repoID
	}

	message := "only " + repo
	notes := []string{fmt.Sprintf("pins repository_owner_id %s and repository_id %s, the immutable IDs: a renamed or transferred repository keeps them, and a new repository that takes the old name does not get them", ownerID, repoID)}
	switch scope {
	case policy.ScopeRepo:
		notes = append(notes, "accepts any workflow run of the repository: any branch, tag, pull request or environment")
	case policy.ScopeRef, policy.ScopeWorkflow:
		pin := scopePins[scope]
		v, err := pin.Pin(&terms, varClaims, need)
		if err != nil {
			return policy.Suggestion{}, err
		}
		message += pin.message + v
		if scope == policy.ScopeRef {
			onEvent, eventNote := pinRefEvent(&terms, tok)
			message += onEvent
			notes = append(notes, fmt.Sprintf(pin.note, v, eventNote))
		} else {
			notes = append(notes, fmt.Sprintf(pin.note, v))
		}
	case policy.ScopeEnvironment:
		env, ok := tok.String("environment")
		if !ok || env == "" {
			return policy.Suggestion{}, fmt.Errorf("%w: environment scope needs an environment claim: %s", ErrSuggest, policy.Absent("environment"))
		}
		terms = append(terms, celclaims.Pin(varClaims, "environment", env))
		message += " in environment " + env
		notes = append(notes, "pins environment "+env+": protect it with required reviewers or branch rules in the repository settings")
	default:
		return policy.Suggestion{}, fmt.Errorf("%w: unknown scope %s (want %v)", ErrSuggest, escape.Quoted(string(scope)), policy.Scopes)
	}

	username := "'github:' + claims.repository_id"
	if sub, ok := tok.String("sub"); ok && sub != "" {
		username += " + ':' + claims.sub"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "apiVersion: %s\nkind: %s\njwt:\n- issuer:\n    url: %s\n    audiences:\n    - %s\n", SuggestedVersion, Kind, yamlQuote(iss), yamlQuote(aud))
	fmt.Fprintf(&b, "  claimValidationRules:\n  - expression: %s\n    message: %s\n", yamlQuote(strings.Join(terms, " && ")), yamlQuote(message))
	fmt.Fprintf(&b, "  claimMappings:\n    username:\n      expression: %s\n    groups:\n      expression: %s\n", yamlQuote(username), yamlQuote("['github-repo:' + claims.repository_id]"))
	fmt.Fprintf(&b, "  userValidationRules:\n  - expression: %s\n    message: %s\n", yamlQuote("!user.username.startsWith('system:')"), yamlQuote("usernames may not use the reserved system: prefix"))

	notes = append(notes,
		"does not match sub: Kubernetes tests the ID claims directly, so the legacy (repo:OWNER/REPO:…) and immutable (repo:OWNER@ID/REPO@ID:…) sub forms both pass; sub appears only in the username, after the repository ID",
		audienceNote(aud),
		fmt.Sprintf("the username is github:%s:<sub>; bind RBAC (RoleBinding/ClusterRoleBinding subjects) to the group github-repo:%s rather than to the username, which changes with the ref or environment", repoID, repoID),
		"save as the file passed to kube-apiserver --authentication-config (apiVersion v1beta1 is served from Kubernetes 1.30, v1 from 1.34); issuer.url must not be another authenticator's or the service-account issuer",
	)
	s := policy.Suggestion{Provider: policy.K8s, Scope: scope, Format: "yaml", Document: b.String(), Notes: notes}
	if err := policy.CheckSuggestion(pr, s.Document, tok); err != nil {
		return policy.Suggestion{}, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	return s, nil
}

// scopePins are the claims the ref and workflow scopes pin: why the
// suggestion needs the claim, what the rule's message adds before its
// value, and the note on what pinning it accepts.
var scopePins = map[policy.Scope]struct {
	celclaims.Scoped
	message, note string
}{
	policy.ScopeRef:      {celclaims.Scoped{Claim: "ref", Why: "ref scope pins the token's ref"}, " on ", "pins ref %s%s; a job that references an environment still carries ref, so this also accepts environment jobs on that ref"},
	policy.ScopeWorkflow: {celclaims.Scoped{Claim: "job_workflow_ref", Why: "workflow scope pins job_workflow_ref"}, " via ", "pins job_workflow_ref %s: the workflow file that defines the job, at its ref (the called reusable workflow, if any)"},
}

func audienceNote(aud string) string {
	note := fmt.Sprintf("issuer.audiences is the token's aud %s so that this token passes; prefer a cluster-specific audience such as %s, and request the token with it (core.getIDToken('%s'), or audience=%s on ACTIONS_ID_TOKEN_REQUEST_URL)", escape.Quoted(aud), ExampleAudience, ExampleAudience, ExampleAudience)
	for _, p := range policy.ProviderAudiences() {
		if aud == p.Audience {
			return note + fmt.Sprintf(": %s is %s's audience, so every token a workflow requests for %s would also be presented to this cluster", aud, p.Name, p.Name)
		}
	}
	if strings.HasPrefix(aud, "https://github.com/") {
		return note + ": the default audience (the owner's URL) is shared by every workflow of the owner that does not ask for another"
	}
	return note
}

// yamlQuote is k8sinfo's YAMLQuote.
func yamlQuote(s string) string { return k8sinfo.YAMLQuote(s) }

// Snippets are k8sinfo's, which a build running this provider in the
// helper makes without it.
func (provider) Snippets(tok policy.Token) []policy.Snippet { return k8sinfo.Snippets(tok) }
