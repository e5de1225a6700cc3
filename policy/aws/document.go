package aws

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Errors wrapped by Parse, so callers can tell them apart with errors.Is.
var (
	// ErrNotAWS is returned for JSON that is none of the shapes read here.
	ErrNotAWS = errors.New("not an AWS role trust policy, `aws iam get-role` or `aws iam list-roles` output")
	// ErrMalformed is returned for a document whose structure is wrong.
	ErrMalformed = errors.New("malformed trust policy")
)

// Parse reads a role trust policy document ({"Version","Statement"}),
// `aws iam get-role` output ({"Role":{…}}), `aws iam list-roles` output
// ({"Roles":[…]}, one policy per role, source#index), a bare role object or
// an array of roles (`--query Role` / `--query Roles`). A role's
// AssumeRolePolicyDocument may be an object (as the CLI prints it) or a
// URL-encoded JSON string (as the IAM API and some SDKs return it).
//
// A list whose role cannot be read keeps that role as a policy that
// evaluates to an error; a single document that cannot be read is an error.
// A document past the caps (limits.go) is an ErrTooLarge error, a role
// past the per-policy cap one such role.
func (prov provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	data = policy.TrimBOM(data)
	b := newBudget(prov.limits)
	if err := b.decode(data); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	loc := newLocator(data)
	root, err := readJSON(data, loc)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if root.Kind == decode.Array {
		return parseRoles(source, root, "", loc, b)
	}
	if root.Kind != decode.Object {
		return nil, fmt.Errorf("%s: %w: the document is a JSON %s", source, ErrNotAWS, root.Kind)
	}
	switch {
	case has(root, "Roles"):
		roles, _ := root.Get("Roles")
		if roles.Kind != decode.Array {
			return nil, fmt.Errorf("%s: %w: Roles at %s is a %s, not an array", source, ErrMalformed, loc.at(offset(root, "Roles")), roles.Kind)
		}
		return parseRoles(source, roles, "Roles", loc, b)
	case has(root, "Role"):
		role, _ := root.Get("Role")
		if role.Kind != decode.Object {
			return nil, fmt.Errorf("%s: %w: Role at %s is a %s, not an object", source, ErrMalformed, loc.at(offset(root, "Role")), role.Kind)
		}
		p, err := parseRole(source, source, role, "Role", loc, b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		return []policy.Policy{p}, nil
	case has(root, "Statement"):
		p, err := compileDocument(source, source, root, "", loc, b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		return []policy.Policy{p}, nil
	case has(root, "AssumeRolePolicyDocument"):
		p, err := parseRole(source, source, root, "", loc, b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		return []policy.Policy{p}, nil
	}
	return nil, fmt.Errorf("%s: %w: no Statement, Role, Roles or AssumeRolePolicyDocument member", source, ErrNotAWS)
}

// readJSON decodes data; duplicate keys and invalid UTF-8 are not fatal
// (duplicates are linted where they matter).
func readJSON(data []byte, loc *locator) (decode.Value, error) {
	v, errs := decode.ParseJSON("policy", data)
	for _, e := range errs {
		if errors.Is(e, decode.ErrDuplicateKey) || errors.Is(e, decode.ErrInvalidUTF8) {
			continue
		}
		return v, fmt.Errorf("%s: %w", loc.at(e.Offset), e)
	}
	return v, nil
}

func parseRoles(source string, roles decode.Value, path string, loc *locator, b *budget) ([]policy.Policy, error) {
	if len(roles.Items) == 0 {
		return nil, fmt.Errorf("%s: %w: the list of roles is empty", source, ErrMalformed)
	}
	if err := b.preview(roles); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	out := make([]policy.Policy, 0, len(roles.Items))
	for i, role := range roles.Items {
		src := source + "#" + strconv.Itoa(i)
		rpath := path + "[" + strconv.Itoa(i) + "]"
		name := roleName(role, rpath)
		if role.Kind != decode.Object {
			out = append(out, brokenPolicy(src, name, fmt.Errorf("%w: %s is a %s, not a role object", ErrMalformed, rpath, role.Kind)))
			continue
		}
		p, err := parseRole(src, name, role, rpath, loc, b)
		if wholeLimit(err) {
			return nil, fmt.Errorf("%s: %w", source, err)
		}
		if err != nil {
			out = append(out, brokenPolicy(src, name, err))
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// parseRole compiles the AssumeRolePolicyDocument of one role object.
func parseRole(source, fallbackName string, role decode.Value, path string, loc *locator, b *budget) (*trustPolicy, error) {
	name := roleName(role, fallbackName)
	docPath := policy.FieldPath(path, "AssumeRolePolicyDocument")
	doc, ok := role.Get("AssumeRolePolicyDocument")
	if !ok {
		return nil, fmt.Errorf("%w: %s has no AssumeRolePolicyDocument", ErrMalformed, orRoot(path))
	}
	docOff := offset(role, "AssumeRolePolicyDocument")
	switch doc.Kind {
	case decode.Object:
		return compileDocument(source, name, doc, docPath, loc, b)
	case decode.String:
		text := doc.Text
		if !strings.HasPrefix(strings.TrimSpace(text), "{") {
			dec, err := url.QueryUnescape(text)
			if err != nil {
				return nil, fmt.Errorf("%w: %s at %s is a string but not URL-encoded JSON: %w", ErrMalformed, docPath, loc.at(docOff), err)
			}
			text = dec
		}
		raw := []byte(text)
		if err := b.decode(raw); err != nil {
			return nil, err
		}
		inner := loc.embedded(raw, docPath, docOff)
		v, err := readJSON(raw, inner)
		if err != nil {
			return nil, fmt.Errorf("%w: %s is not JSON: %w", ErrMalformed, docPath, err)
		}
		if v.Kind != decode.Object {
			return nil, fmt.Errorf("%w: %s decodes to a JSON %s, not a policy object", ErrMalformed, docPath, v.Kind)
		}
		return compileDocument(source, name, v, docPath, inner, b)
	}
	return nil, fmt.Errorf("%w: %s at %s must be an object or a URL-encoded JSON string, not a %s", ErrMalformed, docPath, loc.at(docOff), doc.Kind)
}

// roleName is the role's ARN, else its RoleName, else fallback.
func roleName(role decode.Value, fallback string) string {
	if s, ok := role.Str("Arn"); ok && s != "" {
		return s
	}
	if s, ok := role.Str("RoleName"); ok && s != "" {
		return s
	}
	return fallback
}

func has(v decode.Value, key string) bool { _, ok := v.Get(key); return ok }

// offset is the byte offset of member key in object v (0 when absent).
func offset(v decode.Value, key string) int64 {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Offset
		}
	}
	return 0
}

func orRoot(path string) string {
	if path == "" {
		return "the role"
	}
	return path
}

// compact renders a policy value as written (without its whitespace):
// member order, duplicates and number literals as decoded.
func compact(v decode.Value) string {
	b, err := v.MarshalJSON()
	if err != nil {
		return "(unprintable)"
	}
	return string(b)
}

// quote renders a string as JSON, for an expression or a snippet (the
// document's own syntax); a message quotes a value raw (escape.Quoted), as
// every view escapes it once. Policy strings are nearly always plain
// printable ASCII, which needs no escaping; anything else goes through the
// JSON encoder (no HTML escaping).
func quote(s string) string {
	if !escape.Verbatim(s) {
		b, err := decode.Value{Kind: decode.String, Text: s}.MarshalJSON()
		if err != nil {
			return `"(unprintable)"`
		}
		return string(b)
	}
	return `"` + s + `"`
}
