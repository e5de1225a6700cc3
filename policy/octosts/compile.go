package octosts

import (
	"fmt"
	"regexp"
	"sort"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// field is one test of the token: an exact string or a compiled pattern.
type field struct {
	key     string // as written: issuer, subject_pattern, claim_pattern.ref, …
	claim   string // the token claim it reads
	value   string // the literal or the pattern, as written
	pattern bool
	re      *regexp.Regexp // as the selected octo-sts compiles it; nil when err is set
	loose   *regexp.Regexp // "^" + p + "$" (octo-sts/app up to v0.8.0); nil if it does not compile
	whole   *regexp.Regexp // "^(?:" + p + ")$", what the author meant; nil if p does not compile alone
	err     string         // octo-sts's Compile error for this field, or why oidcscope does not compile it (limited)
	limited bool           // err is oidcscope's cap, not octo-sts's refusal
	older   string         // with err under AnchorGrouped: how octo-sts/app up to v0.8.0 compiles p anyway
	insts   int            // the size of re's program: what one byte of a value costs to match
	expr    string         // overrides the rendered expression
	shape   shape
}

// trustPolicy is one compiled .sts.yaml.
type trustPolicy struct {
	source, name string
	domain       string
	mode         Anchoring
	doc          document
	issuer       *field // nil: neither issuer nor issuer_pattern
	subject      *field // nil: neither subject nor subject_pattern
	audience     *field // nil: the STS domain is required
	claims       []*field
	errs         []string // Compile errors, in octo-sts's order
	lint         []policy.Finding
}

func (tp *trustPolicy) Provider() string { return policy.OctoSTS }
func (tp *trustPolicy) Source() string   { return tp.source }
func (tp *trustPolicy) Name() string     { return tp.name }

// compile mirrors TrustPolicy.Compile: exactly one of issuer and
// issuer_pattern, exactly one of subject and subject_pattern, at most one
// of audience and audience_pattern, and every pattern must compile. Unlike
// octo-sts it keeps going after the first error, so every broken field is
// shown; octo-sts reports (and logs) only the first.
func compile(source, name string, doc document, domain string, mode Anchoring) *trustPolicy {
	tp := &trustPolicy{source: source, name: name, domain: domain, mode: mode, doc: doc}
	tp.issuer = tp.pair("issuer", "iss", doc.Issuer, doc.IssuerPattern, true)
	tp.subject = tp.pair("subject", "sub", doc.Subject, doc.SubjectPattern, true)
	tp.audience = tp.pair("audience", "aud", doc.Audience, doc.AudiencePattern, false)
	keys := make([]string, 0, len(doc.ClaimPattern))
	for k := range doc.ClaimPattern {
		keys = append(keys, k)
	}
	sort.Strings(keys) // octo-sts walks a Go map: its order is random
	for _, k := range keys {
		f := tp.newPattern("claim_pattern."+k, k, doc.ClaimPattern[k])
		if f.err != "" && !f.limited {
			f.err = "error compiling claim_pattern[" + escape.Quoted(k) + "]: " + f.err
			tp.errs = append(tp.errs, f.err)
		}
		tp.claims = append(tp.claims, f)
	}
	tp.lint = policyLint(tp)
	return tp
}

// pair compiles one literal/pattern pair such as issuer/issuer_pattern.
func (tp *trustPolicy) pair(name, claim, literal, pattern string, required bool) *field {
	switch {
	case literal != "" && pattern != "":
		msg := fmt.Sprintf("trust policy: only one of %s or %s_pattern can be set, got both", name, name)
		tp.errs = append(tp.errs, msg)
		return &field{key: name, claim: claim, value: literal, err: msg,
			expr: name + ": " + yamlQuote(literal) + " and " + name + "_pattern: " + yamlQuote(pattern)}
	case literal == "" && pattern == "":
		if required {
			msg := fmt.Sprintf("trust policy: one of %s or %s_pattern must be set, got neither", name, name)
			tp.errs = append(tp.errs, msg)
			return &field{key: name, claim: claim, err: msg}
		}
		return nil
	case pattern != "":
		f := tp.newPattern(name+"_pattern", claim, pattern)
		if f.err != "" && !f.limited {
			f.err = fmt.Sprintf("trust policy: invalid %s_pattern: %s", name, f.err)
			tp.errs = append(tp.errs, f.err)
		}
		return f
	}
	return &field{key: name, claim: claim, value: literal}
}

func (tp *trustPolicy) newPattern(key, claim, p string) *field {
	f := &field{key: key, claim: claim, value: p, pattern: true}
	if len(p) > MaxPatternBytes {
		f.err, f.limited = overBytes(key, len(p)), true
		return f
	}
	f.shape = topLevel(p)
	if n, ok := programSize(anchored(p, tp.mode)); ok && n > MaxPatternInsts {
		f.err, f.limited = overInsts(key, n), true
		return f
	}
	re, err := compilePattern(p, tp.mode)
	if err != nil {
		f.err = err.Error()
		if tp.mode == AnchorGrouped {
			f.older = olderCompiles(p)
		}
		return f
	}
	f.insts, _ = programSize(re.String())
	f.re, f.whole = re, wholeMatch(p)
	if loose, err := regexp.Compile("^" + p + "$"); err == nil {
		f.loose = loose
	}
	return f
}

// errorDiagnosis is what an errored condition on f says: octo-sts's
// Compile error, then what older octo-sts made of the pattern, if anything.
func (f *field) errorDiagnosis() []string {
	if f.older == "" {
		return []string{f.err}
	}
	return []string{f.err, f.older}
}

// broken reports a field octo-sts's Compile refuses, or one past
// oidcscope's caps (limited).
func (f *field) broken() bool { return f != nil && f.err != "" }

// match tests one value the way octo-sts does; ok is false when m cannot
// pay for the match.
func (f *field) match(m *meter, v string) (matched, ok bool) {
	if f.pattern {
		return m.match(f, f.re, v)
	}
	return v == f.value, true
}

// onlyUngrouped reports a value that "^" + p + "$" accepts and
// "^(?:" + p + ")$" refuses: the alternation is not grouped (or a (?m)
// reaches the closing "$"). Under AnchorCaretDollar such a value passes;
// under AnchorGrouped it fails. Past m's budget it reports false.
func (f *field) onlyUngrouped(m *meter, v string) bool {
	if !f.pattern || f.loose == nil || f.whole == nil {
		return false
	}
	loose, ok := m.match(f, f.loose, v)
	if !ok || !loose {
		return false
	}
	whole, ok := m.match(f, f.whole, v)
	return ok && !whole
}

// literalPrefix is what every match must start with: the anchored
// regexp's literal prefix, or the literal itself.
func (f *field) literalPrefix(string) string {
	if !f.pattern {
		return f.value
	}
	if f.re == nil {
		return ""
	}
	prefix, _ := f.re.LiteralPrefix()
	return prefix
}

// expression renders the field as it reads in the .sts.yaml.
func (f *field) expression() string {
	if f.expr != "" {
		return f.expr
	}
	if f.value == "" && f.err != "" {
		return "(" + f.key + " missing)"
	}
	return f.key + ": " + yamlQuote(f.value)
}
