package publisher

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/closest"
	"github.com/oidcscope/oidcscope/policy"
)

// ErrUnreadable is wrapped by every error Parse returns.
var ErrUnreadable = errors.New("not a readable publisher document")

// maxDocument caps a publisher document: a publisher is a dozen short
// lines.
const maxDocument = 256 << 10

// ParseError says what is wrong and where; its Kind is ErrUnreadable.
type ParseError = policy.DocumentError

// Parse reads a publisher document, JSON or YAML. Unknown keys, values of
// the wrong shape, an unknown registry, YAML anchors and a second document
// are errors naming the line and column; keys the named registry does not
// use are left to lint.
func Parse(data []byte) (Document, error) {
	var doc Document
	data = policy.TrimBOM(data)
	if len(data) > maxDocument {
		return doc, &ParseError{Kind: ErrUnreadable, Msg: fmt.Sprintf("the document is %d bytes; a publisher document is at most %d", len(data), maxDocument)}
	}
	if t := bytes.TrimSpace(data); len(t) > 0 && (t[0] == '{' || t[0] == '[') {
		// JSON: its own reader names the line and column of a syntax error.
		if _, err := policy.ReadJSON(data); err != nil {
			return doc, &ParseError{Kind: ErrUnreadable, Msg: "JSON: " + err.Error(), Cause: err}
		}
	}
	root, err := decodeOne(data)
	if err != nil {
		return doc, err
	}
	if root.Kind != yaml.MappingNode {
		return doc, &ParseError{Kind: ErrUnreadable, Line: root.Line, Column: root.Column, Msg: "the document is " + kindName(root) + ", not a mapping of registry, owner, repository, … to values"}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if first, dup := seen[k.Value]; dup && k.Kind == yaml.ScalarNode {
			// A YAML node tree keeps both; which one a reader takes differs.
			return doc, &ParseError{Kind: ErrUnreadable, Line: k.Line, Column: k.Column, Msg: fmt.Sprintf("key %s given twice (first at line %d): say it once", escape.Quoted(policy.Shorten(k.Value, 60)), first)}
		}
		seen[k.Value] = k.Line
		if err := doc.set(k, root.Content[i+1]); err != nil {
			return doc, err
		}
	}
	if !doc.Has("registry") {
		return doc, &ParseError{Kind: ErrUnreadable, Line: root.Line, Column: root.Column, Msg: "no registry key: a publisher document names its registry (" + strings.Join(registries, ", ") + ")"}
	}
	return doc, nil
}

// decodeOne decodes the one YAML document data holds.
func decodeOne(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var top yaml.Node
	if err := dec.Decode(&top); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &ParseError{Kind: ErrUnreadable, Msg: "the document is empty"}
		}
		return nil, &ParseError{Kind: ErrUnreadable, Msg: "YAML: " + strings.TrimPrefix(err.Error(), "yaml: "), Cause: err}
	}
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		line := second.Line
		return nil, &ParseError{Kind: ErrUnreadable, Line: line, Msg: "the file holds more than one YAML document: one publisher per document", Cause: err}
	}
	if top.Kind == yaml.DocumentNode && len(top.Content) == 1 {
		return top.Content[0], nil
	}
	return &top, nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a single value"
	}
	return "empty"
}

// set stores one key of the document.
func (d *Document) set(k, v *yaml.Node) error {
	if k.Kind != yaml.ScalarNode || k.Tag == "!!null" {
		return &ParseError{Kind: ErrUnreadable, Line: k.Line, Column: k.Column, Msg: "a key must be a plain name"}
	}
	name := k.Value
	if !isDocumentKey(name) {
		msg := "unknown key " + escape.Quoted(policy.Shorten(name, 60))
		if near := closest.Match(name, documentKeys, 4); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return &ParseError{Kind: ErrUnreadable, Line: k.Line, Column: k.Column, Msg: msg + "; a publisher document has " + strings.Join(documentKeys, ", ")}
	}
	if v.Kind == yaml.AliasNode || v.Anchor != "" {
		return &ParseError{Kind: ErrUnreadable, Line: v.Line, Column: v.Column, Msg: name + ": YAML anchors and aliases are not read in a publisher document; write the value"}
	}
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil // null: not set, as the registries' APIs take it
	}
	if name == "events" {
		return d.setEvents(k, v)
	}
	if v.Kind != yaml.ScalarNode {
		return &ParseError{Kind: ErrUnreadable, Line: v.Line, Column: v.Column, Msg: fmt.Sprintf("%s: %s where a single value goes", name, kindName(v))}
	}
	value := v.Value
	if name == "registry" {
		value = strings.ToLower(value)
		if !slices.Contains(registries, value) {
			msg := "registry " + escape.Quoted(policy.Shorten(v.Value, 60)) + " is not one oidcscope knows"
			if near := closest.Match(value, registries, 4); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			return &ParseError{Kind: ErrUnreadable, Line: v.Line, Column: v.Column, Msg: msg + "; known: " + strings.Join(registries, ", ")}
		}
	}
	*d.stringField(name) = value
	d.keys = append(d.keys, Key{Name: name, Line: k.Line, Column: k.Column})
	return nil
}

func (d *Document) setEvents(k, v *yaml.Node) error {
	switch v.Kind {
	case yaml.ScalarNode:
		d.Events = []string{v.Value}
	case yaml.SequenceNode:
		for _, it := range v.Content {
			if it.Kind != yaml.ScalarNode || it.Tag == "!!null" || it.Anchor != "" {
				return &ParseError{Kind: ErrUnreadable, Line: it.Line, Column: it.Column, Msg: "events: each event is a single name, such as push"}
			}
			d.Events = append(d.Events, it.Value)
		}
	default:
		return &ParseError{Kind: ErrUnreadable, Line: v.Line, Column: v.Column, Msg: "events: " + kindName(v) + " where a list of event names goes"}
	}
	d.keys = append(d.keys, Key{Name: "events", Line: k.Line, Column: k.Column})
	return nil
}

func isDocumentKey(name string) bool { return slices.Contains(documentKeys, name) }
