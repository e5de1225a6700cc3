package providererrors

// octostsEntries: octo-sts's exchange answers (pkg/octosts/octosts.go and
// trust_policy.go at cb87fc17), as octo-sts/action prints the gRPC status
// message.
func octostsEntries() []Entry {
	const src = "octo-sts/app pkg/octosts/octosts.go, trust_policy.go (cb87fc17)"
	return []Entry{
		{
			ID: "octosts.no-policy", Provider: "octosts", Title: "no trust policy with this identity",
			Text:    `unable to find trust policy for "<identity>"`,
			Meaning: "octo-sts read .github/chainguard/<identity>.sts.yaml in the scope's repository (or the organization's .github repository) and found none, or the app is not installed there.",
			Fields:  []string{"identity", "scope"},
			Check: []string{
				"the file is .github/chainguard/IDENTITY.sts.yaml on the default branch of the repository named by scope",
				"the octo-sts app is installed on that repository or organization",
			},
			Source:  src,
			pattern: `unable to find trust policy for "(?P<identity>[^"]*)"`,
		},
		{
			ID: "octosts.subject", Provider: "octosts", Title: "sub does not match the trust policy",
			Text:    `trust policy: subject "<sub>" did not match "<subject>"`,
			Meaning: "The trust policy's subject (exact) or subject_pattern (a regular expression matched against the whole sub) does not match the token's sub.",
			Claims:  []string{"sub"},
			Fields:  []string{"subject", "subject_pattern"},
			Check:   []string{"load the .sts.yaml with --policy: oidcscope matches it the way octo-sts does and shows the first difference"},
			Source:  src,
			pattern: `trust policy: subject "(?P<sub>[^"]*)" did not match (?:pattern )?"(?P<expected>[^"]*)"`,
		},
		{
			ID: "octosts.issuer", Provider: "octosts", Title: "iss does not match the trust policy",
			Text:    `trust policy: issuer "<iss>" did not match "<issuer>"`,
			Meaning: "The trust policy's issuer (exact) or issuer_pattern does not match the token's iss.",
			Claims:  []string{"iss"},
			Fields:  []string{"issuer", "issuer_pattern"},
			Check:   []string{"issuer: https://token.actions.githubusercontent.com for GitHub Actions"},
			Source:  src,
			pattern: `trust policy: issuer "(?P<iss>[^"]*)" did not match (?:pattern )?"(?P<expected>[^"]*)"`,
		},
		{
			ID: "octosts.audience", Provider: "octosts", Title: "aud does not match the trust policy",
			Text:    `trust policy: audience "<audience>" did not match any of [<aud>]`,
			Meaning: "The trust policy's audience or audience_pattern (or, when it has neither, the STS's own domain) is not among the token's audiences.",
			Claims:  []string{"aud"},
			Fields:  []string{"audience", "audience_pattern"},
			Check:   []string{"octo-sts/action requests the STS domain as audience; a trust policy without audience expects exactly that"},
			Source:  src,
			pattern: `trust policy: audience(?:_pattern)? "(?P<expected>[^"]*)" did not match any of`,
		},
		{
			ID: "octosts.claim", Provider: "octosts", Title: "a claim_pattern does not match",
			Text:    `trust policy: claim "<name>" did not match "<pattern>"`,
			Meaning: "A claim_pattern entry's regular expression does not match the whole claim value.",
			Fields:  []string{"claim_pattern"},
			Check:   []string{"claim_pattern values are regular expressions anchored at both ends: escape dots, and group alternatives"},
			Source:  src,
			pattern: `trust policy: claim "(?P<claim>[^"]*)" did not match "(?P<expected>[^"]*)"`,
		},
		{
			ID: "octosts.claim-missing", Provider: "octosts", Title: "a claim_pattern names a claim the token lacks",
			Text:    `trust policy: expected claim "<name>" not found in token`,
			Meaning: "claim_pattern requires a claim this token does not carry (environment outside environment jobs, for one).",
			Fields:  []string{"claim_pattern"},
			Check:   []string{"claims are named as GitHub sends them"},
			Source:  src,
			pattern: `trust policy: expected claim "(?P<claim>[^"]*)" not found in token`,
		},
	}
}
