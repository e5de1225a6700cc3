package policyset

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/policy"
)

// maxYAMLCheck caps the YAML documents whose syntax is checked, as the
// YAML providers cap what they detect (256 KiB): a policy is kilobytes,
// and a larger YAML file no provider recognised (a lock file beside the
// policies) is taken as well-formed rather than parsed for seconds.
const maxYAMLCheck = 256 << 10

// errSyntax is wrapped by syntaxError: the document is not even valid
// JSON or YAML, so no provider could tell whether it is theirs.
var errSyntax = errors.New("not valid")

// syntaxError says where a document no provider recognised breaks, or
// nil when it is well-formed (some other file: a package.json, a
// workflow). A .json file is read as JSON, with line and column; anything
// else as YAML (which JSON is a part of), with the line the YAML library
// gives: it reports no column. YAML over maxYAMLCheck is not checked.
func syntaxError(source string, data []byte) error {
	d := policy.TrimBOM(data)
	if strings.EqualFold(filepath.Ext(source), ".json") {
		if _, err := policy.ReadJSON(d); err != nil {
			return fmt.Errorf("%w JSON: %w", errSyntax, err)
		}
		return nil
	}
	if len(d) > maxYAMLCheck {
		return nil
	}
	if _, err := yaml.YAMLToJSON(d); err != nil {
		return fmt.Errorf("%w YAML: %s", errSyntax, yamlWhere(d, err))
	}
	return nil
}

// yamlWhere is the YAML library's message without its "yaml: " prefix.
// The library leaves the line out when the problem is on the first line;
// that is said when the first line alone fails the same way.
func yamlWhere(d []byte, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if strings.HasPrefix(msg, "line ") {
		return msg
	}
	first, _, _ := bytes.Cut(d, []byte("\n"))
	if _, ferr := yaml.YAMLToJSON(first); ferr != nil && ferr.Error() == err.Error() {
		return "line 1: " + msg
	}
	return msg
}
