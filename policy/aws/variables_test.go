package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestPolicyVariablesAreSubstituted: ${key} and ${key, 'default'} in a
// condition value are replaced by the request's value of key before
// matching, as literal text (AWS docs, "IAM policy elements: Variables and
// tags"). A variable whose key has no value makes its value match nothing
// ("There is no equal or like value"), so negated operators pass ("do match
// against a null value").
func TestPolicyVariablesAreSubstituted(t *testing.T) {
	sub := `"` + gh + `:sub"`
	v := func(claim string) string { return "${" + gh + ":" + claim + "}" }
	checkVerdicts(t, []verdictCase{
		{name: "StringEquals with two variables", doc: trust(`{"StringEquals":{` + sub + `:"repo:` + v("repository") + `:ref:` + v("ref") + `"}}`), want: policy.Allow,
			expr: ":sub", diag: []string{`reads "repo:octo-org/octo-repo:ref:refs/heads/main" after substitution`, `${` + gh + `:repository} is "octo-org/octo-repo"`}},
		{name: "StringEquals variable of another value", doc: trust(`{"StringEquals":{` + sub + `:"repo:` + v("repository") + `:ref:` + v("ref") + `"}}`),
			claims: pushMain(`"ref":"refs/heads/dev"`), want: policy.Deny, expr: ":sub", diag: []string{`reads "repo:octo-org/octo-repo:ref:refs/heads/dev" after substitution`}},
		{name: "StringLike with a variable and a wildcard", doc: trust(`{"StringLike":{` + sub + `:"repo:` + v("repository") + `:*"}}`), want: policy.Allow},
		{name: "substituted text is literal: its * is no wildcard", doc: trust(`{"StringLike":{` + sub + `:"repo:` + v("actor") + `/octo-repo:*"}}`),
			claims: pushMain(`"actor":"octo*"`), want: policy.Deny, expr: ":sub", diag: []string{`reads "repo:octo${*}/octo-repo:*" after substitution`}},
		{name: "substituted text is literal: its * matches itself", doc: trust(`{"StringLike":{` + sub + `:"repo:` + v("actor") + `/octo-repo:*"}}`),
			claims: pushMain(`"actor":"octo*","sub":"repo:octo*/octo-repo:ref:x"`), want: policy.Allow},
		{name: "key names in variables ignore case", doc: trust(`{"StringEquals":{` + sub + `:"repo:${Token.Actions.GitHubUserContent.com:Repository}:ref:refs/heads/main"}}`), want: policy.Allow},
		{name: "missing key, no default: StringEquals fails", doc: trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:environment:` + v("environment") + `"}}`), want: policy.Deny,
			expr: ":sub", diag: []string{"matches nothing", "has no value", "Policy variables with no value"}},
		{name: "missing key, no default: another value still matches", doc: trust(`{"StringEquals":{` + sub + `:["x` + v("environment") + `","repo:octo-org/octo-repo:ref:refs/heads/main"]}}`), want: policy.Allow},
		{name: "missing key: StringNotEquals passes", doc: trust(`{"StringNotEquals":{` + sub + `:"` + v("environment") + `"}}`), want: policy.Allow},
		{name: "missing key: StringNotLike passes", doc: trust(`{"StringNotLike":{` + sub + `:"*` + v("environment") + `*"}}`), want: policy.Allow},
		{name: "missing key: the default is used", doc: trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:${` + gh + `:environment, 'refs/heads/main'}"}}`), want: policy.Allow,
			expr: ":sub", diag: []string{"so its default \"refs/heads/main\" is used"}},
		{name: "present key: the default is not used", doc: trust(`{"StringEquals":{` + sub + `:"repo:octo-org/octo-repo:ref:${` + gh + `:ref, 'refs/heads/dev'}"}}`), want: policy.Allow},
		{name: "a default's * is literal under StringLike", doc: trust(`{"StringLike":{` + sub + `:"repo:octo-org/octo-repo:ref:${` + gh + `:environment, '*'}"}}`), want: policy.Deny},
		{name: "a claim AWS does not read has no value", doc: trust(`{"StringLike":{` + sub + `:"repo:` + v("repository_owner") + `/*"}}`), want: policy.Deny,
			expr: ":sub", diag: []string{"repository_owner is not a key AWS evaluates"}},
		{name: "a key of another issuer has no value", doc: trust(`{"StringLike":{` + sub + `:"repo:${` + gh + `/avocado-corp:repository}:*"}}`), want: policy.Deny},
		{name: "a multivalued aud cannot be a variable", doc: trust(`{"StringLike":{` + sub + `:"*` + v("aud") + `*"}}`), claims: pushMain(`"aud":["x","y"]`), want: policy.Deny,
			expr: ":sub", diag: []string{"can't use a multivalued condition key as a variable"}},
		{name: "aws:username is absent for web identity", doc: trust(`{"StringEquals":{` + sub + `:"${aws:username}"}}`), want: policy.Deny, expr: ":sub", diag: []string{"not present for an OIDC federated principal"}},
		{name: "aws:username absent: StringNotEquals passes", doc: trust(`{"StringNotEquals":{` + sub + `:"${aws:username}"}}`), want: policy.Allow},
		{name: "a request-context variable is assumed to hold", doc: trust(`{"StringEquals":{` + sub + `:"${aws:SourceIp}"}}`), want: policy.Allow,
			expr: ":sub", diag: []string{"aws:SourceIp comes from the AWS request", "treats it as holding"}},
		{name: "a request-context variable does not hide a sure match", doc: trust(`{"StringEquals":{` + sub + `:["${aws:SourceIp}","repo:octo-org/octo-repo:ref:refs/heads/main"]}}`), want: policy.Allow},
		{name: "a request-context variable does not hide a sure exclusion", doc: trust(`{"StringNotEquals":{` + sub + `:["${aws:SourceIp}","repo:octo-org/octo-repo:ref:refs/heads/main"]}}`), want: policy.Deny},
		{name: "Bool reads no variables", doc: trust(`{"Bool":{"` + gh + `:environment":"${aws:SecureTransport}"}}`), want: policy.Error},
	})
}
