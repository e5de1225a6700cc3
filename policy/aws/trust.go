package aws

import (
	"fmt"
	"strconv"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// trustPolicy is one role trust policy, compiled once: statements with
// their principals, actions and conditions parsed, and the policy-only lint
// findings computed. Evaluate only compares strings.
type trustPolicy struct {
	source, name string
	statements   []*statement
	lint         []policy.Finding // policy-only findings
	broken       error            // the role's document could not be read
}

func (t *trustPolicy) Provider() string { return policy.AWS }
func (t *trustPolicy) Source() string   { return t.source }
func (t *trustPolicy) Name() string     { return t.name }

// brokenPolicy stands for a role of a list whose document could not be
// read: it evaluates to an error and leaves the other roles alone.
func brokenPolicy(source, name string, err error) *trustPolicy {
	return &trustPolicy{source: source, name: name, broken: err}
}

// compiler carries what compiling one document collects on the way.
type compiler struct {
	loc  *locator
	dups []string // "Statement[0].Condition: StringEquals (line 9, column 7)"
	vars bool     // the document reads policy variables: its Version is 2012-10-17
}

// members walks an object's members and notes duplicated keys: IAM's JSON
// reading of a duplicate is not documented, and oidcscope evaluates every
// copy.
func (c *compiler) members(v decode.Value, path string) []decode.Member {
	for _, m := range v.Members {
		if m.Duplicate {
			c.dups = append(c.dups, fmt.Sprintf("%s: %s (%s)", orRoot(path), escape.Quoted(m.Key), c.loc.at(m.Offset)))
		}
	}
	return v.Members
}

func compileDocument(source, name string, doc decode.Value, path string, loc *locator, b *budget) (*trustPolicy, error) {
	if err := b.compile(doc); err != nil {
		return nil, err
	}
	// AWS docs, "IAM policy elements: Variables and tags": "Variables were
	// introduced in version 2012-10-17 … If you don't include the Version
	// element and set it to an appropriate version date, variables like
	// ${aws:username} are treated as literal strings in the policy."
	version, _ := doc.Str("Version")
	c := &compiler{loc: loc, vars: version == "2012-10-17"}
	c.members(doc, path)
	st, ok := doc.Get("Statement")
	stPath := policy.FieldPath(path, "Statement")
	if !ok {
		return nil, fmt.Errorf("%w: %s has no Statement", ErrMalformed, orRoot(path))
	}
	var items []decode.Value
	switch st.Kind {
	case decode.Object:
		items = []decode.Value{st}
	case decode.Array:
		items = st.Items
	default:
		return nil, fmt.Errorf("%w: %s at %s is a %s; it must be a statement object or an array of them", ErrMalformed, stPath, loc.at(offset(doc, "Statement")), st.Kind)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%w: %s at %s is empty: a trust policy needs at least one statement", ErrMalformed, stPath, loc.at(offset(doc, "Statement")))
	}
	t := &trustPolicy{source: source, name: name}
	for i, it := range items {
		p := stPath
		if st.Kind == decode.Array {
			p += "[" + strconv.Itoa(i) + "]"
		}
		s, err := c.statement(it, i, p, offset(doc, "Statement"))
		if err != nil {
			return nil, err
		}
		t.statements = append(t.statements, s)
	}
	t.lint = lintPolicy(t, c.dups)
	return t, nil
}
