package gcp

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
)

// Registration offers this provider to policy/policyset: its entry in the
// provider table, what it reads (gcpinfo, shared with the helper build), and
// its constructor.
func Registration() policy.Registration {
	r := gcpinfo.Registration()
	r.New = New
	return r
}
