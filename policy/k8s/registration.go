package k8s

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"
)

// Registration offers this provider to policy/policyset: its entry in the
// provider table, what it reads (k8sinfo, shared with the helper build), and
// its constructor.
func Registration() policy.Registration {
	r := k8sinfo.Registration()
	r.New = New
	return r
}
