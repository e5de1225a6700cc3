package k8s

import (
	"fmt"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestConfigValidationAsKubernetes: the checks of
// ValidateAuthenticationConfiguration oidcscope skipped, each refusing the
// whole file with Kubernetes' field path. Issue 21, class 7.
func TestConfigValidationAsKubernetes(t *testing.T) {
	withIssuer := func(field string) string {
		return doc(issuerAud + "    " + field + "\n" + userSub)
	}
	withExtra := func(key string) string {
		return doc(issuerAud + userSub + "    extra:\n    - key: " + yamlQuote(key) + "\n      valueExpression: \"claims.sha\"\n")
	}
	second := func(extra string) string {
		return "- issuer:\n    url: https://second.example.com\n    audiences: [\"a\"]\n" + extra + strings.TrimPrefix(userSub, "")
	}
	var many strings.Builder
	for i := range 65 {
		fmt.Fprintf(&many, "- issuer:\n    url: https://issuer%d.example.com\n    audiences: [\"a\"]\n%s", i, userSub)
	}
	header := "apiVersion: apiserver.config.k8s.io/v1beta1\nkind: AuthenticationConfiguration\njwt:\n"
	checkVerdicts(t, []verdictCase{
		{name: "egressSelectorType cluster", doc: withIssuer("egressSelectorType: cluster"), verdict: policy.Allow},
		{name: "egressSelectorType controlplane", doc: withIssuer("egressSelectorType: controlplane"), verdict: policy.Allow},
		{name: "egressSelectorType other", doc: withIssuer("egressSelectorType: etcd"), verdict: policy.Error,
			mention: "jwt[0].issuer.egressSelectorType: Invalid value: \"etcd\": egress selector must be either controlplane or cluster"},
		{name: "certificateAuthority not PEM", doc: withIssuer("certificateAuthority: \"hello\""), verdict: policy.Error,
			mention: "jwt[0].issuer.certificateAuthority: Invalid value: \"<omitted>\": data does not contain any valid RSA or ECDSA certificates"},
		{name: "certificateAuthority with a bad certificate", doc: withIssuer("certificateAuthority: \"-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----\\n\""), verdict: policy.Error,
			mention: "jwt[0].issuer.certificateAuthority: Invalid value: \"<omitted>\": x509: "},
		{name: "extra key path with a space", doc: withExtra("example.com/a b"), verdict: policy.Error, mention: "Invalid path"},
		{name: "extra key path with allowed punctuation", doc: withExtra("example.com/a~b:c=d"), verdict: policy.Allow},
		{name: "extra key in kubernetes.io", doc: withExtra("kubernetes.io/x"), verdict: policy.Error,
			mention: "k8s.io, kubernetes.io and their subdomains are reserved for Kubernetes use"},
		{name: "extra key in a k8s.io subdomain", doc: withExtra("foo.k8s.io/x"), verdict: policy.Error, mention: "reserved for Kubernetes use"},
		{name: "extra key not in k8s.io", doc: withExtra("notk8s.io/x"), verdict: policy.Allow},
		{name: "anonymous conditions without enabled", verdict: policy.Error, mention: "anonymous.conditions: Invalid value",
			doc: doc(issuerAud+userSub) + "anonymous:\n  conditions:\n  - path: /livez\n"},
		{name: "anonymous conditions with enabled", verdict: policy.Allow,
			doc: doc(issuerAud+userSub) + "anonymous:\n  enabled: true\n  conditions:\n  - path: /livez\n"},
		{name: "duplicate discoveryURL", verdict: policy.Error, mention: "jwt[1].issuer.discoveryURL: Duplicate value: \"https://d.example.com\"",
			doc: doc(issuerAud+"    discoveryURL: https://d.example.com\n"+userSub) + second("    discoveryURL: https://d.example.com\n")},
		{name: "65 authenticators", doc: header + many.String(), verdict: policy.Error, mention: "jwt: Too many: 65: must have at most 64 items"},
	})
}
