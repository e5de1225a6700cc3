package oidcprovider

import "strings"

// providerARN is an IAM OIDC provider ARN taken apart:
// arn:<partition>:iam::<account>:oidc-provider/<url without https://>.
type providerARN struct {
	text, partition, account, path string
}

// parseARN reads an IAM OIDC provider ARN; ok is false for anything else.
// The account is not checked to be 12 digits: it is the user's to get
// right, and STS's to refuse.
func parseARN(s string) (providerARN, bool) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] != "iam" || parts[3] != "" || parts[4] == "" {
		return providerARN{}, false
	}
	path, ok := strings.CutPrefix(parts[5], "oidc-provider/")
	if !ok || path == "" {
		return providerARN{}, false
	}
	return providerARN{text: s, partition: parts[1], account: parts[4], path: path}, true
}
