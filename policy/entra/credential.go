package entra

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// credential is one federated identity credential, read and compiled once.
// A field that cannot be read keeps its error; the condition built from it
// evaluates as errored and the verdict becomes Error.
type credential struct {
	source  string
	name    string
	hasName bool        // the document names it (else name is the source)
	group   string      // the app or identity it belongs to; "" = the whole document
	app     appSubjects // the subjects of its app's standard credentials (app.go)

	issuer    string
	issuerErr string

	subject    string
	hasSubject bool
	subjectErr string

	audiences []string
	audErr    string

	hasExpr  bool
	exprText string
	expr     *expression
	exprErr  string           // shape, languageVersion or grammar error
	exprAt   int              // byte offset of a grammar error in exprText, else -1
	termErrs []string         // per term: why Entra would not accept it for this issuer
	inSeg    []*regexp.Regexp // per `matches` term: the pattern with '*' kept inside one path segment

	shapeErr string // the item is not a credential object at all

	lint []policy.Finding // findings about the credential alone
}

var _ policy.Policy = (*credential)(nil)

func (c *credential) Provider() string { return policy.Entra }
func (c *credential) Source() string   { return c.source }
func (c *credential) Name() string     { return c.name }

// compile reads one entry. It never fails: problems stay with the field.
func compile(source string, data []byte, e entry) *credential {
	c := &credential{source: source, name: source, exprAt: -1}
	if e.shape != "" {
		c.shapeErr = fmt.Sprintf("item %d of the list is a %s, not a credential object", e.index, e.shape)
		return c
	}
	where := func(m decode.Member) string {
		line, _ := policy.LineCol(data, m.Offset)
		return fmt.Sprintf("line %d", line)
	}
	// str reads an optional string field; null counts as absent.
	str := func(key string) (val string, present bool, problem string) {
		m, n := e.member(key)
		switch {
		case n == 0 || m.Value.Kind == decode.Null:
			return "", false, ""
		case n > 1:
			return "", true, fmt.Sprintf("%q appears %d times in the credential (first at %s): which one Entra keeps is unknown", key, n, where(m))
		case m.Value.Kind != decode.String:
			return "", true, fmt.Sprintf("%q (%s) is a %s, not a string", key, where(m), m.Value.Kind)
		}
		return m.Value.Text, true, ""
	}

	if name, ok, _ := str("name"); ok && name != "" {
		c.name, c.hasName = name, true
	}
	if id, ok, _ := str("id"); ok {
		c.group = armParent(id)
	}

	var ok bool
	var problem string
	c.issuer, ok, problem = str("issuer")
	switch {
	case problem != "":
		c.issuerErr = problem
	case !ok:
		c.issuerErr = `the credential has no "issuer": Entra requires one`
	}

	c.subject, c.hasSubject, c.subjectErr = str("subject")
	c.readAudiences(e, where)
	c.readExpression(e, where)
	switch {
	case c.subjectErr != "": // the subject's own read problem stands
	case !c.hasSubject && !c.hasExpr:
		c.subjectErr = `the credential has neither "subject" nor "claimsMatchingExpression": Entra requires one of them`
	case c.hasSubject && c.hasExpr:
		// Entra will not store it (reference §3.2), so neither part may
		// decide the verdict; an empty string is not null either.
		c.subjectErr = `the credential sets both "subject" and "claimsMatchingExpression": Entra refuses a credential with both (the subject must be null when claimsMatchingExpression is set)`
	}
	c.lint = lintCredential(c)
	return c
}

func (c *credential) readAudiences(e entry, where func(decode.Member) string) {
	m, n := e.member("audiences")
	switch {
	case n == 0 || m.Value.Kind == decode.Null:
		c.audErr = `the credential has no "audiences": Entra requires exactly one, normally ` + AzureAudience
		return
	case n > 1:
		c.audErr = fmt.Sprintf(`"audiences" appears %d times in the credential (first at %s): which one Entra keeps is unknown`, n, where(m))
		return
	case m.Value.Kind != decode.Array:
		c.audErr = fmt.Sprintf(`"audiences" (%s) is a %s; Entra expects an array holding one string, e.g. ["%s"]`, where(m), m.Value.Kind, AzureAudience)
		return
	}
	c.audiences = make([]string, 0, len(m.Value.Items))
	for i, it := range m.Value.Items {
		if it.Kind != decode.String {
			c.audErr = fmt.Sprintf(`"audiences" (%s): element %d is a %s, not a string`, where(m), i+1, it.Kind)
			c.audiences = nil
			return
		}
		c.audiences = append(c.audiences, it.Text)
	}
}

func (c *credential) readExpression(e entry, where func(decode.Member) string) {
	m, n := e.member("claimsMatchingExpression")
	if n == 0 || m.Value.Kind == decode.Null {
		return
	}
	c.hasExpr = true
	if n > 1 {
		c.exprErr = fmt.Sprintf(`"claimsMatchingExpression" appears %d times in the credential (first at %s): which one Entra keeps is unknown`, n, where(m))
		return
	}
	v := m.Value
	if v.Kind != decode.Object {
		c.exprErr = fmt.Sprintf(`"claimsMatchingExpression" (%s) is a %s; Entra expects {"value": "<expression>", "languageVersion": 1}`, where(m), v.Kind)
		return
	}
	val, ok := v.Get("value")
	switch {
	case v.Count("value") > 1:
		c.exprErr = fmt.Sprintf(`claimsMatchingExpression (%s) has "value" more than once`, where(m))
		return
	case !ok || val.Kind != decode.String:
		c.exprErr = fmt.Sprintf(`claimsMatchingExpression (%s) needs "value": a string holding the expression`, where(m))
		return
	}
	c.exprText = val.Text
	lv, ok := v.Get("languageVersion")
	if !ok || lv.Kind != decode.Number || lv.Text != "1" || v.Count("languageVersion") > 1 {
		got := "missing"
		if ok {
			got = policy.Shorten(string(mustJSON(lv)), 40)
		}
		c.exprErr = fmt.Sprintf(`claimsMatchingExpression (%s): "languageVersion" must be 1, the only version Entra defines (found %s)`, where(m), got)
		return
	}
	if len(val.Text) > MaxExpressionBytes {
		c.exprErr = fmt.Sprintf("oidcscope cannot evaluate this claimsMatchingExpression (%s): it is %d bytes, more than the %d bytes oidcscope reads (Entra documents no limit; its flexible credentials hold a handful of terms)", where(m), len(val.Text), MaxExpressionBytes)
		return
	}
	expr, err := parseExpression(val.Text)
	if err != nil {
		c.exprErr = err.Error()
		var ee *ExprError
		if errors.As(err, &ee) {
			c.exprAt = ee.Offset
		}
		return
	}
	c.expr = expr
	c.termErrs = make([]string, len(expr.Terms))
	c.inSeg = make([]*regexp.Regexp, len(expr.Terms))
	for i, t := range expr.Terms {
		c.termErrs[i] = checkTerm(c.issuer, t)
		if t.Op == opMatches {
			// Only for the '*'-spans-'/' note; a pattern that does not
			// compile just goes without it.
			c.inSeg[i], _ = policy.WildcardRegexp(t.Comparand, `[^/]*`)
		}
	}
}

// armParent is the identity an ARM credential belongs to:
// ".../userAssignedIdentities/X/federatedIdentityCredentials/name" →
// ".../userAssignedIdentities/X". Graph ids (GUIDs) give "".
func armParent(id string) string {
	i := strings.LastIndex(strings.ToLower(id), "/federatedidentitycredentials/")
	if i < 0 {
		return ""
	}
	return strings.ToLower(id[:i])
}

func mustJSON(v decode.Value) []byte {
	b, err := v.MarshalJSON()
	if err != nil {
		return []byte(v.Kind.String())
	}
	return b
}
