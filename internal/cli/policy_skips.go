package cli

import (
	"fmt"

	"github.com/oidcscope/oidcscope/escape"
)

// sayPolicySkips tells on stderr which files a policy folder held that
// are no policy document (package.json, workflows), so a policy that was
// not recognised is not silently missing from the report. note is the
// policy set's SkipNote; its paths are as found, so it is escaped.
func sayPolicySkips(s streams, note string) {
	if note != "" {
		fmt.Fprintln(s.errOut, "oidcscope: "+escape.Text(note))
	}
}
