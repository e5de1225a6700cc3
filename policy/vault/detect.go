package vault

import (
	"bytes"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// Detect recognises Vault documents by content: a JWT role (bare, or under
// "data" as `vault read -format=json` prints it), oidcscope's
// {"config":…,"roles":…} document, and a bare auth config (which Parse then
// refuses with a clear message). Vault's field names are snake_case
// (bound_audiences, user_claim…) and appear in no other provider's format.
// JSON that does not parse is claimed only when it names role fields, so
// that Parse can say where it breaks.
func (provider) Detect(data []byte) bool {
	trimmed := bytes.TrimLeft(policy.TrimBOM(data), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' || !mentionsVault(trimmed) {
		return false
	}
	root, err := policy.ReadJSON(trimmed)
	if err != nil {
		return bytes.Contains(trimmed, []byte(`"user_claim"`)) || bytes.Contains(trimmed, []byte(`"bound_audiences"`)) ||
			bytes.Contains(trimmed, []byte(`"bound_claims"`))
	}
	if root.Kind != decode.Object {
		return false
	}
	if roles, ok := root.Get("roles"); ok && roles.Kind == decode.Object && !isRole(root) {
		for _, m := range roles.Members {
			if inner, _ := unwrap(m.Value); isRole(inner) {
				return true
			}
		}
		return false
	}
	inner, _ := unwrap(root)
	return isRole(inner) || isConfig(inner)
}

// vaultMarks are the key prefixes every Vault role or config has one of;
// a document without any is not read further.
var vaultMarks = [][]byte{[]byte(`"bound_`), []byte(`"user_claim`), []byte(`"role_type"`), []byte(`"claim_mappings"`),
	[]byte(`"allowed_redirect_uris"`), []byte(`"oidc_`), []byte(`"jwks_`), []byte(`"jwt_`)}

func mentionsVault(data []byte) bool {
	for _, m := range vaultMarks {
		if bytes.Contains(data, m) {
			return true
		}
	}
	return false
}
