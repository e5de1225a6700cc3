package oidcprovider

import "github.com/oidcscope/oidcscope/policy/aws/internal/awscli"

// The aws commands the diagnoses print: what to run to make a provider
// accept the token, or to load what list output leaves out.

// audienceFix says how to make the two agree: add the audience to the
// provider, or ask GitHub for one the provider lists.
func (d *getDocument) audienceFix(aud string) []string {
	var out []string
	arn := "arn:aws:iam::<ACCOUNT_ID>:oidc-provider/" + d.url
	if cmd, err := awscli.Command("aws iam add-client-id-to-open-id-connect-provider --open-id-connect-provider-arn %s --client-id %s", arn, aud); err == nil {
		out = append(out, "to accept it, add it to the provider (put in your account id): `"+cmd+"`")
	}
	return append(out, "or request the token with an audience the provider lists: aws-actions/configure-aws-credentials asks for sts.amazonaws.com unless its audience input says otherwise")
}

// getCommand is the command whose output holds the client IDs of the
// provider at index hit (a placeholder ARN when there is none).
func getCommand(d *listDocument, hit int) string {
	const format = "aws iam get-open-id-connect-provider --open-id-connect-provider-arn %s"
	what := "run `aws iam get-open-id-connect-provider --open-id-connect-provider-arn <ARN>` and load its output beside this one"
	if hit < 0 {
		return what
	}
	cmd, err := awscli.Command(format, d.providers[hit].text)
	if err != nil {
		return what
	}
	return "run `" + cmd + "` and load its output beside this one"
}
