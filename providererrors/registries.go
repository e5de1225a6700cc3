package providererrors

// The package registries' trusted-publishing answers, as read in each
// registry's source (shared reference "trusted-publishing", sections 1-7)
// and as their publish actions print them.

const pypiSource = "pypi/warehouse warehouse/oidc/views.py, models/_core.py, models/github.py; pypa/gh-action-pypi-publish oidc-exchange.py"

func pypiEntries() []Entry {
	notFound := Entry{ID: "pypi.no-publisher", Provider: "pypi", Code: "invalid-publisher",
		Title:   "no trusted publisher matches the token",
		Text:    "invalid-publisher: valid token, but no corresponding publisher (Publisher with matching claims was not found)",
		Meaning: "PyPI looked up a publisher by owner, repository, owner ID and the workflow file named in job_workflow_ref, then by environment, and found none.",
		Claims:  []string{"repository", "repository_owner", "repository_owner_id", "job_workflow_ref", "environment"},
		Fields:  []string{"owner", "repository", "workflow", "environment", "owner_id"},
		Check: []string{
			"the publisher's workflow is the file name in job_workflow_ref (…/.github/workflows/FILE@ref), case-sensitive",
			"owner and repository as GitHub spells them; the owner ID recorded at set-up must still be the owner's",
			"a publisher with an environment matches only jobs in that environment (compared ignoring case)",
			"a reusable workflow from another repository is never accepted",
		},
		Source: pypiSource, pattern: `valid token, but no corresponding publisher \(Publisher with matching claims was not found`}
	jwr := Entry{ID: "pypi.job-workflow-ref", Provider: "pypi", Code: "invalid-publisher",
		Title:   "job_workflow_ref is not this repository's workflow at the run's ref",
		Text:    "The job_workflow_ref claim does not match, expecting one of [<owner>/<repo>/.github/workflows/<file>@<ref>, …@<sha>], got '<job_workflow_ref>'",
		Meaning: "PyPI requires the workflow that requests the token to live in the publishing repository and run at the run's own ref or commit; a reusable workflow from another repository, or one called at another ref, fails here.",
		Claims:  []string{"job_workflow_ref", "ref", "sha"}, Fields: []string{"workflow"},
		Check:  []string{"publish from a workflow file of the same repository (a same-repository reusable workflow called at the same ref works; configure the called file's name)"},
		Source: pypiSource, pattern: `The job_workflow_ref claim does not match, expecting one of \[[^\]]*\], got '(?P<job_workflow_ref>[^']*)'`}
	prt := Entry{ID: "pypi.pull-request-target", Provider: "pypi", Code: "invalid-publisher",
		Title:   "pull_request_target runs cannot publish",
		Text:    "Publishing from a workflow invoked via 'pull_request_target' is not supported.",
		Meaning: "PyPI refuses tokens whose event_name is pull_request_target.",
		Claims:  []string{"event_name"}, Check: []string{"publish from push, release, or workflow_dispatch"},
		Source: pypiSource, pattern: `Publishing from a workflow invoked via 'pull_request_target' is not supported`}
	missing := Entry{ID: "pypi.missing-claim", Provider: "pypi", Code: "invalid-publisher",
		Title: "the token lacks a claim PyPI requires", Text: "Missing claim '<name>'",
		Meaning: "PyPI requires repository, repository_owner, repository_owner_id, job_workflow_ref, jti, event_name, ref and sha.",
		Check:   []string{"tokens from GitHub-hosted and self-hosted runners carry them all; a token from another issuer does not"},
		Source:  pypiSource, pattern: `valid token, but no corresponding publisher \(Missing claim '(?P<claim>[^']*)'`}
	env := Entry{ID: "pypi.environment", Provider: "pypi", Code: "invalid-publisher",
		Title: "the environment differs from the publisher's", Text: "Check failed for optional claim 'environment'",
		Meaning: "The publisher names an environment and the token's environment claim is missing or differs (ignoring case).",
		Claims:  []string{"environment"}, Fields: []string{"environment"},
		Check:  []string{"the publishing job declares environment: with the publisher's name"},
		Source: pypiSource, pattern: `Check failed for optional claim 'environment'`}
	claimsBlock := Entry{ID: "pypi.claims", Provider: "pypi", Title: "the claims pypa/gh-action-pypi-publish printed",
		Text:    "Token request failed: the server refused the request for the following reasons: … * `sub`: `<sub>` * `repository`: `<repository>` …",
		Meaning: "The publish action prints the token's claims after a refused exchange; oidcscope reads them as a partial token.",
		Claims:  []string{"sub", "repository", "repository_owner", "repository_owner_id", "job_workflow_ref", "ref"},
		Check:   []string{"compare the printed job_workflow_ref's file name, repository and environment with the publisher"},
		Source:  "pypa/gh-action-pypi-publish oidc-exchange.py (_SERVER_REFUSED_TOKEN_EXCHANGE_MESSAGE, _RENDERED_CLAIMS)",
		pattern: "Token request failed: the server refused the request"}
	reused := Entry{ID: "pypi.reused", Provider: "pypi", Code: "invalid-reuse-token",
		Title: "the token was already exchanged", Text: "invalid token: already used",
		Meaning: "PyPI records each token's jti until it expires; a retried step reusing the same token fails.",
		Claims:  []string{"jti"}, Check: []string{"request a fresh token for each exchange"},
		Source: pypiSource, pattern: `invalid token: already used`}
	return []Entry{notFound, jwr, prt, missing, env, claimsBlock, reused}
}

func cratesEntries() []Entry {
	const src = "rust-lang/crates.io src/controllers/trustpub/tokens/exchange/mod.rs; rust-lang/crates-io-auth-action"
	cfg := func(id, title, pattern, meaning string, claims, fields, check []string) Entry {
		return Entry{ID: "crates.io." + id, Provider: "crates.io", Title: title, Meaning: meaning,
			Claims: claims, Fields: fields, Check: check, Source: src, pattern: pattern}
	}
	return []Entry{
		withText(cfg("no-config", "no trusted publishing config for the repository",
			"No Trusted Publishing config found for repository `(?P<repository>[^`]*)`",
			"crates.io found no config whose owner and repository equal the token's repository (ignoring case).",
			[]string{"repository"}, []string{"owner", "repository"},
			[]string{"the crate's Trusted Publishing settings name this repository"}),
			"No Trusted Publishing config found for repository `<owner/repo>`."),
		withText(cfg("workflow", "the workflow file differs from the config's",
			"does not match the workflow filename `(?P<workflow_file>[^`]*)` in the JWT",
			"crates.io reads the file name from workflow_ref, the top-level (calling) workflow, and compares it case-sensitively.",
			[]string{"workflow_ref"}, []string{"workflow"},
			[]string{"name the calling workflow's file, not a reusable workflow it calls"}),
			"The Trusted Publishing config for repository `<owner/repo>` does not match the workflow filename `<file>` in the JWT. Expected workflow filenames: `<a>`"),
		withText(cfg("environment", "the environment differs from the config's",
			"does not match the environment `(?P<environment>[^`]*)` in the JWT",
			"The config names an environment; the token's differs (ignoring case).",
			[]string{"environment"}, []string{"environment"}, []string{"the job declares environment: with the config's name"}),
			"The Trusted Publishing config for repository `<owner/repo>` does not match the environment `<env>` in the JWT. Expected environments: `<a>`"),
		withText(cfg("environment-missing", "the config requires an environment the job lacks",
			"requires an environment, but the JWT does not specify one",
			"The config names an environment and the token has none: the job declares no environment:.",
			[]string{"environment"}, []string{"environment"}, []string{"add environment: NAME to the publishing job"}),
			"The Trusted Publishing config for repository `<owner/repo>` requires an environment, but the JWT does not specify one. Expected environments: `<a>`"),
		withText(cfg("owner-id", "the owner ID differs from the one recorded",
			`does not match the repository owner ID \((?P<repository_owner_id>[^)]*)\) in the JWT`,
			"The owner's numeric ID differs from the one stored when the config was made: the account was deleted and its name taken, or the repository moved.",
			[]string{"repository_owner_id"}, []string{"owner_id"}, []string{"recreate the config if the owner really changed"}),
			"The Trusted Publishing config for repository `<owner/repo>` does not match the repository owner ID (<id>) in the JWT. Expected owner IDs: <ids>. Please recreate the Trusted Publishing config to update the repository owner ID."),
		withText(cfg("event", "the event is not allowed",
			"Trusted Publishing does not support the `(?P<event_name>[^`]*)` event trigger",
			"crates.io refuses pull_request_target and workflow_run runs.",
			[]string{"event_name"}, nil, []string{"publish from push, release or workflow_dispatch"}),
			"Trusted Publishing does not support the `<event>` event trigger due to security concerns. Please use a different trigger such as `push`, `release`, or `workflow_dispatch`."),
		withText(cfg("reused", "the token was already exchanged", "JWT has already been used",
			"crates.io records each token's jti until it expires.", []string{"jti"}, nil, []string{"request a fresh token"}),
			"JWT has already been used"),
	}
}

func rubygemsEntries() []Entry {
	return []Entry{{
		ID: "rubygems.not-found", Provider: "rubygems", Title: "RubyGems refused the token (it says only Not Found)",
		Text:    "No trusted publisher configured for this workflow found on <server> for audience <audience>",
		Meaning: "RubyGems answers 404 Not Found for every mismatch (repository, owner ID, workflow file, environment, audience, time), so the message cannot say which; configure-rubygems-credentials turns that into this line.",
		Claims:  []string{"repository", "repository_owner_id", "job_workflow_ref", "environment", "aud"},
		Fields:  []string{"owner", "repository", "workflow", "environment", "workflow_repository"},
		Check: []string{
			"load the publisher as a document (registry: rubygems) with the token: oidcscope names the mismatch RubyGems does not",
			"environment is compared case-sensitively; a token without environment matches only publishers without one",
			"a reusable workflow from another repository needs workflow_repository",
		},
		Source:  "rubygems/rubygems.org app/controllers/concerns/jwt_validation.rb; rubygems/configure-rubygems-credentials src/oidc/trustedPublisher.ts",
		pattern: `No trusted publisher configured for this workflow found on \S+ for audience (?P<aud>\S+)`,
	}}
}

func npmEntries() []Entry {
	const src = "npm/cli lib/utils/oidc.js; npm/cli issues #8678, #9923, #9969, #9203 (registry answers seen in reports; the registry is closed source)"
	return []Entry{
		{
			ID: "npm.package-not-found", Provider: "npm", Title: "no trusted publisher of the package matches",
			Text:    "OIDC token exchange error - package not found",
			Meaning: "Seen when no trusted publisher of the package matches the token: repository, the calling workflow's file name or environment differ (all case-sensitive), or the package does not exist yet (npm cannot create one this way). Not confirmed by npm.",
			Claims:  []string{"repository", "workflow_ref", "environment"},
			Fields:  []string{"owner", "repository", "workflow", "environment", "package"},
			Check: []string{
				"the trusted publisher names the calling workflow's file (workflow_ref), not a reusable workflow it calls",
				"the package exists and its settings list this repository",
				"npm's CLI logs the exchange only with --loglevel verbose; otherwise the publish shows ENEEDAUTH or E404",
			},
			Source:  src,
			pattern: `OIDC token exchange error - package not found`,
		},
		{
			ID: "npm.unauthorized", Provider: "npm", Title: "the registry refused the token",
			Text:    "OIDC token exchange error - unauthorized",
			Meaning: "Seen with tokens from an enterprise-scoped issuer (https://token.actions.githubusercontent.com/SLUG). Not confirmed by npm.",
			Claims:  []string{"iss"},
			Check:   []string{"npm accepts tokens from GitHub's default issuer"},
			Source:  src,
			pattern: `OIDC token exchange error - unauthorized`,
		},
		{
			ID: "npm.id-token-permission", Provider: "npm", Title: "the job may not request an OIDC token",
			Text:    "Skipped because incorrect permissions for id-token within GitHub workflow",
			Meaning: "The job lacks permissions: id-token: write, so the CLI got no token and fell back to other credentials.",
			Check:   []string{"add permissions: id-token: write to the publishing job (and to the caller when the workflow is reusable)"},
			Source:  src,
			pattern: `Skipped because incorrect permissions for id-token within GitHub workflow`,
		},
	}
}

func nugetEntries() []Entry {
	const src = "NuGet/NuGetGallery GitHubTokenPolicyValidator.cs, FederatedCredentialPolicyEvaluator.cs; NuGet/login src/index.ts"
	return []Entry{
		{
			ID: "nuget.no-policy", Provider: "nuget", Title: "no trust policy of the user matches",
			Text:    "No matching trust policy owned by user '<username>' was found.",
			Meaning: "NuGet hides repository, owner and ID mismatches behind this line: none of the policies created by this user names the token's owner and repository (ignoring case), or the IDs recorded on first use differ.",
			Claims:  []string{"repository", "repository_owner", "repository_owner_id", "repository_id"},
			Fields:  []string{"user", "owner", "repository", "owner_id", "repository_id"},
			Check: []string{
				"NuGet/login's user input is the user who created the policy, not the package owner",
				"the policy names this owner and repository; a policy unused for 7 days after creation has expired",
			},
			Source:  src,
			pattern: `No matching trust policy owned by user '(?P<user>[^']*)' was found`,
		},
		{
			ID: "nuget.workflow", Provider: "nuget", Title: "the workflow file differs from the policy's",
			Text:    "Workflow mismatch for policy '<name>': expected '<workflow>', actual '<file>'",
			Meaning: "NuGet reads the file name from job_workflow_ref and compares it ignoring case.",
			Claims:  []string{"job_workflow_ref"}, Fields: []string{"workflow"},
			Check:   []string{"name the workflow file that requests the token; reusable workflows from other repositories are refused"},
			Source:  src,
			pattern: `Workflow mismatch for policy '(?P<policy>[^']*)': expected '(?P<expected>[^']*)', actual '(?P<workflow_file>[^']*)'`,
		},
		{
			ID: "nuget.environment", Provider: "nuget", Title: "the environment differs from the policy's",
			Text:    "Environment mismatch for policy '<name>': expected '<env>', actual '<environment>'",
			Meaning: "The policy names an environment; the token's is missing or differs (ignoring case).",
			Claims:  []string{"environment"}, Fields: []string{"environment"},
			Check:   []string{"the job declares environment: with the policy's name"},
			Source:  src,
			pattern: `Environment mismatch for policy '(?P<policy>[^']*)': expected '(?P<expected>[^']*)', actual '(?P<environment>[^']*)'`,
		},
		{
			ID: "nuget.job-workflow-ref", Provider: "nuget", Title: "the workflow is not in the policy's repository",
			Text:    "Claim 'job_workflow_ref' has value '<value>' which does not start with <owner>/<repo>/.github/workflows/.",
			Meaning: "NuGet requires the workflow requesting the token to live in the policy's repository; reusable workflows from another repository fail here.",
			Claims:  []string{"job_workflow_ref"},
			Check:   []string{"publish from a workflow file of the same repository"},
			Source:  src,
			pattern: `Claim 'job_workflow_ref' has value '(?P<job_workflow_ref>[^']*)' which does not start with`,
		},
		{
			ID: "nuget.event", Provider: "nuget", Title: "the event is not allowed",
			Text:    "The GitHub Actions event '<event>' is not allowed.",
			Meaning: "The gallery's deployment refuses this event_name (its list is configuration, not code).",
			Claims:  []string{"event_name"},
			Check:   []string{"publish from push, release or workflow_dispatch"},
			Source:  src,
			pattern: `The GitHub Actions event '(?P<event_name>[^']*)' is not allowed`,
		},
	}
}

func jsrEntries() []Entry {
	const src = "jsr-io/jsr api/src/api/errors.rs, api/src/iam.rs"
	return []Entry{
		{
			ID: "jsr.actor", Provider: "jsr", Code: "actorNotAuthorized", Title: "the repository is not linked to the package, or the actor may not publish",
			Text:    "The actor that this request was authenticated for is not authorized to access this resource.",
			Meaning: "JSR checks the token's repository_id against the package's linked repository and, when the scope restricts publishing to members, that actor_id is a scope member.",
			Claims:  []string{"repository_id", "actor_id"}, Fields: []string{"repository_id", "package"},
			Check:   []string{"link the package to this repository in its settings", "or let non-members publish from GitHub Actions in the scope settings"},
			Source:  src,
			pattern: `The actor that this request was authenticated for is not authorized to access this resource`,
		},
		{
			ID: "jsr.scope-member", Provider: "jsr", Code: "actorNotScopeMember", Title: "the actor is not a scope member",
			Text:    "The actor that this request was authenticated for is not authorized as a scope member for this scope.",
			Meaning: "The scope restricts GitHub Actions publishing to its members, and the GitHub user who triggered the run is not one.",
			Claims:  []string{"actor_id"},
			Check:   []string{"add the user to the scope, or lift the restriction"},
			Source:  src,
			pattern: `not authorized as a scope member for this scope`,
		},
		{
			ID: "jsr.invalid-token", Provider: "jsr", Code: "invalidOidcToken", Title: "JSR could not use the token",
			Text:    "The provided OIDC token is invalid: <reason>",
			Meaning: "Issuer, key ID or the permissions JSON in aud could not be read.",
			Claims:  []string{"iss", "aud"},
			Check:   []string{"publish with deno publish or npx jsr publish, which request the right audience"},
			Source:  src,
			pattern: `The provided OIDC token is invalid: (?P<reason>.+)`,
		},
	}
}

func pubdevEntries() []Entry {
	const src = "dart-lang/pub-dev app/lib/package/backend.dart, app/lib/shared/exceptions.dart"
	const prefix = "The calling GitHub Action is not allowed to publish, because: "
	e := func(id, title, reason, pattern, meaning string, claims, check []string) Entry {
		return Entry{ID: "pub.dev." + id, Provider: "pub.dev", Code: "InsufficientPermissions", Title: title,
			Text: prefix + reason, Meaning: meaning, Claims: claims,
			Fields: []string{"repository", "tag_pattern", "events", "environment"},
			Check:  check, Source: src, pattern: regexpText(prefix) + pattern}
	}
	return []Entry{
		e("repository", "publishing is not enabled for this repository",
			`publishing is not enabled for the "<repo>" repository, it may be enabled for another repository`,
			`publishing is not enabled for the "(?P<repository>[^"]*)" repository`,
			"The package's automated publishing names another repository (exact, case-sensitive owner/repo).",
			[]string{"repository"}, []string{"the package admin page's repository equals the token's repository exactly"}),
		e("event", "the event is not allowed",
			`publishing is only allowed from "push" or "workflow_dispatch" events, this token originates from a "<event>" event`,
			`publishing is (?:not allowed from "[^"]*" events|only allowed from "push" or "workflow_dispatch" events, this token originates from a "(?P<event_name>[^"]*)" event)`,
			"pub.dev accepts push (unless switched off) and workflow_dispatch (if switched on), nothing else.",
			[]string{"event_name"}, []string{"publish on a pushed tag, or enable workflow_dispatch publishing"}),
		e("ref-type", "the run is not for a tag",
			`publishing is only allowed from "tag" refType, this token has "<type>" refType`,
			`publishing is only allowed from "tag" refType, this token has "(?P<ref_type>[^"]*)" refType`,
			"pub.dev publishes only from tag refs.", []string{"ref_type"}, []string{"trigger the publishing workflow on: push: tags:"}),
		e("tag-pattern", "the tag does not match the version",
			`publishing is configured to only be allowed from actions with specific ref pattern, this token has "<ref>" ref for which publishing is not allowed. Expected tag "<tag>".`,
			`publishing is configured to only be allowed from actions with specific ref pattern, this token has "(?P<ref>[^"]*)" ref`,
			"The ref must be refs/tags/ followed by the tag pattern with {{version}} replaced by the pubspec.yaml version.",
			[]string{"ref"}, []string{"tag with the version in pubspec.yaml, e.g. v1.2.3 for the pattern v{{version}}"}),
		e("environment", "the environment is required and differs",
			`publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment "<env>" for which publishing is not allowed`,
			`publishing is configured to only be allowed from actions with an environment, this token originates from an action running in environment "(?P<environment>[^"]*)"`,
			"Automated publishing requires an environment; the job's is missing or differs (exact).",
			[]string{"environment"}, []string{"the publishing job declares environment: with the configured name"}),
		e("ids-changed", "the repository's IDs changed; publishing was switched off",
			"GitHub repository identifiers changed, disabling automated publishing",
			`GitHub repository identifiers changed, disabling automated publishing`,
			"The repository or owner ID differs from the ones recorded at the first publish; pub.dev switched automated publishing off.",
			[]string{"repository_id", "repository_owner_id"}, []string{"re-enable automated publishing on the package admin page after checking the repository is really yours"}),
	}
}

// withText sets an entry's Text (the provider's wording with placeholders).
func withText(e Entry, text string) Entry { e.Text = text; return e }
