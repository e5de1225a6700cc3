package jsr

import (
	"strconv"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/publisher"
)

// Lint rule ids.
const (
	RulePackage      = "jsr-package"          // package is not @scope/name with JSR's names
	RuleVersion      = "jsr-version"          // version is not a normalized semver version
	RuleRepositoryID = "jsr-repository-id"    // repository_id is not an integer
	RuleNoRepoID     = "jsr-no-repository-id" // the link cannot be checked offline
)

func lint(doc publisher.Document) []policy.Finding {
	var out []policy.Finding
	add := func(rule string, sev string, msg string) {
		out = append(out, policy.Finding{Rule: rule, Severity: sev, Message: msg})
	}
	if doc.Package != "" {
		if _, _, ok := splitPackage(doc.Package); !ok {
			add(RulePackage, policy.SevError, "package "+escape.Quoted(doc.Package)+" is not a JSR package name: @scope/name, the scope 2 to 20 and the name 2 to 58 lower-case letters, digits and single inner hyphens")
		}
	}
	if doc.Version != "" && !validVersion(doc.Version) {
		add(RuleVersion, policy.SevError, "version "+escape.Quoted(doc.Version)+" is not a semver version in its normal form (JSR refuses \"v1.2.3\", \"1.2\" and surrounding spaces)")
	}
	switch _, err := strconv.ParseInt(doc.RepositoryID, 10, 64); {
	case doc.RepositoryID == "":
		add(RuleNoRepoID, policy.SevInfo, "no repository_id: JSR matches the token by the linked repository's numeric ID, not its name; add repository_id (the repository's ID, as in the token's repository_id) to check it offline")
	case err != nil:
		add(RuleRepositoryID, policy.SevError, "repository_id "+escape.Quoted(doc.RepositoryID)+" is not an integer: JSR records the linked repository's numeric ID")
	}
	return out
}
