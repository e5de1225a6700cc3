// Package oidcprovider reads the IAM OIDC identity provider documents of an
// AWS account — `aws iam get-open-id-connect-provider` and
// `aws iam list-open-id-connect-providers` output — and checks a token
// against them the way AWS STS does for AssumeRoleWithWebIdentity before it
// reads the role's trust policy: the provider is found by the token's iss,
// and the token's aud must be one of the provider's client IDs.
//
// That second check is the one a trust policy cannot show: a role whose
// trust policy is right still fails with "InvalidIdentityToken: Incorrect
// token audience" when the provider does not list the audience
// (aws-actions/configure-aws-credentials issues #291, #775, #1309).
//
// Results are under provider "aws", named after the provider. Known
// collects what the loaded documents show exists, so that policyset can
// check each trust policy's Principal.Federated against it (registry.go).
package oidcprovider
