// Package k8s evaluates Kubernetes structured authentication configuration
// (kube-apiserver --authentication-config, kind AuthenticationConfiguration,
// apiserver.config.k8s.io v1alpha1, v1beta1 and v1) against a GitHub Actions
// OIDC token: the JWT authenticator picked by the token's issuer, its
// audiences, claimValidationRules (claim/requiredValue or CEL), claim
// mappings (username, groups, uid, extra) and userValidationRules.
// Semantics follow the shared reference, §8, and the kube-apiserver sources
// it cites (validation and the OIDC authenticator), quirks included.
//
// CEL is the real evaluator (cel.dev/cel-go) in the environment
// kube-apiserver's authentication compiler builds (k8s.io/apiserver
// v0.37.2): its language options, cel-go's libraries and Kubernetes' own
// (lists, URL, regex, IP, CIDR, quantity, semver, format; package k8scel),
// claims declared map(string, any) and shown as Kubernetes' lazy map
// (values as encoding/json decodes them, comprehensions over values).
// Every expression is held to celclaims' bounds (kube-apiserver's
// per-call cost limit with free presence tests, and oidcscope's time and
// result-size bounds); one they stop makes the configuration's verdict
// an error naming it, unless another check denies the token anyway.
package k8s

import (
	"errors"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"
)

// Sentinel causes; every error this package returns wraps one of them.
var (
	// ErrDocument: the data is not a readable AuthenticationConfiguration
	// (YAML or JSON syntax, wrong kind or apiVersion, a field of the wrong
	// type or an unknown field, which kube-apiserver's strict decoding
	// refuses too).
	ErrDocument = errors.New("not a readable Kubernetes AuthenticationConfiguration")
	// ErrSuggest: no AuthenticationConfiguration can pin this token at this
	// scope.
	ErrSuggest = errors.New("cannot suggest a Kubernetes AuthenticationConfiguration")
)

// Group is the API group of the configuration file.
const Group = k8sinfo.Group

// Kind is the configuration's kind.
const Kind = k8sinfo.Kind

// Versions kube-apiserver has served the kind under: alpha in 1.29, beta
// in 1.30, v1 from 1.34.
var Versions = []string{"v1alpha1", "v1beta1", "v1"}

// SuggestedVersion is the apiVersion Suggest writes (the widest-served one).
const SuggestedVersion = Group + "/v1beta1"

type provider struct{}

// New returns the Kubernetes provider.
func New() policy.Provider { return provider{} }

func (provider) ID() string { return policy.K8s }

// Detect reports whether data is an AuthenticationConfiguration: YAML or
// JSON whose top level has kind AuthenticationConfiguration and an
// apiVersion in the apiserver.config.k8s.io group (any version, so Parse
// can say which versions exist). A byte search rules out every other
// document before anything is parsed.
func (provider) Detect(data []byte) bool {
	if !k8sinfo.Mentions(data) {
		return false
	}
	top, err := toObject(data)
	if err != nil {
		return false
	}
	kind, _ := top["kind"].(string)
	api, _ := top["apiVersion"].(string)
	return kind == Kind && len(api) > len(Group)+1 && api[:len(Group)+1] == Group+"/"
}
