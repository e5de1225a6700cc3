// Package k8s is the differential test of oidcscope's Kubernetes provider
// (policy/k8s, reached through policy/policyset as the CLI reaches it)
// against Kubernetes' own code, k8s.io/apiserver v0.37.2, doing what
// kube-apiserver does with --authentication-config: the strict decoder of
// the apiserver.config.k8s.io scheme, ValidateAuthenticationConfiguration
// with the default CEL compiler (no disallowed issuers), then for each
// JWT authenticator oidc.New with a static key set holding the test key,
// and AuthenticateToken on a token signed with it, the authenticators
// tried in order as kube-apiserver's token union does.
//
// Each generated case is an AuthenticationConfiguration document (JSON,
// or YAML with strings quoted or written plain) and a GitHub-shaped
// token. A configuration kube-apiserver refuses must be an error in
// oidcscope whose text names every field kube-apiserver's validation
// names (and one of the fields its decoder refuses); a token it
// authenticates must be allowed with the same username and groups (which
// oidcscope's summary names; uid and extra oidcscope does not expose); one
// it refuses must be denied. Clock checks are kept out: every token is
// valid in time. Key fetching is kept out too: discoveryURL and
// egressSelectorType are validated with the whole file but not given to
// oidc.New, which refuses a static key set beside a discoveryURL.
//
// Only this nested module imports k8s.io/apiserver: oidcscope's own
// module does not depend on it.
package k8s
