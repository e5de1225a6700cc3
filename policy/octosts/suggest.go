package octosts

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// ErrCannotSuggest is wrapped when the token lacks what a suggestion for
// the scope needs.
var ErrCannotSuggest = errors.New("cannot suggest an octo-sts trust policy")

type suggestion struct {
	issuer, subject, subjectPattern, audience string
	claims                                    [][2]string // claim_pattern entries, in output order
	notes                                     []string
}

// Suggest writes a .sts.yaml this token satisfies: the exact issuer, a
// subject_pattern trusting the legacy and the immutable sub forms (grouped),
// claim_pattern on the immutable repository and owner IDs, the scope's
// context (for scope ref, the token's event_name as well: see
// pinRefEvent), and the token's audience when it is not the STS domain. The
// document is parsed and evaluated against the token before it is
// returned.
func (p *Provider) Suggest(tok policy.Token, scope policy.Scope) (policy.Suggestion, error) {
	s, err := p.build(tok, scope)
	if err != nil {
		return policy.Suggestion{}, err
	}
	doc := s.render(scope)
	out := policy.Suggestion{Provider: policy.OctoSTS, Scope: scope, Format: "yaml", Document: doc, Notes: s.notes}
	pols, err := p.Parse("suggested.sts.yaml", []byte(doc))
	if err != nil {
		return out, fmt.Errorf("%w: the suggestion does not parse: %w", ErrCannotSuggest, err)
	}
	if rs := screen(tok); len(rs) > 0 {
		return out, fmt.Errorf("%w: octo-sts refuses this token whatever the trust policy says: %s (%s)", ErrCannotSuggest, escape.Quoted(rs[0].answer), rs[0].problem)
	}
	if r := pols[0].Evaluate(tok); r.Verdict != policy.Allow {
		return out, fmt.Errorf("%w: the suggestion does not accept the token: %s", ErrCannotSuggest, r.Summary)
	}
	return out, nil
}

func (p *Provider) build(tok policy.Token, scope policy.Scope) (suggestion, error) {
	var s suggestion
	need := func(claim, why string) (string, error) {
		v, ok := tok.String(claim)
		if !ok || v == "" || tok.Duplicated(claim) {
			return "", fmt.Errorf("%w: %s (%s)", ErrCannotSuggest, why, policy.Absent(claim))
		}
		return v, nil
	}
	var err error
	if s.issuer, err = need("iss", "octo-sts matches the issuer exactly"); err != nil {
		return s, err
	}
	sub, err := need("sub", "octo-sts matches the subject")
	if err != nil {
		return s, err
	}
	if !slices.Contains(policy.Scopes, scope) {
		return s, fmt.Errorf("%w: unknown scope %s (want one of %v)", ErrCannotSuggest, escape.Quoted(string(scope)), policy.Scopes)
	}
	var env, jwr string
	switch scope {
	case policy.ScopeEnvironment:
		if env, err = need("environment", "scope environment pins the job's environment"); err != nil {
			return s, err
		}
	case policy.ScopeWorkflow:
		if jwr, err = need("job_workflow_ref", "scope workflow pins the workflow file that defines the job"); err != nil {
			return s, err
		}
	}
	ref, _ := tok.String("ref")

	rs, standard := splitSubject(tok)
	switch {
	case standard && scope == policy.ScopeRepo:
		anything := ".*"
		if strings.Contains(rs.tail, "\n") { // impossible in a GitHub sub, but "." stops at "\n"
			anything = "(?s:.*)"
		}
		s.subjectPattern = rs.pattern(anything)
	case standard:
		s.subjectPattern = rs.pattern(regexp.QuoteMeta(rs.tail))
	default:
		s.subject = sub
		s.note("the token's sub %s does not start with repo:OWNER/REPO: (a customised sub template), so it is pinned exactly; claim_pattern carries the scope", escape.Quoted(sub))
	}
	if standard {
		if rs.immutable != "" {
			s.note("subject_pattern trusts both subject forms, %s (legacy) and %s (immutable, for repositories created or renamed after 2026-07-15 or opted in), grouped as (?:…|…) so that every octo-sts version anchors both as whole values (octo-sts/app up to v0.8.0 compiles \"^\" + pattern + \"$\")", rs.legacy, rs.immutable)
		} else {
			s.note("the token has no repository_id/repository_owner_id, so only the legacy subject form %s is trusted; add the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID when you know the IDs", rs.legacy)
		}
	}

	switch scope {
	case policy.ScopeRepo:
		s.note("scope repo: any workflow run of the repository, on any ref, environment or event")
	case policy.ScopeRef:
		if standard && rs.tail == "ref:"+ref {
			s.note("scope ref: only runs on %s (the sub's ref context)", ref)
		} else if ref != "" {
			s.claim("ref", ref)
			s.note("scope ref: the sub's context is %s, not ref:%s, so the sub is pinned as the token has it and claim_pattern pins ref %s", escape.Quoted(subTail(rs, standard, sub)), ref, ref)
		}
		s.pinRefEvent(tok)
	case policy.ScopeEnvironment:
		if standard && strings.HasPrefix(rs.tail, "environment:") {
			s.note("scope environment: only jobs that reference environment %s (the sub's environment context); protect it with required reviewers or branch rules", env)
		} else {
			s.claim("environment", env)
			s.note("scope environment: claim_pattern pins environment %s", env)
		}
	case policy.ScopeWorkflow:
		s.claim("job_workflow_ref", jwr)
		s.note("scope workflow: claim_pattern pins job_workflow_ref %s, the workflow file that defines the job, at its ref", jwr)
		s.workflowEventNote(tok)
	}

	ids := 0
	for _, c := range []string{"repository_id", "repository_owner_id"} {
		if v, ok := tok.String(c); ok && v != "" && !tok.Duplicated(c) {
			s.claim(c, v)
			ids++
		}
	}
	if ids > 0 {
		s.note("claim_pattern pins the immutable repository_id/repository_owner_id, which survive renames and transfers and cannot be re-registered by someone else")
	}

	auds, _ := tok.Strings("aud")
	switch {
	case slices.Contains(auds, p.domain()):
		s.note("no audience line: octo-sts then requires aud %s (its STS_DOMAIN), which this token carries", p.domain())
	case len(auds) > 0:
		s.audience = auds[0]
		s.note("audience pins the token's aud %s because it is not %s; octo-sts tokens are usually requested with audience %s (then drop the audience line), and a token whose audience another service also accepts can be replayed to it", escape.Quoted(auds[0]), p.domain(), p.domain())
	default:
		return s, fmt.Errorf("%w: the token's aud is not a string or a list of strings", ErrCannotSuggest)
	}
	s.note("permissions: contents: read is a placeholder: list the GitHub App permissions the workflow needs, nothing more")
	s.note("save as .github/chainguard/<identity>.sts.yaml in the repository the GitHub token should act on, and exchange with scope=<owner/repo>&identity=<identity>")
	return s, nil
}

func subTail(rs repoSubject, standard bool, sub string) string {
	if standard {
		return rs.tail
	}
	return sub
}

func (s *suggestion) claim(name, value string) {
	s.claims = append(s.claims, [2]string{name, regexp.QuoteMeta(value)})
}

func (s *suggestion) note(format string, args ...any) {
	s.notes = append(s.notes, fmt.Sprintf(format, args...))
}

func (s suggestion) render(scope policy.Scope) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# octo-sts trust policy suggested by oidcscope (scope: %s).\n", scope)
	b.WriteString("# Save as .github/chainguard/<identity>.sts.yaml in the target repository.\n")
	b.WriteString("issuer: " + yamlQuote(s.issuer) + "\n")
	if s.subjectPattern != "" {
		b.WriteString("subject_pattern: " + yamlQuote(s.subjectPattern) + "\n")
	} else {
		b.WriteString("subject: " + yamlQuote(s.subject) + "\n")
	}
	if s.audience != "" {
		b.WriteString("audience: " + yamlQuote(s.audience) + "\n")
	}
	if len(s.claims) > 0 {
		b.WriteString("claim_pattern:\n")
		for _, c := range s.claims {
			b.WriteString("  " + yamlKey(c[0]) + ": " + yamlQuote(c[1]) + "\n")
		}
	}
	b.WriteString("permissions:\n  contents: read # placeholder: what the workflow needs, nothing more\n")
	return b.String()
}

var plainKey = lazyre.New(`^[A-Za-z_][A-Za-z0-9_]*$`)

// yamlKey writes a mapping key plainly when it is a simple name.
func yamlKey(k string) string {
	if plainKey().MatchString(k) {
		return k
	}
	return yamlQuote(k)
}
