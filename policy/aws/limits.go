package aws

import (
	"cmp"
	"errors"
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
)

// Caps on the work one Parse may do. Decoding, compiling and evaluating a
// trust policy takes memory in proportion to its values, statements and
// condition keys, about a hundred times the document's bytes (a 16.7 MB
// document of 300,000 condition keys took 1.7 GB), and a policy document
// may be 64 MiB; so, as JSON nesting is capped, these are.
const (
	// MaxInputValues caps the JSON values (keys included) one document
	// holds, counted in its text before decoding, with every URL-encoded
	// AssumeRolePolicyDocument in it. A list-roles dump of 5,000 roles,
	// IAM's most per account, holds about 200,000; the 10,000-role
	// benchmark 330,000.
	MaxInputValues = 1 << 19
	// MaxPolicyItems caps one trust policy's statements, condition
	// operators, condition keys and values (condition values, Action and
	// Principal entries). IAM refuses a role trust policy over 4,096
	// characters, which cannot hold that many.
	MaxPolicyItems = 4096
	// MaxListItems caps the same over every trust policy of a document: the
	// 10,000-role benchmark holds 115,000, an account's 5,000 roles (IAM's
	// most) some 60,000.
	MaxListItems = 200_000
)

// ErrTooLarge is wrapped by Parse for a document past one of the caps.
var ErrTooLarge = errors.New("too large for oidcscope to evaluate")

// limits are the caps a provider applies; the zero value means the
// package's. Tests use small ones.
type limits struct{ input, policy, list int }

func (l limits) orDefault() limits {
	return cmp.Or(l, limits{input: MaxInputValues, policy: MaxPolicyItems, list: MaxListItems})
}

// limitError is a cap reached; whole says it is the document's, not one
// trust policy's, so a list of roles cannot keep its other roles.
type limitError struct {
	msg   string
	whole bool
}

func (e *limitError) Error() string { return ErrTooLarge.Error() + ": " + e.msg }
func (e *limitError) Unwrap() error { return ErrTooLarge }

// wholeLimit reports a cap reached by the document as a whole.
func wholeLimit(err error) bool {
	var le *limitError
	return errors.As(err, &le) && le.whole
}

// budget is what one Parse may still decode and compile.
type budget struct {
	caps          limits
	values, items int // left
}

func newBudget(l limits) *budget {
	l = l.orDefault()
	return &budget{caps: l, values: l.input, items: l.list}
}

// decode charges the JSON values of data, counted in its text, before it
// is decoded.
func (b *budget) decode(data []byte) error {
	n := countValues(data, b.values)
	if n > b.values {
		return &limitError{whole: true, msg: fmt.Sprintf("the document holds more than %d JSON values (keys included, with its URL-encoded policies), the most oidcscope decodes from one document", b.caps.input)}
	}
	b.values -= n
	return nil
}

// preview refuses a list of roles whose policies, counted before any is
// compiled, are past the list cap in all, rather than compiling up to the
// cap first. URL-encoded policies are counted as they are decoded.
func (b *budget) preview(roles decode.Value) error {
	n := 0
	for _, role := range roles.Items {
		if doc, ok := role.Get("AssumeRolePolicyDocument"); ok && doc.Kind == decode.Object {
			if k := policyItems(doc, b.caps.policy); k <= b.caps.policy { // a larger one is refused on its own
				n += k
			}
		}
	}
	if n > b.items {
		return b.listError()
	}
	return nil
}

// compile charges one trust policy's items before it is compiled.
func (b *budget) compile(doc decode.Value) error {
	n := policyItems(doc, b.caps.policy)
	switch {
	case n > b.caps.policy:
		return &limitError{msg: fmt.Sprintf("the trust policy holds more than %d statements, condition operators, keys and values, the most oidcscope evaluates in one (IAM refuses trust policies over 4,096 characters, which hold fewer)", b.caps.policy)}
	case n > b.items:
		return b.listError()
	}
	b.items -= n
	return nil
}

func (b *budget) listError() error {
	return &limitError{whole: true, msg: fmt.Sprintf("the document's trust policies hold more than %d statements, condition operators, keys and values in all, the most oidcscope evaluates from one document", b.caps.list)}
}
