package publisher

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/policy"
)

// Policy is one publisher document read for its registry.
type Policy struct {
	reg    Registry
	doc    Document
	source string
	lint   []policy.Finding
}

var (
	_ policy.Policy         = (*Policy)(nil)
	_ policy.AudienceHinter = (*Policy)(nil)
)

// NewPolicy reads doc as reg's publisher; source names the file.
func NewPolicy(reg Registry, source string, doc Document) *Policy {
	return &Policy{reg: reg, doc: doc, source: source, lint: lint(reg, doc)}
}

// Provider is the registry's provider id.
func (p *Policy) Provider() string { return p.reg.ID }

// Source is the file the document came from.
func (p *Policy) Source() string { return p.source }

// Document is the publisher as read.
func (p *Policy) Document() Document { return p.doc }

// Name describes the publisher: registry, repository, workflow and
// environment, as the registries' own pages list them.
func (p *Policy) Name() string {
	d := p.doc
	s := p.reg.displayName(d) + " publisher " + d.Owner + "/" + d.Repository
	if d.Workflow != "" {
		s += " @ " + d.Workflow
	}
	if d.Environment != "" {
		s += " (" + d.Environment + ")"
	}
	return s
}

// Audiences is the one audience the registry requires.
func (p *Policy) Audiences() []string {
	return policy.AppendAudiences(nil, p.reg.Audience(p.doc))
}

// Evaluate runs the registry's checks in its own order. Every check is
// shown, not only the first failure; the summary quotes what the
// registry answers, which is the first failure's.
func (p *Policy) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(p, p.lint)
	name := p.reg.displayName(p.doc)
	if missing := p.missingKeys(); len(missing) > 0 {
		res.SetError(fmt.Sprintf("the publisher document has no %s: %s cannot match a token without it", strings.Join(missing, ", "), name))
		return res
	}
	res.Conditions = append(res.Conditions, p.reg.Check(p.doc, tok)...)
	withActual(res.Conditions, tok)
	jobEnvironment(name, p.doc, tok, res.Conditions)
	if !res.SetErrorFromConditions() {
		res.Verdict, res.Summary = verdict(name, res.Conditions)
	}
	if res.Verdict != policy.Allow {
		res.Fixes = fixes(p.reg, p.doc, tok, res.Conditions)
	}
	return res
}

func (p *Policy) missingKeys() []string {
	var out []string
	for _, k := range p.reg.Required {
		if f := p.doc.stringField(k); f != nil && *f == "" {
			out = append(out, k)
		}
	}
	return out
}

func verdict(name string, conds []policy.Condition) (policy.Verdict, string) {
	var failed []policy.Condition
	offline := 0
	for _, c := range conds {
		switch c.Result {
		case policy.Fail:
			failed = append(failed, c)
		case policy.NotApplied:
			if c.Group == GroupOffline {
				offline++
			}
		}
	}
	if len(failed) == 0 {
		s := name + " accepts this token: every check oidcscope can make offline passes"
		if offline > 0 {
			s += fmt.Sprintf(" (%d more are made only by %s: see the lines not checked offline)", offline, name)
		}
		return policy.Allow, s
	}
	s := name + " refuses this token: " + failed[0].Diagnosis[0]
	if n := len(failed) - 1; n > 0 {
		s += " (and " + policy.Count(n, "more failing check") + ")"
	}
	return policy.Deny, s
}
