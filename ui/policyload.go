package ui

import (
	"fmt"

	"github.com/oidcscope/oidcscope/inspect"
)

// loadedSaying is the status line after p read path, and whether it is a
// warning: what could not be read (the first, and how many more: a
// folder's stay listed as error rows), or that a folder held no policy
// document, in the command line's words.
func loadedSaying(path string, load inspect.PolicyLoad) (string, bool) {
	switch f := load.Failures; {
	case len(f) == 1 && load.Read == 0:
		return "could not load " + path + ": " + f[0].Error, true
	case len(f) > 0:
		return fmt.Sprintf("loaded %s: %d policies; %d documents could not be read (first %s: %s)", path, load.Read, len(f), f[0].Source, f[0].Error), true
	case load.Read == 0:
		return "no policy document (.json, .yaml or .yml) found in " + path, true
	}
	return "loaded " + path, false
}
