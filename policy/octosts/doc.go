// Package octosts evaluates Chainguard octo-sts trust policies
// (.github/chainguard/<identity>.sts.yaml) against a token, as
// octo-sts/app's pkg/octosts/trust_policy.go (@cb87fc17) does: exact
// issuer/subject/audience strings or RE2 patterns compiled as
// "^" + pattern + "$" (not grouped, so a top-level "|" leaves the
// alternatives half-anchored), any token aud matching, the STS domain as
// the audience when the policy sets none, and claim_pattern over string
// and boolean claims only.
package octosts
