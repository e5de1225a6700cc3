package gcp

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// Placeholders the suggestion leaves for the user (gcpinfo's).
const (
	PlaceholderProject  = gcpinfo.PlaceholderProject
	PlaceholderPool     = gcpinfo.PlaceholderPool
	PlaceholderProvider = gcpinfo.PlaceholderProvider
)

// Suggest writes a provider, in the `providers describe --format=json`
// shape, that accepts this token and pins it by immutable IDs: the
// attribute condition requires repository_owner_id and repository_id
// (plus ref and event_name, environment or job_workflow_ref by scope),
// and the mapping exposes those claims for IAM bindings. The condition
// does not match sub, so the legacy and the immutable sub forms both pass. Before
// returning, the document is parsed and evaluated against the token: a
// suggestion that would not allow it is an error.
func (pr provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	need := func(claim, why string) (string, error) { return policy.NeedClaim(tok, claim, why, ErrSuggest) }
	if !slices.Contains(policy.Scopes, scope) {
		return policy.Suggestion{}, fmt.Errorf("%w: unknown scope %s (want one of %v)", ErrSuggest, escape.Quoted(string(scope)), policy.Scopes)
	}
	iss, err := need("iss", "oidc.issuerUri must equal iss")
	if err != nil {
		return policy.Suggestion{}, err
	}
	ownerID, repoID, terms, err := celclaims.IDTerms(varAssertion, "the condition", need)
	if err != nil {
		return policy.Suggestion{}, err
	}
	auds, ok := tok.Strings("aud")
	if !ok || len(auds) == 0 || tok.Duplicated("aud") || slices.Contains(auds, "") {
		return policy.Suggestion{}, fmt.Errorf("%w: the token has no usable aud claim (a string or a list of non-empty strings)", ErrSuggest)
	}
	s := suggestion{res: gcpinfo.Placeholder}
	env, hasEnv := tok.String("environment")
	hasEnv = hasEnv && env != "" && !tok.Duplicated("environment")
	switch scope {
	case policy.ScopeRepo:
		s.note("scope repo: any workflow run of the repository — any branch, tag, pull request or environment")
	case policy.ScopeRef, policy.ScopeWorkflow:
		pin := scopePins[scope]
		v, err := pin.Pin(&terms, varAssertion, need)
		if err != nil {
			return policy.Suggestion{}, err
		}
		if scope == policy.ScopeRef {
			s.note(pin.note, v, pinRefEvent(&terms, tok))
		} else {
			s.note(pin.note, v)
		}
	case policy.ScopeEnvironment:
		if !hasEnv {
			return policy.Suggestion{}, fmt.Errorf("%w: scope environment needs an environment claim: %s", ErrSuggest, policy.Absent("environment"))
		}
		terms = append(terms, celclaims.Pin(varAssertion, "environment", env))
		s.note("scope environment: only jobs that reference environment %s; protect it with required reviewers or deployment branch rules", env)
	}
	s.condition = strings.Join(terms, " && ")
	s.note("attributeCondition pins repository_owner_id %s and repository_id %s, the immutable IDs (quoted: GitHub sends them as strings): a renamed or transferred repository keeps them, and a new repository that takes the old name does not get them", ownerID, repoID)

	s.mapSubject(tok)
	for _, claim := range []string{"repository_id", "repository_owner_id", "ref", "job_workflow_ref"} {
		if v, ok := tok.String(claim); ok && !tok.Duplicated(claim) && (v != "" || claim == "ref") {
			s.mapping = append(s.mapping, kv{"attribute." + claim, "assertion." + claim})
		}
	}
	if hasEnv {
		if scope == policy.ScopeEnvironment {
			s.mapping = append(s.mapping, kv{"attribute.environment", "assertion.environment"})
		} else {
			s.mapping = append(s.mapping, kv{"attribute.environment", "has(assertion.environment) ? assertion.environment : ''"})
			s.note("attribute.environment is mapped with has(…) so that jobs without an environment still map (a mapping that reads an absent claim fails with a CEL error, which oidcscope assumes rejects the token — an inference)")
		}
	}
	if err := s.audience(auds); err != nil {
		return policy.Suggestion{}, err
	}
	s.issuer = iss
	s.note("bind this IAM member to what the workflow may use (e.g. roles/iam.workloadIdentityUser on a service account, or a role on the resource itself): principalSet://%s/%s/attribute.repository_id/%s", IAMHost, s.res.PoolPath(), repoID)
	if s.res == gcpinfo.Placeholder {
		s.note("fill in %s (the project NUMBER, not its ID), %s and %s; Google Cloud prints the name itself, so create the provider with these fields (gcloud iam workload-identity-pools providers create-oidc, Terraform google_iam_workload_identity_pool_provider)", PlaceholderProject, PlaceholderPool, PlaceholderProvider)
	}
	doc := s.render()
	out := policy.Suggestion{Provider: policy.GCP, Scope: scope, Format: "json", Document: doc, Notes: s.notes}
	if err := policy.CheckSuggestion(pr, doc, tok); err != nil {
		return policy.Suggestion{}, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	return out, nil
}

// scopePins are the claims the ref and workflow scopes pin: why the
// suggestion needs the claim, and the note on what pinning it accepts.
var scopePins = map[policy.Scope]struct {
	celclaims.Scoped
	note string
}{
	policy.ScopeRef:      {celclaims.Scoped{Claim: "ref", Why: "scope ref pins the token's ref"}, "scope ref: only runs on %s%s; a job that references an environment carries ref too, so environment jobs on that ref are accepted as well"},
	policy.ScopeWorkflow: {celclaims.Scoped{Claim: "job_workflow_ref", Why: "scope workflow pins job_workflow_ref"}, "scope workflow: only jobs defined by %s (the workflow file, at its ref; the called reusable workflow, if any)"},
}

type suggestion struct {
	res       resource
	issuer    string
	audiences []string
	mapping   []kv // target, expression
	condition string
	notes     []string
}

func (s *suggestion) note(format string, args ...any) {
	s.notes = append(s.notes, fmt.Sprintf(format, args...))
}

// mapSubject maps google.subject to sub, or to an ID when this token's sub
// is over Google Cloud's 127-byte limit.
func (s *suggestion) mapSubject(tok policy.Token) {
	sub, ok := tok.String("sub")
	if ok && sub != "" && len(sub) <= MaxSubjectBytes && !tok.Duplicated("sub") {
		s.mapping = append(s.mapping, kv{"google.subject", "assertion.sub"})
		s.note("google.subject = assertion.sub: the condition pins IDs rather than sub, so the legacy (repo:OWNER/REPO:…) and the immutable (repo:OWNER@ID/REPO@ID:…) sub forms both pass; a principal://…/subject/<sub> binding would have to list both forms")
		return
	}
	s.mapping = append(s.mapping, kv{"google.subject", "'repository_id:' + assertion.repository_id"})
	s.note("google.subject is 'repository_id:' + assertion.repository_id because this token's sub is missing or over Google Cloud's %d-byte limit (%d bytes): assertion.sub would be rejected", MaxSubjectBytes, len(sub))
}

// audience keeps allowedAudiences empty when the token carries a
// provider's default audience (then the name is that provider's), else
// lists the token's aud.
func (s *suggestion) audience(auds []string) error {
	for _, a := range auds {
		if r, ok := gcpinfo.AudienceResource(a); ok {
			s.res = r
			s.note("oidc.allowedAudiences is empty: the token's aud %s is the provider's default audience (its canonical name), which google-github-actions/auth requests by default; the name is taken from it", a)
			return nil
		}
	}
	a := auds[0]
	if n := utf8.RuneCountInString(a); n > MaxAudienceChars {
		return fmt.Errorf("%w: the token's aud is %d characters; oidc.allowedAudiences entries may have at most %d", ErrSuggest, n, MaxAudienceChars)
	}
	s.audiences = []string{a}
	s.note("oidc.allowedAudiences is [%s], the token's aud, so that this token passes; google-github-actions/auth requests https://iam.googleapis.com/<provider> by default; drop allowedAudiences to use that", a)
	for _, prov := range policy.ProviderAudiences() {
		if a == prov.Audience && prov.ID != policy.GCP {
			s.note("%s is %s's audience: every token a workflow requests for %s would also be accepted here; prefer the default audience", a, prov.Name, prov.Name)
		}
	}
	return nil
}

func (s suggestion) render() string {
	mapping := make([]kv, len(s.mapping))
	for i, m := range s.mapping {
		mapping[i] = kv{m.key, jsonString(m.value)}
	}
	oidc := []kv{{"issuerUri", jsonString(s.issuer)}}
	if len(s.audiences) > 0 {
		oidc = append(oidc, kv{"allowedAudiences", array(s.audiences, "    ")})
	}
	return object([]kv{
		{"name", jsonString(s.res.Name())},
		{"attributeMapping", object(mapping, "  ")},
		{"attributeCondition", jsonString(s.condition)},
		{"oidc", object(oidc, "  ")},
		{"state", jsonString("ACTIVE")},
	}, "") + "\n"
}
