package vault

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// The documents Vault tooling produces, all JSON:
//
//   - `vault read -format=json auth/<path>/role/<name>` (or the HTTP API):
//     {"request_id":…,"lease_id":…,"data":{role fields},…};
//   - the bare role object as written with `vault write auth/<path>/role/<name> @role.json`:
//     {"role_type":"jwt","user_claim":…,"bound_audiences":…,"bound_claims":…};
//   - oidcscope's own document giving the auth config (for bound_issuer)
//     and several roles: {"config":{"bound_issuer":…,"oidc_discovery_url":…},
//     "roles":{"<name>":{role},…}}; the config and each role may also be a
//     `vault read` envelope.
//
// A bare config (`vault read auth/<path>/config`) is not a role: Parse
// says so.

// roleKeys are the fields only a JWT/OIDC role has.
var roleKeys = []string{"user_claim", "bound_audiences", "bound_claims", "bound_subject", "bound_claims_type", "claim_mappings", "user_claim_json_pointer", "allowed_redirect_uris"}

// configKeys are the fields only the auth method's config has.
var configKeys = []string{"bound_issuer", "oidc_discovery_url", "jwks_url", "jwt_validation_pubkeys", "oidc_client_id", "jwt_supported_algs", "oidc_discovery_ca_pem", "jwks_ca_pem"}

// entry is one role found in a document.
type entry struct {
	obj   decode.Value // the role's fields (Kind Object), or what stands there
	name  string
	index int // 1-based position in the document
	line  int // line of the role's first field, 0 when unknown
}

// document is what Parse reads: an optional config and the roles.
type document struct {
	config decode.Value // Kind Object, or Null without a config
	roles  []entry
}

// readDocument decodes a document and finds its config and roles.
func readDocument(source string, data []byte) (document, error) {
	doc := document{}
	root, err := policy.ReadJSON(data)
	if err != nil {
		return doc, fmt.Errorf("%w: %w", ErrDocument, err)
	}
	if root.Kind != decode.Object {
		return doc, fmt.Errorf("%w: expected a JSON object (a role, `vault read -format=json` output, or {\"config\":…,\"roles\":…}), found a %s", ErrDocument, root.Kind)
	}
	if roles, ok := root.Get("roles"); ok && !isRole(root) {
		return readRoles(data, root, roles)
	}
	inner, path := unwrap(root)
	switch {
	case isRole(inner):
		name := roleNameFromPath(path)
		if name == "" {
			name = fileRoleName(source)
		}
		doc.roles = []entry{{obj: inner, name: name, index: 1, line: policy.FirstLine(data, inner)}}
		return doc, nil
	case isConfig(inner):
		return doc, fmt.Errorf("%w: this is the JWT auth method's config (bound_issuer, oidc_discovery_url…), not a role: evaluate roles with `vault read -format=json auth/<path>/role/<name>` output, or give both as {\"config\": {…}, \"roles\": {\"<name>\": {…}}}", ErrDocument)
	}
	if keys, ok := inner.Get("keys"); ok && keys.Kind == decode.Array {
		return doc, fmt.Errorf("%w: this is a role list (`vault list`), not a role: read each role with `vault read -format=json auth/<path>/role/<name>`", ErrDocument)
	}
	return doc, fmt.Errorf("%w: expected a JWT role (role_type, user_claim, bound_audiences, bound_claims…), `vault read -format=json` output holding one under \"data\", or {\"config\":…,\"roles\":…}; this object has none of their fields (keys: %s)", ErrDocument, policy.KeyList(inner))
}

// readRoles reads oidcscope's {"config":…,"roles":{name: role,…}} document.
func readRoles(data []byte, root, roles decode.Value) (document, error) {
	doc := document{}
	if n := root.Count("roles"); n > 1 {
		return doc, fmt.Errorf("%w: \"roles\" appears %d times", ErrDocument, n)
	}
	if roles.Kind != decode.Object {
		return doc, fmt.Errorf("%w: \"roles\" must be an object mapping role names to roles, found a %s", ErrDocument, roles.Kind)
	}
	if len(roles.Members) == 0 {
		return doc, fmt.Errorf("%w: \"roles\" holds no roles", ErrDocument)
	}
	if cfg, ok := root.Get("config"); ok {
		if n := root.Count("config"); n > 1 {
			return doc, fmt.Errorf("%w: \"config\" appears %d times", ErrDocument, n)
		}
		if cfg.Kind != decode.Object && cfg.Kind != decode.Null {
			return doc, fmt.Errorf("%w: \"config\" must be the auth config object ({\"bound_issuer\":…,\"oidc_discovery_url\":…}), found a %s", ErrDocument, cfg.Kind)
		}
		if cfg.Kind == decode.Object {
			doc.config, _ = unwrap(cfg)
			if isRole(doc.config) {
				return doc, fmt.Errorf("%w: \"config\" holds role fields (%s); roles go under \"roles\"", ErrDocument, policy.KeyList(doc.config))
			}
		}
	}
	for i, m := range roles.Members {
		if m.Duplicate {
			return doc, fmt.Errorf("%w: role %s appears more than once in \"roles\"", ErrDocument, escape.Quoted(policy.Shorten(m.Key, 60)))
		}
		obj := m.Value
		if obj.Kind == decode.Object {
			obj, _ = unwrap(obj)
		}
		line, _ := policy.LineCol(data, m.Offset)
		doc.roles = append(doc.roles, entry{obj: obj, name: m.Key, index: i + 1, line: line})
	}
	return doc, nil
}

// unwrap returns the role or config inside a `vault read -format=json`
// envelope ({"request_id":…,"data":{…}}), and the envelope's "path" when
// it names one; an object with role or config fields of its own is
// returned as it is.
func unwrap(v decode.Value) (decode.Value, string) {
	if isRole(v) || isConfig(v) {
		return v, ""
	}
	data, ok := v.Get("data")
	if !ok || data.Kind != decode.Object || v.Count("data") > 1 {
		return v, ""
	}
	path, _ := v.Str("path")
	return data, path
}

func isRole(v decode.Value) bool {
	if v.Kind != decode.Object {
		return false
	}
	if hasAny(v, roleKeys) {
		return true
	}
	t, ok := v.Str("role_type")
	return ok && (t == "jwt" || t == "oidc")
}

func isConfig(v decode.Value) bool {
	return v.Kind == decode.Object && !isRole(v) && hasAny(v, configKeys)
}

func hasAny(v decode.Value, keys []string) bool {
	for _, k := range keys {
		if _, ok := v.Get(k); ok {
			return true
		}
	}
	return false
}

var rolePath = lazyre.New(`(?:^|/)role/([^/]+)/?$`)

// roleNameFromPath takes the name from auth/<mount>/role/<name>.
func roleNameFromPath(p string) string {
	if m := rolePath().FindStringSubmatch(p); m != nil {
		return m[1]
	}
	return ""
}

// fileRoleName names a role after its file when nothing else does.
func fileRoleName(source string) string {
	base := filepath.Base(source)
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	if name := strings.TrimSuffix(base, filepath.Ext(base)); name != "" && name != "." && name != "-" && name != string(filepath.Separator) {
		return name
	}
	return "role"
}
