package vault

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// roleDoc is a role as written to `vault write auth/jwt/role/<name> @role.json`.
type roleDoc struct {
	RoleType        string            `json:"role_type"`
	UserClaim       string            `json:"user_claim"`
	BoundAudiences  []string          `json:"bound_audiences"`
	BoundClaimsType string            `json:"bound_claims_type"`
	BoundClaims     map[string]string `json:"bound_claims"`
	ClaimMappings   map[string]string `json:"claim_mappings,omitempty"`
	TokenTTL        string            `json:"token_ttl"`
}

// Suggest builds a jwt role this token satisfies: bound to the token's
// audience and, by exact string comparison, to repository_id and
// repository_owner_id, plus the ref and the event, the environment or the
// job's workflow by scope. It binds no sub, so both subject forms are fine.
func (provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	s := suggester{tok: tok, scope: scope}
	doc, err := s.build()
	if err != nil {
		return policy.Suggestion{}, err
	}
	text := jsonIndent(doc)
	return policy.Suggestion{Provider: policy.Vault, Scope: scope, Format: "json", Document: text, Notes: s.notes}, nil
}

type suggester struct {
	tok   policy.Token
	scope policy.Scope
	notes []string
}

func (s *suggester) note(format string, a ...any) {
	s.notes = append(s.notes, fmt.Sprintf(format, a...))
}

// need reads a non-empty string claim the suggestion cannot do without.
func (s *suggester) need(name, why string) (string, error) {
	v, absent, problem := claimString(s.tok, name)
	switch {
	case problem != "":
		return "", fmt.Errorf("%w: %s", ErrSuggest, problem)
	case absent:
		return "", fmt.Errorf("%w: the token has no %s claim, %s", ErrSuggest, name, why)
	case v == "":
		return "", fmt.Errorf("%w: the token's %s is empty, %s", ErrSuggest, name, why)
	}
	return v, nil
}

func (s *suggester) build() (roleDoc, error) {
	doc := roleDoc{RoleType: "jwt", UserClaim: "repository", BoundClaimsType: TypeString, TokenTTL: "10m", BoundClaims: map[string]string{}}
	repoID, err := s.need("repository_id", "which the role pins")
	if err != nil {
		return doc, err
	}
	ownerID, err := s.need("repository_owner_id", "which the role pins")
	if err != nil {
		return doc, err
	}
	repo, err := s.need("repository", "which the role uses as user_claim")
	if err != nil {
		return doc, err
	}
	aud, err := s.audience()
	if err != nil {
		return doc, err
	}
	doc.BoundAudiences = []string{aud}
	doc.BoundClaims["repository_id"] = repoID
	doc.BoundClaims["repository_owner_id"] = ownerID
	what, err := s.scoped(doc.BoundClaims)
	if err != nil {
		return doc, err
	}
	doc.ClaimMappings = map[string]string{}
	for _, c := range []string{"repository", "run_id"} {
		if v, _, problem := claimString(s.tok, c); problem == "" && v != "" {
			doc.ClaimMappings[c] = c
		}
	}
	s.explain(repo, repoID, ownerID, aud, what)
	return doc, nil
}

// audience is the token's aud (the first, when it holds several).
func (s *suggester) audience() (string, error) {
	if s.tok.Duplicated("aud") {
		return "", fmt.Errorf("%w: %s", ErrSuggest, duplicated(s.tok, "aud"))
	}
	auds, ok := s.tok.Strings("aud")
	if !ok || len(auds) == 0 || auds[0] == "" {
		return "", fmt.Errorf("%w: the token has no usable aud (a string or a list of strings), and a jwt role must bind the audience", ErrSuggest)
	}
	if len(auds) > 1 {
		s.note("The token lists %d audiences; the role binds the first, %s (any one bound audience is enough).", len(auds), auds[0])
	}
	return auds[0], nil
}

// scopeClaim is the claim a scope pins beyond the repository, and why a
// suggestion in that scope cannot do without it ("" for none).
func scopeClaim(scope policy.Scope) (claim, why string) {
	switch scope {
	case policy.ScopeRef:
		return "ref", "so the role cannot pin the ref (a deployment on a bare SHA has none); use scope repo or workflow"
	case policy.ScopeEnvironment:
		return "environment", "because the job references no environment (add `environment: <name>` to the job)"
	case policy.ScopeWorkflow:
		return "job_workflow_ref", "so the role cannot pin the workflow"
	}
	return "", ""
}

// scoped adds the scope's bound claim and says what it pins.
func (s *suggester) scoped(claims map[string]string) (string, error) {
	if s.scope == policy.ScopeRepo {
		return "any workflow run of the repository", nil
	}
	claim, why := scopeClaim(s.scope)
	if claim == "" {
		return "", fmt.Errorf("%w: unknown scope %s (repo, ref, environment or workflow)", ErrSuggest, escape.Quoted(string(s.scope)))
	}
	v, err := s.need(claim, why)
	if err != nil {
		return "", err
	}
	claims[claim] = v
	switch s.scope {
	case policy.ScopeRef:
		if strings.HasPrefix(v, "refs/pull/") {
			s.note("The token's ref is a pull request merge ref (%s): the role only admits that pull request's runs.", v)
		}
		return s.bindRefEvent(claims, v), nil
	case policy.ScopeEnvironment:
		s.note("environment is present only when the job references it: protect the environment %s with required reviewers or branch rules in GitHub, since the role trusts any run that reaches it.", escape.Quoted(v))
		return "jobs that deploy to the environment " + v, nil
	}
	s.note("job_workflow_ref is the workflow file that defines the job, at its ref; for a reusable workflow it is the called workflow, not the caller.")
	return "jobs defined by " + v, nil
}

func (s *suggester) explain(repo, repoID, ownerID, aud, what string) {
	iss, _, problem := claimString(s.tok, "iss")
	if problem != "" || iss == "" {
		iss = GitHubIssuer
	}
	write, err := cliCommand("vault write auth/jwt/role/%s @role.json", roleName(repo, s.scope))
	if err != nil { // unreachable: roleName keeps [a-z0-9_-] and never starts with "-"
		write = "vault write auth/jwt/role/<NAME> @role.json"
	}
	s.notes = append([]string{
		fmt.Sprintf("Write it with `%s` (if the JWT auth method is mounted at auth/jwt); it admits %s.", write, what),
		fmt.Sprintf("Pins repository_id %s and repository_owner_id %s with exact string comparison: IDs survive renames and transfers and are never reused, unlike %s.", repoID, ownerID, repo),
		"No bound_subject: with the IDs pinned in bound_claims the form of sub does not matter, so there is no need to trust both the legacy (repo:OWNER/REPO:…) and the immutable (repo:OWNER@ID/REPO@ID:…) subject.",
		fmt.Sprintf("bound_audiences is the token's aud %s: Vault refuses a token with an aud when the role binds none; with hashicorp/vault-action, set jwtGithubAudience to it.", escape.Quoted(aud)),
		configNote(iss),
		"Fill in token_policies: the Vault policies the login grants (without them the token only gets the default policy).",
		"user_claim repository names the entity alias; claim_mappings copy repository and run_id into the token's metadata, so audit logs show which run logged in.",
		fmt.Sprintf("Time: Vault checks exp, nbf and iat with a %d s clock skew (clock_skew_leeway); expiration_leeway and not_before_leeway (%d s) only stand in for a missing exp or nbf.",
			int64(DefaultClockSkewLeeway.Seconds()), int64(DefaultExpirationLeeway.Seconds())),
	}, s.notes...)
}

// configNote says how to make the auth config trust the issuer, with the
// command when the issuer can be printed in one.
func configNote(iss string) string {
	cmd, err := cliCommand("vault write auth/jwt/config bound_issuer=%s oidc_discovery_url=%s", iss, iss)
	if err != nil {
		return fmt.Sprintf("The auth config must trust the issuer %s: set bound_issuer and oidc_discovery_url to it with vault write auth/jwt/config (no command is printed: %v).", iss, err)
	}
	return "The auth config must trust the issuer: `" + cmd + "`."
}

var unsafeName = lazyre.New(`[^a-z0-9_-]+`)

// roleName makes a Vault role name (lower case) from the repository.
func roleName(repo string, scope policy.Scope) string {
	base := repo
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	base = strings.Trim(unsafeName().ReplaceAllString(strings.ToLower(base), "-"), "-")
	if base == "" {
		base = "github"
	}
	if len(base) > 40 {
		base = base[:40]
	}
	return base + "-" + string(scope)
}

func jsonIndent(v any) string {
	var b strings.Builder
	enc := newEncoder(&b)
	if err := enc.Encode(v); err != nil {
		return "{}"
	}
	return b.String()
}
