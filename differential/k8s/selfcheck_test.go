package k8s

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/policy"
)

// selfCheck runs behaviour Kubernetes documents ("Authenticating",
// "Using Authentication Configuration") through the harness before any
// comparison, so that a broken harness cannot pass for agreement.
func selfCheck(t *testing.T, ctx context.Context, rn *runner) {
	now := time.Now().Unix()
	const sub = "repo:octo-org/octo-repo:ref:refs/heads/main"
	claims := func(extra ...member) node {
		ms := []member{m("iss", str(GitHubIssuer)), m("aud", str("kubernetes")), m("sub", str(sub)),
			m("repository_owner", str("octo-org")), m("jti", str("abc"))}
		ms = append(ms, extra...)
		ms = append(ms, m("iat", scalar(fmt.Sprint(now-30))), m("nbf", scalar(fmt.Sprint(now-30))), m("exp", scalar(fmt.Sprint(now+600))))
		return obj(ms...)
	}
	issuer := func(extra ...member) member {
		return m("issuer", obj(append([]member{m("url", str(GitHubIssuer)), m("audiences", arr(str("kubernetes")))}, extra...)...))
	}
	byClaim := m("claimMappings", obj(m("username", obj(m("claim", str("sub")), m("prefix", str("github:"))))))
	config := func(auths ...node) node {
		return obj(m("apiVersion", str("apiserver.config.k8s.io/v1")), m("kind", str("AuthenticationConfiguration")), m("jwt", arr(auths...)))
	}
	tests := []struct {
		name   string
		config node
		claims node
		want   policy.Verdict
		msg    string // kube-apiserver's refusal contains this
		user   string // the authenticated user, as kubeUser.text
	}{
		{"username claim with prefix", config(obj(issuer(), byClaim)), claims(), policy.Allow, "",
			`username "github:` + sub + `", extra {"authentication.kubernetes.io/credential-id": ["JTI=abc"]}`},
		{"required claim matches", config(obj(issuer(), m("claimValidationRules", arr(obj(m("claim", str("repository_owner")), m("requiredValue", str("octo-org"))))), byClaim)), claims(), policy.Allow, "", ""},
		{"required claim differs", config(obj(issuer(), m("claimValidationRules", arr(obj(m("claim", str("repository_owner")), m("requiredValue", str("acme"))))), byClaim)), claims(), policy.Deny, "required claim repository_owner value does not match", ""},
		{"audience differs", config(obj(issuer(), byClaim)), claims(m("azp", str("x"))).With("aud", str("other")), policy.Deny, "expected audience", ""},
		{"issuer of no authenticator", config(obj(issuer(), byClaim)), claims().With("iss", str("https://other.example")), policy.Deny, "no authenticator", ""},
		{"several audiences need a match policy", config(obj(m("issuer", obj(m("url", str(GitHubIssuer)), m("audiences", arr(str("kubernetes"), str("other"))))), byClaim)), claims(), policy.Error, "audienceMatchPolicy", ""},
		{"claim mapping needs a prefix", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("claim", str("sub")))))))), claims(), policy.Error, "prefix", ""},
		{"issuer must be https", config(obj(m("issuer", obj(m("url", str("http://token.actions.githubusercontent.com")), m("audiences", arr(str("kubernetes"))))), byClaim)), claims(), policy.Error, "https", ""},
		{"issuer urls unique", config(obj(issuer(), byClaim), obj(issuer(), byClaim)), claims(), policy.Error, "Duplicate value", ""},
		{"CEL rule with message", config(obj(issuer(), m("claimValidationRules", arr(obj(m("expression", str(`claims.repository_owner == "acme"`)), m("message", str("wrong owner"))))), byClaim)), claims(), policy.Deny, "wrong owner", ""},
		{"system: usernames refused by a user rule", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("expression", str(`"system:" + claims.sub`)))))),
			m("userValidationRules", arr(obj(m("expression", str(`!user.username.startsWith("system:")`)), m("message", str("no system users"))))))), claims(), policy.Deny, "no system users", ""},
		{"email needs email_verified", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("claim", str("email")), m("prefix", str("")))))))), claims(m("email", str("a@example.com")), m("email_verified", scalar("false"))), policy.Deny, "not verified", ""},
		{"claims.email expression must check email_verified", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("expression", str(`claims.email`)))))))), claims(), policy.Error, "email_verified", ""},
		{"groups from a claim, prefixed", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("claim", str("sub")), m("prefix", str("")))), m("groups", obj(m("claim", str("repository_owner")), m("prefix", str("gh:")))))))), claims(), policy.Allow, "",
			`username "` + sub + `", groups ["gh:octo-org"], extra {"authentication.kubernetes.io/credential-id": ["JTI=abc"]}`},
		{"reserved extra key", config(obj(issuer(), m("claimMappings", obj(m("username", obj(m("claim", str("sub")), m("prefix", str("")))), m("extra", arr(obj(m("key", str("kubernetes.io/x")), m("valueExpression", str("claims.sub"))))))))), claims(), policy.Error, "kubernetes.io", ""},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := rn.run(ctx, testCase{index: i, config: tt.config, claims: tt.claims, format: "json"})
			if err != nil {
				t.Fatal(err)
			}
			if o.kube.verdict != tt.want || !strings.Contains(o.kube.msg, tt.msg) {
				t.Fatalf("kube-apiserver answered %s (%q), documented: %s (%q)", o.kube.verdict, o.kube.msg, tt.want, tt.msg)
			}
			if tt.user != "" && o.kube.user.text() != tt.user {
				t.Fatalf("kube-apiserver authenticated %s, documented: %s", o.kube.user.text(), tt.user)
			}
		})
	}
}
