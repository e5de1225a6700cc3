package ui

import (
	"fmt"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// loadedSaying is the status line after p read path, and whether it is a
// warning: a file that could not be read, or how many of a folder's
// documents could not (they stay listed as error rows) and the first, or
// that a folder held no policy document, in the command line's words.
func loadedSaying(path string, load inspect.PolicyLoad) (string, bool) {
	switch f := load.Failures; {
	case len(f) == 1 && f[0].Source == path:
		return "could not load " + path + ": " + f[0].Error, true
	case len(f) > 0:
		return fmt.Sprintf("loaded %s: %s; %s could not be read, listed as errors (first %s: %s)",
			path, policies(load.Read), policy.Count(len(f), "document"), f[0].Source, f[0].Error), true
	case load.Read == 0:
		return "no policy document (.json, .yaml or .yml) found in " + path, true
	}
	return "loaded " + path, false
}

// policies is n policies in words.
func policies(n int) string {
	if n == 1 {
		return "1 policy"
	}
	return fmt.Sprintf("%d policies", n)
}
