package publisher

import (
	"bytes"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// RegistryOf reads the `registry:` value of a publisher document, lower
// case, from its content alone (file names are not trusted): a mapping
// with a registry key holding one of the known values. A document that is
// not a mapping, is too large or has no such key is not a publisher
// document.
func RegistryOf(data []byte) (string, bool) {
	if len(data) > maxDocument || !bytes.Contains(data, []byte("registry")) {
		return "", false
	}
	root, err := decodeOne(data)
	if err != nil || root.Kind != yaml.MappingNode {
		return "", false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "registry" && v.Kind == yaml.ScalarNode {
			value := strings.ToLower(v.Value)
			return value, slices.Contains(registries, value)
		}
	}
	return "", false
}
