package gcp

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// stopped records an evaluation that oidcscope's CEL bounds stopped: the
// condition is errored, and the provider's verdict becomes an error that
// names the expression (Google Cloud's own limits are not published, so
// neither allow nor deny can be told). It reports whether err was that.
func (ev *evaluation) stopped(c policy.Condition, field string, err error) bool {
	if !errors.Is(err, celclaims.ErrCostLimit) {
		return false
	}
	c.Result, c.Diagnosis = policy.Errored, []string{err.Error()}
	ev.add(c, "")
	ev.stops = append(ev.stops, field+": "+err.Error())
	return true
}
