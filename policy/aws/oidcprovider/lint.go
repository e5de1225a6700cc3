package oidcprovider

// Lint rules of provider documents.
const (
	// RuleURLScheme: Url carries https://, which IAM does not print.
	RuleURLScheme = "aws-idp-url-scheme"
	// RuleNoClientIDs: the provider lists no client IDs, so no token's
	// audience can be in the list.
	RuleNoClientIDs = "aws-idp-no-client-ids"
)
