package vault

import (
	"github.com/hashicorp/vault/sdk/logical"

	"github.com/oidcscope/oidcscope/policy"
)

// knownClass is a disagreement understood and kept on purpose: counted,
// listed in README, never failed.
type knownClass struct {
	id     string
	reason string // why oidcscope answers as it does
	source string // where the plugin's behaviour comes from (v0.26.1)
	match  func(c testCase, o outcome, d disagreement) bool
}

// knownClasses is the table of disagreements oidcscope keeps.
var knownClasses = []knownClass{
	{
		id: "source-address",
		reason: "token_bound_cidrs binds the address the login comes from, which no token carries: " +
			"oidcscope reports the condition as not applied and leaves the verdict to the claims",
		source: "path_login.go:121-129 (cidrutil.RemoteAddrIsOk), answer \"permission denied\"",
		match: func(c testCase, o outcome, d disagreement) bool {
			_, cidrs := c.role.Get("token_bound_cidrs")
			return cidrs && d.vault == policy.Deny && d.scope.verdict == policy.Allow && o.vaultMsg == logical.ErrPermissionDenied.Error()
		},
	},
}

// classify returns the known class of a disagreement, or nil.
func classify(c testCase, o outcome, d disagreement) *knownClass {
	for i := range knownClasses {
		if knownClasses[i].match(c, o, d) {
			return &knownClasses[i]
		}
	}
	return nil
}

func knownByID(id string) *knownClass {
	for i := range knownClasses {
		if knownClasses[i].id == id {
			return &knownClasses[i]
		}
	}
	return nil
}
