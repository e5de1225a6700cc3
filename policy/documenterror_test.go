package policy

import (
	"errors"
	"io"
	"testing"
)

func TestDocumentError(t *testing.T) {
	kind := errors.New("not a readable document")
	for _, tc := range []struct {
		err  *DocumentError
		want string
	}{
		{&DocumentError{Kind: kind, Msg: "empty"}, "not a readable document: empty"},
		{&DocumentError{Kind: kind, Line: 3, Msg: "bad key"}, "not a readable document: line 3: bad key"},
		{&DocumentError{Kind: kind, Line: 3, Column: 7, Msg: "bad key", Cause: io.EOF}, "not a readable document: line 3, column 7: bad key"},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
		if !errors.Is(tc.err, kind) || errors.Is(tc.err, io.EOF) != (tc.err.Cause != nil) {
			t.Errorf("%q: unwraps to kind %v, to its cause %v", tc.want, errors.Is(tc.err, kind), errors.Is(tc.err, io.EOF))
		}
	}
}
