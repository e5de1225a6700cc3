package k8s

import (
	"fmt"
	"strings"

	yamlv3 "go.yaml.in/yaml/v3"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// fieldProblems are the strict decoder's complaints, in document order:
// every unknown field (names are case-sensitive) and every field given
// twice in one object, each by its path, as kube-apiserver words them
// ("unknown field "jwt[0].Issuer"", "duplicate field "jwt[1].issuer"").
// It walks the YAML node tree (JSON is YAML), which keeps duplicated keys
// that decoding into a map would merge.
func fieldProblems(data []byte) []string {
	var doc yamlv3.Node
	if err := yamlv3.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
		return nil // the decoder reports the syntax error
	}
	var out []string
	walkFields(doc.Content[0], configSchema, "", &out)
	return out
}

func walkFields(n *yamlv3.Node, s shape, path string, out *[]string) {
	for n.Kind == yamlv3.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	switch {
	case s.kind == "object" && n.Kind == yamlv3.MappingNode:
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, p := n.Content[i].Value, policy.FieldPath(path, n.Content[i].Value)
			sub, known := s.fields[key]
			switch {
			case n.Content[i].Tag == "!!merge":
				// YAML's merge key is resolved before the strict decoder
				// reads the document: the merged mappings' keys are this
				// object's (the ones written here override them).
				walkMerged(n.Content[i+1], s, path, out)
			case !known:
				msg := "unknown field " + escape.Quoted(p)
				if near := caseVariant(s.fields, key); near != "" {
					msg += " (did you mean " + escape.Quoted(near) + "? field names are case-sensitive)"
				}
				*out = append(*out, msg)
			case seen[key]:
				*out = append(*out, "duplicate field "+escape.Quoted(p))
			default:
				walkFields(n.Content[i+1], sub, p, out)
			}
			seen[key] = true
		}
	case s.kind == "objects" && n.Kind == yamlv3.SequenceNode:
		for i, it := range n.Content {
			walkFields(it, object(s.fields), fmt.Sprintf("%s[%d]", path, i), out)
		}
	}
}

// walkMerged checks the mapping, or each mapping of the sequence, that a
// merge key brings in.
func walkMerged(v *yamlv3.Node, s shape, path string, out *[]string) {
	for v.Kind == yamlv3.AliasNode && v.Alias != nil {
		v = v.Alias
	}
	if v.Kind == yamlv3.SequenceNode {
		for _, it := range v.Content {
			walkFields(it, s, path, out)
		}
		return
	}
	walkFields(v, s, path, out)
}

// strictError words the problems as kube-apiserver's strict decoder does.
func strictError(problems []string) error {
	return fmt.Errorf("%w: strict decoding error: %s (kube-apiserver decodes this file strictly and refuses it too)", ErrDocument, strings.Join(problems, ", "))
}
