package entra

import (
	"bytes"
	"fmt"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
)

// The documents Entra tooling produces, all JSON:
//
//   - one credential, as Graph returns it or as `az … federated-credential
//     create --parameters` takes it: {"name","issuer","subject","audiences",
//     …}, or with "claimsMatchingExpression" instead of "subject";
//   - a Graph or ARM list response: {"@odata.context":…, "value":[…]};
//   - `az ad app federated-credential list` and `az identity
//     federated-credential list` output: a JSON array of credentials;
//   - ARM resources (az rest on a user-assigned managed identity), whose
//     fields sit under "properties": {"name","id","properties":{"issuer",…}}.

// entry is one credential object found in a document.
type entry struct {
	outer decode.Value // the object in the document
	props decode.Value // its ARM "properties" object, Kind Null when flattened
	index int          // 1-based position in the document
	line  int          // line of the object's first key, 0 when unknown
	shape string       // what the item is when it is not an object ("" when it is)
}

// Detect recognises Entra credential documents by content: a credential
// object, a {"value":[…]} list of them, or an array of them. JSON that
// does not parse is claimed only when it names the fields every
// credential has, so that Parse can say where it breaks.
func (provider) Detect(data []byte) bool {
	trimmed := bytes.TrimLeft(policy.TrimBOM(data), " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' && trimmed[0] != '[' {
		return false
	}
	// Every credential names these fields; checking the bytes first keeps
	// Detect cheap on other providers' (possibly large) documents.
	if !bytes.Contains(trimmed, []byte(`"issuer"`)) || !bytes.Contains(trimmed, []byte(`"audiences"`)) ||
		!bytes.Contains(trimmed, []byte(`"subject"`)) && !bytes.Contains(trimmed, []byte(`"claimsMatchingExpression"`)) {
		return false
	}
	root, err := policy.ReadJSON(trimmed)
	if err != nil {
		return true // shaped like a credential but broken: Parse says where
	}
	switch root.Kind {
	case decode.Object:
		if isCredential(root) {
			return true
		}
		list, ok := root.Get("value")
		return ok && list.Kind == decode.Array && anyCredential(list.Items)
	case decode.Array:
		for _, it := range root.Items {
			if it.Kind != decode.Object {
				return false
			}
		}
		return anyCredential(root.Items)
	}
	return false
}

func anyCredential(items []decode.Value) bool {
	for _, it := range items {
		if isCredential(it) {
			return true
		}
	}
	return false
}

// isCredential reports whether an object has a credential's fields, at its
// top level or under ARM's "properties".
func isCredential(v decode.Value) bool {
	if v.Kind != decode.Object {
		return false
	}
	if hasCredentialFields(v) {
		return true
	}
	props, ok := v.Get("properties")
	return ok && hasCredentialFields(props)
}

// hasCredentialFields needs no check of v's kind: only an object has
// members to Get.
func hasCredentialFields(v decode.Value) bool {
	_, iss := v.Get("issuer")
	_, aud := v.Get("audiences")
	_, sub := v.Get("subject")
	_, expr := v.Get("claimsMatchingExpression")
	return iss && aud && (sub || expr)
}

// entries decodes a document and finds its credential objects.
func entries(data []byte) ([]entry, error) {
	root, err := policy.ReadJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrDocument, err)
	}
	var items []decode.Value
	switch root.Kind {
	case decode.Object:
		if isCredential(root) {
			items = []decode.Value{root}
			break
		}
		list, ok := root.Get("value")
		if !ok || list.Kind != decode.Array {
			return nil, fmt.Errorf(`%w: expected a federated identity credential {"name","issuer","subject" or "claimsMatchingExpression","audiences"}, a list response {"value":[…]} or an array of credentials; this object has none of their fields (keys: %s)`, ErrDocument, policy.KeyList(root))
		}
		items = list.Items
	case decode.Array:
		items = root.Items
	default:
		return nil, fmt.Errorf("%w: expected a JSON object or array, found a %s", ErrDocument, root.Kind)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("%w: the list holds no federated identity credentials", ErrDocument)
	}
	out := make([]entry, len(items))
	for i, it := range items {
		e := entry{outer: it, index: i + 1}
		if it.Kind != decode.Object {
			e.shape = it.Kind.String()
		} else {
			e.line = policy.FirstLine(data, it)
			if p, ok := it.Get("properties"); ok && p.Kind == decode.Object && !hasCredentialFields(it) {
				e.props = p
			}
		}
		out[i] = e
	}
	return out, nil
}

// member finds a field of the credential: under "properties" for ARM
// resources, else at the top. n counts how often the key appears there.
func (e entry) member(key string) (m decode.Member, n int) {
	obj := e.outer
	if e.props.Kind == decode.Object && e.props.Count(key) > 0 {
		obj = e.props
	}
	for _, mm := range obj.Members {
		if mm.Key == key {
			if n == 0 {
				m = mm
			}
			n++
		}
	}
	return m, n
}
