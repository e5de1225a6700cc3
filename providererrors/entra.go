package providererrors

// entraEntries: Microsoft Entra's federated identity credential errors,
// as azure/login and the Azure CLI print them. They quote what was
// presented, so a match carries the token's sub, iss or aud.
func entraEntries() []Entry {
	return []Entry{
		{
			ID: "entra.subject", Provider: "entra", Code: "AADSTS700213",
			Title:   "no federated credential has this subject",
			Text:    "AADSTS700213: No matching federated identity record found for presented assertion subject '<sub>'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion.",
			Meaning: "Entra found credentials for the issuer but none whose subject equals the token's sub exactly (case-sensitive, no wildcards).",
			Claims:  []string{"sub"},
			Fields:  []string{"subject", "issuer", "audiences"},
			Check: []string{
				"the credential's subject must equal the quoted one character for character: environment jobs present repo:OWNER/REPO:environment:NAME, pull requests repo:OWNER/REPO:pull_request, others repo:OWNER/REPO:ref:refs/heads/BRANCH",
				"a repository with immutable subjects presents repo:OWNER@ID/REPO@ID:…",
				"load the credentials (az ad app federated-credential list) with --policy: oidcscope names the one closest to this subject",
			},
			Source:  "Azure/login issues #296, #379, #482; Microsoft Entra workload identity federation docs",
			pattern: `AADSTS700213: No matching federated identity record found for presented assertion subject ` + quotedGroup("sub"),
		},
		{
			ID: "entra.subject-case", Provider: "entra", Code: "AADSTS7002138",
			Title:   "a federated credential matches the subject only ignoring case",
			Text:    "AADSTS7002138: No matching federated identity record found for presented assertion subject '<sub>'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison.",
			Meaning: "Since 2024-2025 Entra compares subjects case-sensitively; a credential differs from the token's sub only in letter case (often the owner, repository or environment name).",
			Claims:  []string{"sub"},
			Fields:  []string{"subject"},
			Check: []string{
				"copy the quoted subject into the credential exactly: GitHub spells owner, repository and environment names as they are shown on GitHub",
			},
			Source:  "Azure/login issues #515, #517; Entra breaking-change notice (case-sensitive federated identity credential matching)",
			pattern: `AADSTS7002138: No matching federated identity record found for presented assertion subject ` + quotedGroup("sub"),
		},
		{
			ID: "entra.issuer", Provider: "entra", Code: "AADSTS700211",
			Title:   "no federated credential has this issuer",
			Text:    "AADSTS700211: No matching federated identity record found for presented assertion issuer '<iss>'.",
			Meaning: "No credential of the app or managed identity names the token's issuer. GitHub's is https://token.actions.githubusercontent.com, or …/SLUG when the enterprise uses an enterprise-scoped issuer.",
			Claims:  []string{"iss"},
			Fields:  []string{"issuer"},
			Check: []string{
				"the credential's issuer equals the quoted one exactly (no trailing slash)",
				"the login step uses the client ID of the app that has the credential",
			},
			Source:  "Azure/azure-workload-identity issue #1200; Entra workload identity federation docs",
			pattern: `AADSTS700211: No matching federated identity record found for presented assertion issuer ` + quotedGroup("iss"),
		},
		{
			ID: "entra.audience", Provider: "entra", Code: "AADSTS700212",
			Title:   "no federated credential has this audience",
			Text:    "AADSTS700212: No matching federated identity record found for presented assertion audience '<aud>'.",
			Meaning: "The credential's audiences do not include the token's aud; Entra expects api://AzureADTokenExchange unless the credential says otherwise.",
			Claims:  []string{"aud"},
			Fields:  []string{"audiences"},
			Check: []string{
				"azure/login requests api://AzureADTokenExchange unless its audience input changes it; the credential's audiences must hold the same value",
			},
			Source:  "Entra workload identity federation docs; Azure/login README (audience input)",
			pattern: `AADSTS700212: No matching federated identity record found for presented assertion audience ` + quotedGroup("aud"),
		},
		{
			ID: "entra.no-match", Provider: "entra", Code: "AADSTS70021",
			Title:   "no federated credential matches issuer, subject and audience",
			Text:    "AADSTS70021: No matching federated identity record found for presented assertion. Assertion Issuer: '<iss>'. Assertion Subject: '<sub>'. Assertion Audience: '<aud>'.",
			Meaning: "The older, combined form of the three errors above; a credential added seconds ago can also give it while it propagates.",
			Claims:  []string{"iss", "sub", "aud"},
			Fields:  []string{"issuer", "subject", "audiences"},
			Check: []string{
				"compare each quoted value with the credential's; all three must be equal exactly",
				"a credential created in the last minutes may not have propagated yet: retry",
			},
			Source: "Azure/azure-workload-identity issue #340; Entra workload identity federation docs",
			pattern: `AADSTS70021: No matching federated identity record found for presented assertion\.?` +
				`(?: Assertion Issuer: ` + quotedGroup("iss") + `\.?)?` +
				`(?: Assertion Subject: ` + quotedGroup("sub") + `\.?)?` +
				`(?: Assertion Audience: ` + quotedGroup("aud") + `)?`,
		},
		{
			ID: "entra.assertion-expired", Provider: "entra", Code: "AADSTS700024",
			Title:   "the token is outside its valid time range",
			Text:    "AADSTS700024: Client assertion is not within its valid time range.",
			Meaning: "The GitHub token had expired (or was not yet valid) when Entra read it; they live about five minutes.",
			Claims:  []string{"exp", "nbf", "iat"},
			Check:   []string{"request the token right before the login step; a long job or a retried step reuses an old one"},
			Source:  "Azure/login issue threads; Entra error code reference",
			pattern: `AADSTS700024: Client assertion is not within its valid time range`,
		},
		{
			ID: "entra.app-not-found", Provider: "entra", Code: "AADSTS700016",
			Title:   "the client ID names no application in this tenant",
			Text:    "AADSTS700016: Application with identifier '<client id>' was not found in the directory '<tenant>'.",
			Meaning: "The login step's client-id is not an app (or managed identity) of the tenant it names; Entra never looked at the token.",
			Fields:  []string{"client-id", "tenant-id"},
			Check:   []string{"client-id is the application (client) ID of the app that has the federated credential, and tenant-id its tenant"},
			Source:  "Azure/login issue threads; Entra error code reference",
			pattern: `AADSTS700016: Application with identifier '(?P<client_id>[^']*)' was not found`,
		},
	}
}
