package policytest

import (
	"fmt"
	"strings"
)

// ManyAWSRoles is `aws iam list-roles` output with n GitHub roles of varied
// shapes (StringEquals and StringLike on sub, legacy and immutable forms,
// ref and environment contexts), each pinning its own repository_id
// 1000+i. The last one instead takes any ref of octo-org/octo-repo and
// pins lastRepositoryID: 74 lets the push-main fixture in, 1000+n-1 keeps
// the pattern of the others.
func ManyAWSRoles(n, lastRepositoryID int) []byte {
	const gh = "token.actions.githubusercontent.com"
	var b strings.Builder
	b.WriteString(`{"Roles":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		op, sub, id := "StringEquals", fmt.Sprintf(`"repo:octo-org/repo-%d:ref:refs/heads/main"`, i), 1000+i
		switch i % 4 {
		case 1:
			op, sub = "StringLike", fmt.Sprintf(`["repo:octo-org/repo-%d:*","repo:octo-org@65/repo-%d@%d:*"]`, i, i, id)
		case 2:
			sub = fmt.Sprintf(`["repo:octo-org/repo-%d:environment:prod","repo:octo-org@65/repo-%d@%d:environment:prod"]`, i, i, id)
		}
		if i == n-1 {
			op, sub, id = "StringLike", `"repo:octo-org/octo-repo:*"`, lastRepositoryID
		}
		fmt.Fprintf(&b, `{"RoleName":"role-%d","Arn":"arn:aws:iam::111122223333:role/role-%d","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow",`+
			`"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/%s"},"Action":"sts:AssumeRoleWithWebIdentity",`+
			`"Condition":{"StringEquals":{"%s:aud":"sts.amazonaws.com","%s:repository_id":"%d"},"%s":{"%s:sub":%s}}}]}}`,
			i, i, gh, gh, gh, id, op, gh, sub)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}
