package policy

import "fmt"

// DocumentError is a policy document a provider cannot read: what is
// wrong and where (line and column, 1-based, 0 when unknown). It unwraps
// to Kind, the provider's sentinel (such as "not a readable publisher
// document"), and to Cause, the decoder's own error when there is one.
type DocumentError struct {
	Kind         error
	Line, Column int
	Msg          string
	Cause        error
}

func (e *DocumentError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s: line %d, column %d: %s", e.Kind, e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s: line %d: %s", e.Kind, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Kind, e.Msg)
}

func (e *DocumentError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Cause}
}
