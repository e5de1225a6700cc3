package aws

import (
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// TestDollarEscapesAreLiteral: ${*}, ${?} and ${$} in a condition value
// are the characters *, ? and $ under every string operator (AWS docs,
// "IAM policy elements: Variables and tags", Special characters), in a
// document whose Version is 2012-10-17; without that Version IAM reads
// ${…} literally.
func TestDollarEscapesAreLiteral(t *testing.T) {
	env := `"` + gh + `:environment"`
	with := func(v string) string { return pushMain(`"environment":` + quote(v)) }
	checkVerdicts(t, []verdictCase{
		{name: "StringEquals ${?} is a question mark", doc: trust(`{"StringEquals":{` + env + `:"Ship it${?}"}}`), claims: with("Ship it?"), want: policy.Allow},
		{name: "StringEquals ${?} is not the text ${?}", doc: trust(`{"StringEquals":{` + env + `:"Ship it${?}"}}`), claims: with("Ship it${?}"), want: policy.Deny},
		{name: "StringLike ${?} is not a wildcard", doc: trust(`{"StringLike":{` + env + `:"Ship it${?}"}}`), claims: with("Ship it!"), want: policy.Deny},
		{name: "StringLike ${?} matches a question mark", doc: trust(`{"StringLike":{` + env + `:"Ship it${?}"}}`), claims: with("Ship it?"), want: policy.Allow},
		{name: "StringLike ${*} is not a wildcard", doc: trust(`{"StringLike":{` + env + `:"a${*}b"}}`), claims: with("axxb"), want: policy.Deny},
		{name: "StringLike ${*} matches an asterisk", doc: trust(`{"StringLike":{` + env + `:"a${*}b*"}}`), claims: with("a*bcd"), want: policy.Allow},
		{name: "StringEquals ${$} is a dollar", doc: trust(`{"StringEquals":{` + env + `:"cost${$}"}}`), claims: with("cost$"), want: policy.Allow},
		{name: "StringEquals ${$}{x} is the text ${x}", doc: trust(`{"StringEquals":{` + env + `:"${$}{x}"}}`), claims: with("${x}"), want: policy.Allow},
		{name: "StringNotEquals ${?} excludes a question mark", doc: trust(`{"StringNotEquals":{` + env + `:"prod${?}"}}`), claims: with("prod?"), want: policy.Deny},
		{name: "StringEqualsIgnoreCase ${*}", doc: trust(`{"StringEqualsIgnoreCase":{` + env + `:"PROD${*}"}}`), claims: with("prod*"), want: policy.Allow},
		{name: "StringNotLike ${*} excludes only an asterisk", doc: trust(`{"StringNotLike":{` + env + `:"prod${*}"}}`), claims: with("production"), want: policy.Allow},
		{name: "a lone $ is literal", doc: trust(`{"StringEquals":{` + env + `:"a$b{c}"}}`), claims: with("a$b{c}"), want: policy.Allow},
		{name: "${ without } is literal", doc: trust(`{"StringEquals":{` + env + `:"a${b"}}`), claims: with("a${b"), want: policy.Allow},
		{name: "no Version: ${?} is literal text", doc: noVersion(trust(`{"StringEquals":{` + env + `:"Ship it${?}"}}`)), claims: with("Ship it${?}"), want: policy.Allow,
			expr: ":environment", diag: []string{`Version is not "2012-10-17"`}},
		{name: "no Version: ${?} is not a question mark", doc: noVersion(trust(`{"StringEquals":{` + env + `:"Ship it${?}"}}`)), claims: with("Ship it?"), want: policy.Deny},
	})
}
