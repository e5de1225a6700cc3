package oidcprovider

// What STS answers when the provider check fails, word for word, and where
// each text was seen: these are the error messages a user searches for.
const (
	// errNoProvider is followed by the token's iss as the token carries
	// it (a trailing slash included): kubernetes-sigs/aws-load-balancer-controller
	// issue #2315, aws-actions/configure-aws-credentials issues #280 and
	// #721, and mozilla-iam/mozilla-aws-cli issue #127 (the XML response:
	// Code InvalidIdentityToken, the message with the issuer's slash).
	errNoProvider = "InvalidIdentityToken: No OpenIDConnect provider found in your account for "
	// errAudience: aws-actions/configure-aws-credentials issues #291,
	// #775 and #1309; awslabs/amazon-eks-irsa-cfn pull request #18
	// ("An error occurred (InvalidIdentityToken) when calling the
	// AssumeRoleWithWebIdentity operation: Incorrect token audience").
	errAudience = "InvalidIdentityToken: Incorrect token audience"
	// errNoAudience: aws/aws-sdk-ruby issue #2698, a token without aud
	// presented to STS.
	errNoAudience = "InvalidIdentityToken: Missing a required claim: aud"
	// errThumbprint: AWS's July 2023 notice to accounts with a GitHub
	// provider, quoted in unfunco/terraform-aws-oidc-github issue #34.
	errThumbprint = "OpenIDConnect provider's HTTPS certificate doesn't match configured thumbprint"
)

// noProvider is STS's answer for a token whose issuer has no provider.
func noProvider(iss string) string { return errNoProvider + iss }
