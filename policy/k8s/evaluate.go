package k8s

import (
	"fmt"
	"slices"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// Evaluate picks the authenticator by the token's iss, as kube-apiserver
// does, and runs every one of its checks, in document order: issuer,
// audiences, claimValidationRules, claimMappings (username, groups, uid,
// extra) and userValidationRules. kube-apiserver stops at the first
// failure (its order: mappings, required claims, CEL rules, user rules);
// all are shown here, and any failure denies. Signature, exp and nbf are
// the verify stage's business, and the discovery document's issuer (which
// must also equal issuer.url) is not fetched.
func (p *k8sPolicy) Evaluate(tok policy.Token) policy.Result {
	res := policy.NewResult(p, p.lint(tok))
	ev := &evaluation{tok: kubernetesView(tok), orig: tok}
	defer ev.Meter.Close()
	a, summary := p.pick(ev)
	if a != nil {
		summary = a.evaluate(ev)
	}
	res.Conditions = append(res.Conditions, ev.Conds...)
	res.Verdict, res.Summary = policy.Allow, summary
	if ev.Failed {
		res.Verdict = policy.Deny
	}
	// A token some check denies is denied whatever an expression stopped
	// at oidcscope's bounds would have given: kube-apiserver rejects it
	// at that check, or at the stopped expression, which its own cost
	// limit would stop too or which must pass as well.
	stops := ev.Stops
	if ev.Failed {
		stops = nil
	}
	kubernetesRefusals.Apply(&res, p.errs, p.local, stops)
	return res
}

// kubernetesRefusals words who stops a configuration from being
// evaluated. Problems that are all CEL functions oidcscope lacks
// (p.local) may well be valid for kube-apiserver: say whose limit stops
// evaluation. An expression oidcscope's CEL bounds stop makes an error
// too: kube-apiserver would reject the token if its own limit stopped
// the expression, but oidcscope's accounting is not kube-apiserver's (it
// prices what that underprices, and stops calls before they run), so
// neither verdict can be told.
var kubernetesRefusals = celclaims.Refusals{
	Provider:  celclaims.Refusal("kube-apiserver refuses this configuration: "),
	Oidcscope: celclaims.Blame{Error: "oidcscope cannot evaluate this configuration: ", Summary: "error: oidcscope cannot evaluate "},
	What:      "this configuration",
}

// evaluation collects one Evaluate's conditions.
type evaluation struct {
	celclaims.Record
	tok  policy.Token   // as kube-apiserver's claims map holds it (kubernetesView)
	orig policy.Token   // every member, for go-oidc's registered claims and notes
	vars map[string]any // CEL activation, built on first use

	issNote string // how kube-apiserver read iss, when not plainly
}

func (ev *evaluation) celVars() map[string]any {
	if ev.vars == nil {
		ev.vars = map[string]any{varClaims: ev.tok.Memo(claimsKey{}, func() any { return newClaimsValue(ev.tok) })}
	}
	return ev.vars
}

// claimsKey names the claims value in the token's memo.
type claimsKey struct{}

// pick finds the authenticator whose issuer.url equals iss exactly. When
// there is none, it records the failed issuer condition and returns the
// deny summary.
func (p *k8sPolicy) pick(ev *evaluation) (*authenticator, string) {
	var urls []string
	for _, a := range p.auths {
		urls = append(urls, a.spec.Issuer.URL)
	}
	c := policy.Condition{Expression: "jwt[*].issuer.url", Claims: []string{"iss"}, Expected: urls, Result: policy.Fail}
	// kube-apiserver's untrustedIssuer decodes iss into a struct, as
	// go-oidc does: case-insensitive names, the last member wins, and a
	// member that is not a string makes no authenticator take the token.
	ms := oidcMembers(ev.orig, "iss")
	iss, present, note := oidcString(ev.orig, "iss")
	bad := slices.IndexFunc(ms, func(m decode.Member) bool { return !isStringOrNull(m.Value) })
	switch {
	case len(p.auths) == 0:
		c.Actual = iss
		c.Diagnosis = []string{"the configuration has no jwt authenticators"}
		ev.Add(c, "")
		return nil, "deny: the configuration has no jwt authenticators"
	case bad >= 0:
		c.Actual, _ = valueText(ms[bad].Value)
		c.Diagnosis = []string{fmt.Sprintf("%s is %s, not a string: no authenticator can match it", escape.Quoted(ms[bad].Key), kindWord(ms[bad].Value))}
		ev.Add(c, "")
		return nil, "deny: the token has no string iss claim"
	case !present:
		c.Absent = true
		c.Diagnosis = []string{policy.Absent("iss") + ": kube-apiserver hands a JWT to the authenticator whose issuer.url equals its iss"}
		ev.Add(c, "")
		return nil, "deny: the token has no string iss claim"
	}
	ev.issNote = note
	for _, a := range p.auths {
		if a.spec.Issuer.URL == iss {
			return a, ""
		}
	}
	c.Actual = iss
	c.Diagnosis = issuerDiagnosis(urls, iss)
	if note != "" {
		c.Diagnosis = append(c.Diagnosis, note)
	}
	ev.Add(c, "")
	return nil, fmt.Sprintf("deny: no jwt authenticator for issuer %s", iss)
}

// issuerDiagnosis explains an iss that matches no issuer.url.
func issuerDiagnosis(urls []string, iss string) []string {
	out := []string{fmt.Sprintf("no jwt[].issuer.url equals the token's iss: %s compares the issuer exactly, before anything else", policy.ProviderName(policy.K8s))}
	for _, u := range urls {
		switch {
		case strings.TrimRight(u, "/") == strings.TrimRight(iss, "/"):
			out = append(out, escape.Quoted(u)+" and the token's iss differ only by a trailing slash, which still makes them different")
		case strings.HasPrefix(iss, strings.TrimRight(u, "/")+"/"):
			out = append(out, fmt.Sprintf("the token's iss extends %s: an enterprise with a unique issuer URL (token.actions.githubusercontent.com/<enterprise>) needs its own jwt[] entry with that exact url", escape.Quoted(u)))
		}
	}
	return append(out, policy.Mismatch(policy.K8s, "iss", urls, iss, true)...)
}

// evaluate runs the checks of the picked authenticator and returns the
// Summary.
func (a *authenticator) evaluate(ev *evaluation) string {
	ev.Add(policy.Condition{
		Expression: "issuer.url: " + a.spec.Issuer.URL,
		Claims:     []string{"iss"},
		Expected:   []string{a.spec.Issuer.URL},
		Actual:     a.spec.Issuer.URL,
		Result:     errored(policy.Pass, a.issuerErrs),
		Diagnosis:  appendNote(lines(a.issuerErrs), ev.issNote),
		Group:      a.path,
	}, "")
	if problems := oidcDecodeProblems(ev.orig); len(problems) > 0 {
		ev.Add(policy.Condition{
			Expression: "the token's registered claims, as go-oidc decodes them",
			Claims:     []string{},
			Expected:   []string{"iss, sub, nonce, at_hash strings; aud a string or list of strings; exp, iat, nbf numbers"},
			Result:     policy.Fail,
			Diagnosis:  problems,
			Group:      a.path,
		}, "go-oidc cannot decode the token's payload: "+firstLine(problems[0]))
	}
	aud := a.audienceCondition(ev.orig)
	ev.Add(aud, fmt.Sprintf("aud %s is not one of issuer.audiences [%s]", aud.Actual, strings.Join(a.spec.Issuer.Audiences, ", ")))
	for _, r := range a.rules {
		c, why := r.evaluate(ev)
		c.Group = a.path
		ev.Add(c, why)
	}
	user, ok := a.mapUser(ev)
	for _, r := range a.userRules {
		c, why := r.evaluate(ev, user, ok)
		c.Group = a.path
		ev.Add(c, why)
	}
	who := fmt.Sprintf("%s (%s)", a.path, a.spec.Issuer.URL)
	if ev.Failed {
		return fmt.Sprintf("deny: %s: %s", who, ev.Reason)
	}
	s := fmt.Sprintf("allow: %s authenticates the token as user %s", who, escape.Quoted(user.Username))
	if len(user.Groups) > 0 {
		s += fmt.Sprintf(" with groups [%s]", strings.Join(user.Groups, ", "))
	}
	return s
}

// errored turns a condition with validation problems into an errored one.
func errored(o policy.Outcome, errs []string) policy.Outcome {
	if len(errs) > 0 {
		return policy.Errored
	}
	return o
}

func (a *authenticator) audienceCondition(tok policy.Token) policy.Condition {
	iss := a.spec.Issuer
	expr := "issuer.audiences: [" + strings.Join(iss.Audiences, ", ") + "]"
	if iss.AudienceMatchPolicy != "" {
		expr += ", audienceMatchPolicy: " + iss.AudienceMatchPolicy
	}
	c := policy.Condition{Expression: expr, Claims: []string{"aud"}, Expected: slices.Clone(iss.Audiences), Group: a.path}
	if auds, ok := oidcAudience(tok, &c); ok {
		c.Result = policy.Fail
		for _, t := range auds {
			for _, want := range iss.Audiences {
				if t == want {
					c.Result = policy.Pass
				}
			}
		}
		if c.Result == policy.Fail {
			// A token requested for another provider, or for none (GitHub's
			// default, the owner's URL), is the workflow's mistake: listing
			// its aud would let in tokens minted for someone else.
			c.TokenSide = policy.NotMeantFor(policy.K8s, tok, auds)
			for _, t := range auds {
				c.Diagnosis = append(c.Diagnosis, policy.Mismatch(policy.K8s, "aud", iss.Audiences, t, true)...)
			}
			if len(iss.Audiences) > 0 {
				c.Diagnosis = append(c.Diagnosis, fmt.Sprintf("Kubernetes has no default audience: request the token for one of issuer.audiences (e.g. `core.getIDToken('%s')` or `audience=%s` on the token request URL)", iss.Audiences[0], iss.Audiences[0]))
			}
		}
	}
	if len(a.audErrs) > 0 {
		c.Result, c.TokenSide = policy.Errored, false // the document's to fix first
		c.Diagnosis = slices.Concat(lines(a.audErrs), c.Diagnosis)
	}
	return c
}

// oidcAudience reads aud as go-oidc does (see oidcMembers): a string or a
// list of strings, from the last member named aud in any case. It records
// the actual value and, when aud is unusable, the failure.
func oidcAudience(tok policy.Token, c *policy.Condition) ([]string, bool) {
	ms := oidcMembers(tok, "aud")
	if len(ms) == 0 {
		c.Result, c.Absent, c.Diagnosis = policy.Fail, true, []string{policy.Absent("aud")}
		return nil, false
	}
	last := ms[len(ms)-1]
	c.Actual, _ = valueText(last.Value)
	c.Diagnosis = appendNote(nil, spellingNote(ms, "aud"))
	if !isAudience(last.Value) {
		c.Result = policy.Fail
		c.Diagnosis = append(c.Diagnosis, "aud must be a string or a list of strings")
		return nil, false
	}
	if last.Value.Kind != decode.Array {
		return []string{last.Value.Text}, true
	}
	var auds []string
	for _, it := range last.Value.Items {
		auds = append(auds, it.Text)
	}
	return auds, true
}

// valueText is a value as conditions show it: a string bare, anything
// else as JSON.
func valueText(v decode.Value) (string, bool) {
	if v.Kind == decode.String {
		return v.Text, true
	}
	b, err := v.MarshalJSON()
	return string(b), err == nil
}

// appendNote appends note when there is one.
func appendNote(lines []string, note string) []string {
	if note == "" {
		return lines
	}
	return append(lines, note)
}

// lines splits validation messages (a CEL error spans several lines, with
// a caret under the fault) into diagnosis lines; the result is a new slice.
func lines(msgs []string) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, strings.Split(m, "\n")...)
	}
	return out
}
