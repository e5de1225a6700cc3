package k8s

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// stopped reports whether err is oidcscope's CEL bounds stopping an
// expression, and then makes c errored and records the expression: the
// configuration's verdict becomes an error naming it. kube-apiserver
// would reject the token if its own limit stopped the expression, but
// oidcscope's accounting is not kube-apiserver's (it prices what that
// underprices, and stops calls before they run), so neither verdict can
// be told.
func (ev *evaluation) stopped(c *policy.Condition, field string, err error) bool {
	if !errors.Is(err, celclaims.ErrCostLimit) {
		return false
	}
	c.Result, c.Diagnosis = policy.Errored, []string{err.Error()}
	ev.stops = append(ev.stops, field+": "+err.Error())
	return true
}
