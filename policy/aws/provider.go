// Package aws evaluates AWS IAM role trust policies — the documents that
// decide who may call sts:AssumeRoleWithWebIdentity — against a GitHub
// Actions (or any OIDC) token, the way STS does: principal, action, and
// every condition operator, with IAM's quirks (whole-string StringLike,
// NOR for negated operators, missing keys, ForAllValues on a missing key).
//
// It reads a bare trust policy, `aws iam get-role` and `aws iam list-roles`
// output. Parse compiles each role once; Evaluate only compares strings, so
// a dump of thousands of roles evaluates quickly.
package aws

import (
	"bytes"

	"github.com/oidcscope/oidcscope/policy"
)

// provider implements policy.Provider for AWS IAM.
type provider struct {
	limits limits // zero: the package's caps
}

// New returns the AWS IAM provider.
func New() policy.Provider { return provider{} }

// ID is policy.AWS.
func (provider) ID() string { return policy.AWS }

// Detect reports whether data looks like a trust policy, a role or a list
// of roles: a JSON object or array naming AssumeRolePolicyDocument, or a
// policy's "Statement" with an "Effect". It reads no further than that.
func (provider) Detect(data []byte) bool {
	d := bytes.TrimLeft(data, " \t\r\n\ufeff")
	if len(d) == 0 || (d[0] != '{' && d[0] != '[') {
		return false
	}
	if bytes.Contains(d, []byte(`"AssumeRolePolicyDocument"`)) {
		return true
	}
	return bytes.Contains(d, []byte(`"Statement"`)) && bytes.Contains(d, []byte(`"Effect"`))
}
