package gcp

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// maxDetectYAML caps the YAML Detect will parse: a provider is a few
// hundred bytes, a `providers list` a few kilobytes.
const maxDetectYAML = 256 << 10

// document is a read policy document: its JSON value and how to say where
// something is in it.
type document struct {
	root decode.Value
	loc  locator
}

// locator turns byte offsets of the JSON text into line and column. YAML
// documents are converted to JSON first, so their offsets say nothing
// about the file: there, only field paths are given.
type locator struct {
	data []byte
	yaml bool
}

// at names a field: its path and, for JSON, its line.
func (l locator) at(path string, off int64) string {
	if path == "" {
		path = "document"
	}
	if l.yaml || off < 0 || off > int64(len(l.data)) {
		return path
	}
	line, _ := lineCol(l.data, off)
	return fmt.Sprintf("%s (line %d)", path, line)
}

func lineCol(data []byte, off int64) (int, int) {
	off = min(max(off, 0), int64(len(data)))
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

func trimDoc(data []byte) []byte {
	return bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
}

func isJSON(d []byte) bool { return len(d) > 0 && (d[0] == '{' || d[0] == '[') }

// read decodes a JSON document (keeping member order, duplicates and
// offsets) or a YAML one (gcloud's default output format).
func read(data []byte) (document, error) {
	d := trimDoc(data)
	if len(d) == 0 {
		return document{}, fmt.Errorf("%w: the document is empty", ErrDocument)
	}
	loc := locator{data: d}
	if !isJSON(d) {
		j, err := yamlToJSON(d)
		if err != nil {
			return document{}, err
		}
		d, loc = j, locator{data: j, yaml: true}
	}
	v, errs := decode.ParseJSON("document", d)
	for _, e := range errs {
		if errors.Is(e, decode.ErrDuplicateKey) || errors.Is(e, decode.ErrInvalidUTF8) {
			continue // a duplicated field is reported where it matters
		}
		detail := e.Cause.Error()
		if e.Detail != "" {
			detail += ": " + e.Detail
		}
		if loc.yaml {
			return document{}, fmt.Errorf("%w: %s: %w", ErrDocument, detail, e)
		}
		line, col := lineCol(d, e.Offset)
		return document{}, fmt.Errorf("%w: %s at line %d, column %d: %w", ErrDocument, detail, line, col, e)
	}
	return document{root: v, loc: loc}, nil
}

var yamlSeparator = lazyre.New(`(?m)^---[ \t]*\r?$`)

// yamlToJSON converts YAML to JSON. Several documents separated by ---
// (gcloud's YAML output for a list) become a JSON list.
func yamlToJSON(d []byte) ([]byte, error) {
	var docs [][]byte
	for i, part := range yamlSeparator().Split(string(d), -1) {
		if strings.TrimSpace(part) == "" {
			continue
		}
		j, err := yaml.YAMLToJSON([]byte(part))
		if err != nil {
			return nil, fmt.Errorf("%w: not JSON, and not YAML either (YAML document %d): %w", ErrDocument, i+1, err)
		}
		if string(j) != "null" {
			docs = append(docs, j)
		}
	}
	switch len(docs) {
	case 0:
		return nil, fmt.Errorf("%w: the YAML holds no document", ErrDocument)
	case 1:
		return docs[0], nil
	}
	return append(append([]byte("["), bytes.Join(docs, []byte(","))...), ']'), nil
}

// Detect reports whether data is a workload identity pool provider
// document: a provider as `gcloud iam workload-identity-pools providers
// describe` prints it (JSON or YAML), a list of them, or an envelope
// {"provider": …, "members"/"bindings": …}. A byte search rules out other
// providers' documents before anything is parsed; JSON that is broken but
// names attributeMapping and oidc is claimed, so that Parse says where it
// is broken.
func (provider) Detect(data []byte) bool {
	d := trimDoc(data)
	if len(d) == 0 || !gcpinfo.Mentions(d) {
		return false
	}
	if !isJSON(d) && len(d) > maxDetectYAML {
		return false
	}
	doc, err := read(d)
	if err != nil {
		return isJSON(d) && bytes.Contains(d, []byte(`"attributeMapping"`)) && bytes.Contains(d, []byte(`"oidc"`))
	}
	return hasProvider(doc.root)
}

func hasProvider(v decode.Value) bool {
	switch v.Kind {
	case decode.Object:
		if isProvider(v) {
			return true
		}
		for _, key := range []string{"provider", "providers", "workloadIdentityPoolProviders"} {
			if inner, ok := v.Get(key); ok && (isProvider(inner) || inner.Kind == decode.Array && anyProvider(inner.Items)) {
				return true
			}
		}
	case decode.Array:
		return anyProvider(v.Items)
	}
	return false
}

func anyProvider(items []decode.Value) bool {
	for _, it := range items {
		if it.Kind == decode.Object && hasProvider(it) {
			return true
		}
	}
	return false
}

// isProvider: an object with a provider's attributeMapping, an oidc block
// with issuerUri, or a provider resource name.
func isProvider(v decode.Value) bool {
	if v.Kind != decode.Object {
		return false
	}
	if m, ok := v.Get("attributeMapping"); ok && m.Kind == decode.Object {
		return true
	}
	if o, ok := v.Get("oidc"); ok && o.Kind == decode.Object {
		if _, ok := o.Get("issuerUri"); ok {
			return true
		}
	}
	name, _ := v.Str("name")
	_, ok := gcpinfo.ParseResource(name)
	return ok
}

// entry is one provider found in a document, with the IAM members the
// document attaches to it.
type entry struct {
	obj      decode.Value
	path     string // field path of the provider ("" for a lone provider)
	index    int    // 1-based position among the document's providers
	members  []memberRef
	problems []string // of the envelope, shared by its providers
}

// memberRef is one IAM member as written in the document.
type memberRef struct {
	text  string
	group string // e.g. "binding roles/iam.workloadIdentityUser"
	field string // where, for messages
	cond  string // the binding's IAM condition title/expression, if any
}

// entries finds the providers of a document.
func entries(doc document) ([]entry, error) {
	root := doc.root
	var out []entry
	switch root.Kind {
	case decode.Object:
		switch {
		case isProvider(root):
			out = append(out, entry{obj: root})
		case has(root, "provider") || has(root, "providers"):
			env, err := envelope(doc.loc, root)
			if err != nil {
				return nil, err
			}
			out = env
		case has(root, "workloadIdentityPoolProviders"):
			list, _ := root.Get("workloadIdentityPoolProviders")
			if list.Kind != decode.Array {
				return nil, fmt.Errorf("%w: %s is not a list", ErrDocument, doc.loc.at("workloadIdentityPoolProviders", offsetOf(root, "workloadIdentityPoolProviders")))
			}
			out = listEntries(doc.loc, list.Items, "workloadIdentityPoolProviders")
		default:
			return nil, fmt.Errorf("%w: no provider found: expected a provider object (name, attributeMapping, oidc.issuerUri, as `gcloud iam workload-identity-pools providers describe --format=json` prints it), a list of them, or {\"provider\": {…}, \"members\": […]}", ErrDocument)
		}
	case decode.Array:
		out = listEntries(doc.loc, root.Items, "")
	default:
		return nil, fmt.Errorf("%w: the document is a %s, not a provider object or a list of providers", ErrDocument, root.Kind)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: the list of providers is empty", ErrDocument)
	}
	for i := range out {
		out[i].index = i + 1
	}
	return out, nil
}

func has(v decode.Value, key string) bool { _, ok := v.Get(key); return ok }

func offsetOf(v decode.Value, key string) int64 {
	for _, m := range v.Members {
		if m.Key == key {
			return m.Offset
		}
	}
	return -1
}

func listEntries(loc locator, items []decode.Value, path string) []entry {
	out := make([]entry, 0, len(items))
	for i, it := range items {
		p := path + "[" + strconv.Itoa(i) + "]"
		if it.Kind == decode.Object && !isProvider(it) && (has(it, "provider") || has(it, "providers")) {
			// An envelope inside a list: its providers, with its members.
			sub, err := envelope(loc, it)
			if err != nil {
				out = append(out, entry{obj: it, path: p, problems: []string{err.Error()}})
				continue
			}
			for _, e := range sub {
				e.path = p + "." + e.path
				out = append(out, e)
			}
			continue
		}
		out = append(out, entry{obj: it, path: p})
	}
	return out
}
