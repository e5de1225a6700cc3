package gcp

import (
	"github.com/oidcscope/oidcscope/policy"
)

// stopped records an evaluation that oidcscope's CEL bounds stopped: the
// condition is errored, and the provider's verdict becomes an error that
// names the expression (Google Cloud's own limits are not published, so
// neither allow nor deny can be told). It reports whether err was that.
func (ev *evaluation) stopped(c policy.Condition, field string, err error) bool {
	if !ev.Stopped(&c, field, err) {
		return false
	}
	ev.Add(c, "")
	return true
}
