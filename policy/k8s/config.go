package k8s

// The few types of k8s.io/apiserver/pkg/apis/apiserver/v1beta1 (and v1,
// which has the same shape) that an AuthenticationConfiguration's JWT
// authenticators use, with their JSON names. Fields kube-apiserver reads
// but that do not decide whether a token is accepted (certificateAuthority,
// egressSelectorType, discoveryURL, anonymous) are decoded so that strict
// decoding accepts them, and otherwise only validated.

// Config is one AuthenticationConfiguration document.
type Config struct {
	APIVersion string             `json:"apiVersion"`
	Kind       string             `json:"kind"`
	JWT        []JWTAuthenticator `json:"jwt"`
	Anonymous  *Anonymous         `json:"anonymous,omitempty"`
}

// Anonymous is the anonymous block: read only for its validation.
type Anonymous struct {
	Enabled    bool                 `json:"enabled,omitempty"`
	Conditions []AnonymousCondition `json:"conditions,omitempty"`
}

// AnonymousCondition is one anonymous.conditions[] entry.
type AnonymousCondition struct {
	Path string `json:"path"`
}

// JWTAuthenticator is one jwt[] entry.
type JWTAuthenticator struct {
	Issuer               Issuer                `json:"issuer"`
	ClaimValidationRules []ClaimValidationRule `json:"claimValidationRules,omitempty"`
	ClaimMappings        ClaimMappings         `json:"claimMappings"`
	UserValidationRules  []UserValidationRule  `json:"userValidationRules,omitempty"`
}

// Issuer is jwt[].issuer.
type Issuer struct {
	URL                  string   `json:"url"`
	DiscoveryURL         *string  `json:"discoveryURL,omitempty"`
	CertificateAuthority string   `json:"certificateAuthority,omitempty"`
	Audiences            []string `json:"audiences"`
	AudienceMatchPolicy  string   `json:"audienceMatchPolicy,omitempty"`
	EgressSelectorType   string   `json:"egressSelectorType,omitempty"`
}

// MatchAny is the only audienceMatchPolicy value.
const MatchAny = "MatchAny"

// ClaimValidationRule is either claim + requiredValue or expression +
// message.
type ClaimValidationRule struct {
	Claim         string `json:"claim,omitempty"`
	RequiredValue string `json:"requiredValue,omitempty"`
	Expression    string `json:"expression,omitempty"`
	Message       string `json:"message,omitempty"`
}

// ClaimMappings maps claims to the Kubernetes user.
type ClaimMappings struct {
	Username PrefixedClaimOrExpression `json:"username"`
	Groups   PrefixedClaimOrExpression `json:"groups,omitempty"`
	UID      ClaimOrExpression         `json:"uid"`
	Extra    []ExtraMapping            `json:"extra,omitempty"`
}

// PrefixedClaimOrExpression is username or groups: a claim with a prefix
// (which must be set, possibly to "", when claim is: there is no default),
// or a CEL expression.
type PrefixedClaimOrExpression struct {
	Claim      string  `json:"claim,omitempty"`
	Prefix     *string `json:"prefix,omitempty"`
	Expression string  `json:"expression,omitempty"`
}

// ClaimOrExpression is uid.
type ClaimOrExpression struct {
	Claim      string `json:"claim,omitempty"`
	Expression string `json:"expression,omitempty"`
}

// ExtraMapping is one claimMappings.extra[] entry.
type ExtraMapping struct {
	Key             string `json:"key"`
	ValueExpression string `json:"valueExpression"`
}

// UserValidationRule is one userValidationRules[] entry: CEL over `user`.
type UserValidationRule struct {
	Expression string `json:"expression"`
	Message    string `json:"message,omitempty"`
}
