// Package vault is the differential test of oidcscope's Vault evaluator
// (policy/vault) against HashiCorp's own JWT auth plugin,
// github.com/hashicorp/vault-plugin-auth-jwt v0.26.1, driven in process
// through its exported Factory with in-memory storage.
//
// Each generated case is a GitHub-shaped token and a role. The role is
// written through the plugin's role endpoint, read back, and a token signed
// with a test key logs in against it; oidcscope is given the role as
// written and as read back (the `vault read -format=json` shape), with the
// same auth config. A role the plugin refuses to store must be an error in
// oidcscope; a login the plugin accepts must be allowed, one it refuses
// must be denied. Clock checks are kept out: every token is valid in time.
//
// Only this nested module imports the plugin: oidcscope's own module does
// not depend on it.
package vault
