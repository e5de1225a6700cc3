package k8s

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// toObject reads YAML or JSON (JSON is YAML) the way kube-apiserver does:
// YAML 1.1 through sigs.k8s.io/yaml, then JSON with numbers kept as text.
// Duplicated keys are not refused here: fieldProblems reports them by
// path, with the unknown fields, as kube-apiserver's strict decoder does.
func toObject(data []byte) (map[string]any, error) {
	j, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(j))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	top, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("the document is %s, not a mapping", kindOf(v))
	}
	return top, nil
}

// decodeConfig reads one AuthenticationConfiguration. Like kube-apiserver's
// strict decoder it refuses values of the wrong type, then unknown
// (field names are case-sensitive) and duplicated fields, and says where.
func decodeConfig(data []byte) (Config, error) {
	top, err := toObject(data)
	if err != nil {
		return Config{}, fmt.Errorf("%w: %v", ErrDocument, err)
	}
	kind, _ := top["kind"].(string)
	if kind != Kind {
		return Config{}, fmt.Errorf("%w: kind is %s, want %s", ErrDocument, escape.Quoted(kind), Kind)
	}
	api, _ := top["apiVersion"].(string)
	group, version, _ := strings.Cut(api, "/")
	if group != Group || !slices.Contains(Versions, version) {
		return Config{}, fmt.Errorf("%w: apiVersion %s: kube-apiserver serves %s as %s/%s", ErrDocument, escape.Quoted(api), Kind, Group, strings.Join(Versions, ", "))
	}
	if err := checkFields(top, configSchema, ""); err != nil {
		return Config{}, fmt.Errorf("%w: %v (kube-apiserver decodes this file strictly and refuses it too)", ErrDocument, err)
	}
	if problems := fieldProblems(data); len(problems) > 0 {
		return Config{}, strictError(problems)
	}
	j, err := json.Marshal(top)
	if err != nil {
		return Config{}, fmt.Errorf("%w: %v", ErrDocument, err)
	}
	var c Config
	if err := json.Unmarshal(j, &c); err != nil { // types were checked above
		return Config{}, fmt.Errorf("%w: %v", ErrDocument, err)
	}
	return c, nil
}

// shape is what the strict decoder expects at one place of the document.
type shape struct {
	kind   string           // "string", "bool", "strings", "object", "objects"
	fields map[string]shape // for object and objects
}

var (
	str     = shape{kind: "string"}
	strs    = shape{kind: "strings"}
	boolean = shape{kind: "bool"}
)

func object(f map[string]shape) shape  { return shape{kind: "object", fields: f} }
func objects(f map[string]shape) shape { return shape{kind: "objects", fields: f} }

var prefixed = object(map[string]shape{"claim": str, "prefix": str, "expression": str})

var configSchema = object(map[string]shape{
	"apiVersion": str,
	"kind":       str,
	"jwt": objects(map[string]shape{
		"issuer": object(map[string]shape{
			"url": str, "discoveryURL": str, "certificateAuthority": str,
			"audiences": strs, "audienceMatchPolicy": str, "egressSelectorType": str,
		}),
		"claimValidationRules": objects(map[string]shape{
			"claim": str, "requiredValue": str, "expression": str, "message": str,
		}),
		"claimMappings": object(map[string]shape{
			"username": prefixed,
			"groups":   prefixed,
			"uid":      object(map[string]shape{"claim": str, "expression": str}),
			"extra":    objects(map[string]shape{"key": str, "valueExpression": str}),
		}),
		"userValidationRules": objects(map[string]shape{"expression": str, "message": str}),
	}),
	"anonymous": object(map[string]shape{
		"enabled":    boolean,
		"conditions": objects(map[string]shape{"path": str}),
	}),
})

// checkFields walks v against s for values of the wrong type, which the
// decoder refuses before any strict check. null is accepted anywhere (it decodes to
// the zero value, as in Kubernetes).
func checkFields(v any, s shape, path string) error {
	if v == nil {
		return nil
	}
	switch s.kind {
	case "string":
		if _, ok := v.(string); !ok {
			hint := ""
			if n, isNum := v.(json.Number); isNum {
				hint = fmt.Sprintf(" (quote it: \"%s\")", n)
			} else if b, isBool := v.(bool); isBool {
				hint = fmt.Sprintf(" (YAML 1.1 reads unquoted yes/no/on/off/true/false as booleans; quote it if you meant the string: this one decoded as %v)", b)
			}
			return fmt.Errorf("%s: want a string, got %s%s", path, kindOf(v), hint)
		}
	case "bool":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want a boolean, got %s", path, kindOf(v))
		}
	case "strings":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want a list of strings, got %s", path, kindOf(v))
		}
		for i, it := range list {
			if err := checkFields(it, str, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case "objects":
		list, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want a list, got %s", path, kindOf(v))
		}
		for i, it := range list {
			if err := checkFields(it, object(s.fields), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case "object":
		m, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want a mapping, got %s", orTop(path), kindOf(v))
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			sub, known := s.fields[k]
			p := policy.FieldPath(path, k)
			if !known {
				continue // fieldProblems reports every unknown field
			}
			if err := checkFields(m[k], sub, p); err != nil {
				return err
			}
		}
	}
	return nil
}

func caseVariant(fields map[string]shape, k string) string {
	for f := range fields {
		if strings.EqualFold(f, k) {
			return f
		}
	}
	return ""
}

func orTop(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

func kindOf(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number:
		return "the number " + x.String()
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}
