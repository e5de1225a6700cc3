package policyset

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
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
// else as YAML (which JSON is a part of), with line and column. YAML over
// maxYAMLCheck is not checked.
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

// yamlWhere says where a document the YAML library refused breaks: line
// and column from goccy/go-yaml's parser, which tracks both (the library
// the providers read YAML with reports a line at most), else that
// library's message without its "yaml: " prefix, which leaves the line
// out when the problem is on the first line (said when the first line
// alone fails the same way).
func yamlWhere(d []byte, err error) string {
	if where, ok := yamlPosition(d); ok {
		return where
	}
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

// yamlPosition is "line L, column C: message" for a YAML syntax error, as
// goccy/go-yaml's parser places it; ok is false when it finds none.
func yamlPosition(d []byte) (string, bool) {
	_, err := parser.ParseBytes(d, 0)
	var located interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if err == nil || !errors.As(err, &located) || located.GetToken() == nil || located.GetToken().Position == nil {
		return "", false
	}
	p := located.GetToken().Position
	return fmt.Sprintf("line %d, column %d: %s", p.Line, p.Column, located.GetMessage()), true
}
