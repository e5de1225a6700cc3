package entra

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// ficDoc is a credential as Graph takes it (POST …/federatedIdentityCredentials).
type ficDoc struct {
	Name                     string   `json:"name"`
	Issuer                   string   `json:"issuer"`
	Subject                  string   `json:"subject,omitempty"`
	Audiences                []string `json:"audiences"`
	ClaimsMatchingExpression *exprDoc `json:"claimsMatchingExpression,omitempty"`
	Description              string   `json:"description,omitempty"`
}

type exprDoc struct {
	Value           string `json:"value"`
	LanguageVersion int    `json:"languageVersion"`
}

// Suggest builds credentials this token satisfies. Standard credentials
// match one exact subject each, so scopes ref and environment need two of
// them to survive GitHub's move to immutable subjects: the legacy and the
// immutable subject. Scopes repo and workflow need a pattern, which only
// the flexible credential (preview) has: two of those too, one per
// subject form (the expression has no `or`), each pinned to repository_id.
// A token has one form, so only its own credential is the document, which
// the user checks with `inspect --policy`; the other form's credential is
// a note, to create in the same app (see otherForm).
func (provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	iss, err := needClaim(tok, "iss")
	if err != nil {
		return policy.Suggestion{}, err
	}
	if strings.TrimSpace(iss) != iss {
		return policy.Suggestion{}, fmt.Errorf("%w: the token's iss has leading or trailing whitespace, which makes Entra block the exchange", ErrSuggest)
	}
	sub, err := needClaim(tok, "sub")
	if err != nil {
		return policy.Suggestion{}, err
	}
	s := suggester{tok: tok, scope: scope, iss: iss, sub: sub}
	s.forms, s.haveForms = tokenRepoForms(tok)
	var docs []ficDoc
	switch scope {
	case policy.ScopeRef, policy.ScopeEnvironment:
		docs, err = s.standard()
	case policy.ScopeRepo, policy.ScopeWorkflow:
		docs, err = s.flexible()
	default:
		err = fmt.Errorf("%w: unknown scope %s (repo, ref, environment or workflow)", ErrSuggest, escape.Quoted(string(scope)))
	}
	if err != nil {
		return policy.Suggestion{}, err
	}
	doc, err := renderDocs(docs)
	if err != nil {
		return policy.Suggestion{}, fmt.Errorf("%w: %w", ErrSuggest, err)
	}
	return policy.Suggestion{Provider: policy.Entra, Scope: scope, Format: "json", Document: doc, Notes: s.notes}, nil
}

type suggester struct {
	tok       policy.Token
	scope     policy.Scope
	iss, sub  string
	forms     repoForms
	haveForms bool
	notes     []string
}

func (s *suggester) note(format string, a ...any) {
	s.notes = append(s.notes, fmt.Sprintf(format, a...))
}

// needClaim reads a claim the suggestion cannot do without.
func needClaim(tok policy.Token, name string) (string, error) {
	v, _, problem := claimString(tok, name)
	if problem != "" {
		return "", fmt.Errorf("%w: %s", ErrSuggest, problem)
	}
	if v == "" {
		return "", fmt.Errorf("%w: the token's %s is empty", ErrSuggest, name)
	}
	return v, nil
}

// subjects returns the token's sub in both repository forms (legacy
// first), or the sub alone when it has no `repo:` prefix to rewrite.
func (s *suggester) subjects() []string {
	if s.haveForms {
		if legacy, immutable, ok := s.forms.both(s.sub); ok {
			return []string{legacy, immutable}
		}
	}
	return []string{s.sub}
}

// standard suggests exact-subject credentials for scope ref or environment.
func (s *suggester) standard() ([]ficDoc, error) {
	label, err := s.standardScope()
	if err != nil {
		return nil, err
	}
	subjects := s.subjects()
	base := credentialName(s.repoName(), label)
	var docs []ficDoc
	mine := 0
	for i, subject := range subjects {
		if utf8.RuneCountInString(subject) > maxFieldLength {
			return nil, fmt.Errorf("%w: the token's sub is longer than the %d characters an Entra subject can hold", ErrSuggest, maxFieldLength)
		}
		name, form := base, "subject as the token has it"
		if len(subjects) == 2 {
			name, form = base+[]string{"-legacy", "-immutable"}[i], []string{"legacy subject form", "immutable subject form"}[i]
		}
		if subject == s.sub {
			mine = i
		}
		docs = append(docs, ficDoc{Name: name, Issuer: s.iss, Subject: subject, Audiences: []string{AzureAudience},
			Description: description(fmt.Sprintf("GitHub Actions %s, %s (%s). Suggested by oidcscope.", s.repoName(), label, form))})
	}
	s.note("Standard credentials compare issuer, subject and audience exactly and case-sensitively, with no wildcards: one credential per subject.")
	if len(docs) == 1 {
		s.note("One credential: the token's sub %s has no repo:OWNER/REPO prefix to rewrite into the other (legacy or immutable) form.", s.sub)
	}
	s.note("An app registration or user-assigned managed identity holds at most %d federated credentials; this uses %d.", MaxCredentials, len(docs))
	s.note("%s", createNote(s.iss))
	s.audienceNote()
	return s.otherForm(docs, mine)
}

// createNote says how to create standard credentials with az; the
// managed-identity command holds the issuer, so it is left out when the
// issuer cannot be printed in a command.
func createNote(iss string) string {
	note := "Create each object separately: `az ad app federated-credential create --id <APP_ID> --parameters <FILE>`; for a user-assigned managed identity: "
	cmd, err := cliCommand("az identity federated-credential create --name <NAME> --identity-name <IDENTITY> --resource-group <RESOURCE_GROUP> --issuer %s --subject <SUBJECT> --audiences %s", iss, AzureAudience)
	if err != nil {
		note += "az identity federated-credential create with --issuer set to the token's iss (no command is printed: " + err.Error() + ")"
	} else {
		note += "`" + cmd + "`"
	}
	return note + ". Fill in <APP_ID> and <FILE>, a file holding one of the objects (or the identity's name, resource group and subject)."
}

// standardScope checks that the token's sub pins what the scope asks for
// and names it.
func (s *suggester) standardScope() (string, error) {
	_, rest, _, prefixed := s.forms.split(s.sub)
	if !s.haveForms {
		prefixed, rest = false, s.sub
	}
	switch s.scope {
	case policy.ScopeEnvironment:
		env, absent, problem := claimString(s.tok, "environment")
		if absent {
			return "", fmt.Errorf("%w: scope environment needs an environment claim, and %s", ErrSuggest, policy.Absent("environment"))
		}
		if problem != "" || env == "" {
			return "", fmt.Errorf("%w: scope environment needs a usable environment claim: %s", ErrSuggest, orEmpty(problem, "it is empty"))
		}
		want := "environment:" + strings.ReplaceAll(env, ":", "%3A")
		if !containsSegment(rest, want) {
			return "", fmt.Errorf("%w: the token's sub %s does not name environment %s (a custom sub template?); a standard Entra credential matches the whole sub, so it can only pin what sub holds", ErrSuggest, escape.Quoted(s.sub), escape.Quoted(env))
		}
		s.note("Pins environment %s: any job of the repository that references it, from whatever branch the environment's protection rules admit.", env)
		return "env-" + env, nil
	default: // ref
		ref, _, problem := claimString(s.tok, "ref")
		if problem != "" || ref == "" {
			return "", fmt.Errorf("%w: scope ref needs the token's ref claim: %s", ErrSuggest, orEmpty(problem, "it is empty"))
		}
		if !containsSegment(rest, "ref:"+ref) {
			switch {
			case prefixed && strings.HasPrefix(rest, "environment:"):
				return "", fmt.Errorf("%w: the token's sub %s is in environment form: a job that references an environment always gets environment:<name> in sub, whatever the branch, and a standard Entra credential matches the whole sub; use scope environment", ErrSuggest, escape.Quoted(s.sub))
			case prefixed && rest == "pull_request":
				return "", fmt.Errorf("%w: the token's sub %s is in pull_request form: pull request events get :pull_request, not the ref, so Entra cannot pin the ref; a standard credential for %s would trust every pull request (use scope repo or a subject you choose)", ErrSuggest, escape.Quoted(s.sub), s.sub)
			}
			return "", fmt.Errorf("%w: the token's sub %s does not name the ref %s (a custom sub template?); a standard Entra credential matches the whole sub, so it can only pin what sub holds", ErrSuggest, escape.Quoted(s.sub), escape.Quoted(ref))
		}
		s.note("Pins ref %s: any workflow of the repository running on it in a job without an environment (a job that references an environment gets environment:<name> in sub and does not match).", ref)
		return refLabel(ref), nil
	}
}

// flexible suggests pattern credentials for scope repo or workflow.
func (s *suggester) flexible() ([]ficDoc, error) {
	if s.iss != GitHubIssuer {
		return nil, fmt.Errorf("%w: scope %s needs a flexible credential, and flexible credentials are documented for the issuer %s only; this token's issuer is %s: use scope ref or environment (standard credentials)", ErrSuggest, s.scope, GitHubIssuer, escape.Quoted(s.iss))
	}
	idClaim := "repository_id"
	id, err := needClaim(s.tok, idClaim)
	if err != nil {
		idClaim = "repository_owner_id"
		if id, err = needClaim(s.tok, idClaim); err != nil {
			return nil, fmt.Errorf("%w: a flexible credential for GitHub must pin repository_id or repository_owner_id, and the token has neither", ErrSuggest)
		}
	}
	if !s.haveForms {
		return nil, fmt.Errorf("%w: scope %s needs the token's repository, repository_owner, repository_owner_id and repository_id to build the sub pattern", ErrSuggest, s.scope)
	}
	_, _, immutable, ok := s.forms.split(s.sub)
	if !ok {
		return nil, fmt.Errorf("%w: the token's sub %s does not start with repo:%s (a custom sub template without repo?), so no claims['sub'] pattern can scope it to the repository", ErrSuggest, escape.Quoted(s.sub), policy.Shorten(s.forms.legacy[len("repo:"):], 120))
	}
	tail := " and claims['" + idClaim + "'] eq '" + id + "'"
	label := "all"
	if s.scope == policy.ScopeWorkflow {
		jwr, err := needClaim(s.tok, "job_workflow_ref")
		if err != nil {
			return nil, err
		}
		if strings.ContainsRune(jwr, '\'') {
			return nil, fmt.Errorf("%w: the token's job_workflow_ref %s holds a single quote, which the documented expression grammar cannot quote", ErrSuggest, escape.Quoted(jwr))
		}
		tail += " and claims['job_workflow_ref'] eq '" + jwr + "'"
		label = "workflow-" + workflowFile(jwr)
		s.note("Pins the job's workflow file at its ref: job_workflow_ref %s (for a reusable workflow that is the called workflow, not the caller).", jwr)
	} else {
		s.note("Trusts every workflow run of the repository: any branch, tag, pull request and environment.")
	}
	prefixes := []string{s.forms.legacy, s.forms.immutable}
	mine := 0 // the token's own form's credential
	if immutable {
		mine = 1
	}
	base := credentialName(s.repoName(), label)
	var docs []ficDoc
	for i, prefix := range prefixes {
		if strings.ContainsAny(prefix, "*?'") {
			return nil, fmt.Errorf("%w: the repository prefix %s holds '*', '?' or a quote, which a matches pattern cannot hold literally", ErrSuggest, escape.Quoted(prefix))
		}
		value := "claims['sub'] matches '" + prefix + "*'" + tail
		form := []string{"legacy", "immutable"}[i]
		docs = append(docs, ficDoc{Name: base + "-" + form, Issuer: s.iss, Audiences: []string{AzureAudience},
			ClaimsMatchingExpression: &exprDoc{Value: value, LanguageVersion: 1},
			Description:              description(fmt.Sprintf("GitHub Actions %s, %s (%s subject form). Flexible credential, suggested by oidcscope.", s.repoName(), label, form))})
	}
	s.note("Flexible federated identity credentials are a preview: create each object with `az rest --method POST --uri https://graph.microsoft.com/beta/applications/<APP_OBJECT_ID>/federatedIdentityCredentials --body @<FILE>` (Graph beta); a user-assigned managed identity takes them through ARM api-version 2025-01-31-preview. az CLI, PowerShell and Terraform do not create them natively. Fill in <APP_OBJECT_ID> and <FILE>, a file holding one of the objects.")
	s.note("Pins %s %s (an immutable ID: survives renames and re-creation); the 2026 documentation requires claims['sub'] plus repository_id or repository_owner_id for GitHub.", idClaim, id)
	s.note("Two credentials, one per subject form (legacy %s… and immutable %s…), because the expression language has no `or`; %d of the %d credentials an app or identity can hold (whether flexible credentials count against that limit is not documented).", s.forms.legacy, s.forms.immutable, len(docs), MaxCredentials)
	s.note("The sub pattern relies on '*' matching across '/' (the ref refs/heads/… holds slashes) and on matches comparing the whole string, case-sensitively %s.", assumedNote)
	s.audienceNote()
	return s.otherForm(docs, mine)
}

// audienceNote warns when this token was not requested for Entra.
func (s *suggester) audienceNote() {
	auds, actual, absent, problem := claimAudiences(s.tok)
	for _, a := range auds {
		if a == AzureAudience {
			return
		}
	}
	switch {
	case absent:
		actual = "missing"
	case problem != "":
		actual = problem
	default:
		actual = escape.Quoted(actual)
	}
	s.note("This token's aud is %s, and the credentials expect %s: request the token with that audience (azure/login does by default), or the exchange fails with %s.", actual, AzureAudience, noMatchAADSTS)
}

func (s *suggester) repoName() string {
	if repo, _, problem := claimString(s.tok, "repository"); problem == "" && repo != "" {
		return repo
	}
	return "repository"
}
