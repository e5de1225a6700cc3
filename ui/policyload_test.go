package ui

import (
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// TestLoadedSaying: after p, the status line names what could not be
// read (a folder's documents, counted, stay listed as error rows), or
// that a folder held no policy document, as a warning; else "loaded".
func TestLoadedSaying(t *testing.T) {
	bad := func(src string) policy.Result { return policy.Result{Source: src, Error: "not a policy document"} }
	for _, tc := range []struct {
		name string
		load inspect.PolicyLoad
		want string
		warn bool
	}{
		{"read", inspect.PolicyLoad{Read: 2}, "loaded dir", false},
		{"one unreadable file", inspect.PolicyLoad{Failures: []policy.Result{bad("dir")}}, "could not load dir: not a policy document", true},
		{"a folder with unreadable documents", inspect.PolicyLoad{Read: 3, Failures: []policy.Result{bad("dir/a.json"), bad("dir/b.json")}},
			"loaded dir: 3 policies; 2 documents could not be read, listed as errors (first dir/a.json: not a policy document)", true},
		{"a folder of one unreadable document", inspect.PolicyLoad{Failures: []policy.Result{bad("dir/a.json")}},
			"loaded dir: 0 policies; 1 document could not be read, listed as errors (first dir/a.json: not a policy document)", true},
		{"one policy", inspect.PolicyLoad{Read: 1, Failures: []policy.Result{bad("dir/a.json")}}, "loaded dir: 1 policy; 1 document could", true},
		{"a folder of none", inspect.PolicyLoad{}, "no policy document (.json, .yaml or .yml) found in dir", true},
	} {
		got, warn := loadedSaying("dir", tc.load)
		if !strings.HasPrefix(got, tc.want) || warn != tc.warn || tc.name == "read" && got != tc.want {
			t.Errorf("%s: %q (warning %v), want %q (warning %v)", tc.name, got, warn, tc.want, tc.warn)
		}
	}
}
