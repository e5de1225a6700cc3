package octosts

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// ErrUnreadable is wrapped by every error Parse returns: octo-sts itself
// would answer "unable to parse trust policy" for such a file.
var ErrUnreadable = errors.New("not a readable octo-sts trust policy")

// document is a trust policy as written: octo-sts's TrustPolicy plus the
// repositories list of its OrgTrustPolicy. Permissions is a map, checked
// against go-github's list after decoding (checkPermissions), so that the
// error names the permission and its near miss; a null value stays nil.
type document struct {
	Issuer          string             `json:"issuer,omitempty"`
	IssuerPattern   string             `json:"issuer_pattern,omitempty"`
	Subject         string             `json:"subject,omitempty"`
	SubjectPattern  string             `json:"subject_pattern,omitempty"`
	Audience        string             `json:"audience,omitempty"`
	AudiencePattern string             `json:"audience_pattern,omitempty"`
	ClaimPattern    map[string]string  `json:"claim_pattern,omitempty"`
	Permissions     map[string]*string `json:"permissions,omitempty"`
	Repositories    []string           `json:"repositories,omitempty"`

	unquoted []unquotedScalar // numbers and booleans where strings go (scalars.go)
}

// Parse reads one .sts.yaml (or its JSON form) strictly, as octo-sts does
// with sigs.k8s.io/yaml.UnmarshalStrict, and compiles it. A policy that
// octo-sts's Compile would refuse is still returned; it evaluates to an
// Error verdict saying why.
func (p *Provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	doc, err := readDocument(data)
	if err != nil {
		return nil, err
	}
	return []policy.Policy{compile(source, identity(source), doc, p.domain(), p.Anchoring)}, nil
}

// identity is the name octo-sts is asked for (?identity=…): the file name
// without .sts.yaml.
func identity(source string) string {
	base := path.Base(strings.ReplaceAll(source, `\`, "/"))
	for _, ext := range []string{".sts.yaml", ".sts.yml", ".sts.json"} {
		if strings.HasSuffix(base, ext) && len(base) > len(ext) {
			return strings.TrimSuffix(base, ext)
		}
	}
	return base
}

var (
	unknownField = lazyre.New(`unknown field ("(?:[^"\\]|\\.)*")`)
	yamlLine     = lazyre.New(`line (\d+): (.*)`)
	typeError    = lazyre.New(`cannot unmarshal (\w+) into Go (?:struct field document\.(\S+)|value) of type (\S+)`)
)

func readDocument(data []byte) (document, error) {
	var doc document
	if len(bytes.TrimSpace(stripComments(data))) == 0 {
		return doc, &policy.DocumentError{Kind: ErrUnreadable, Msg: "the document is empty"}
	}
	if err := yaml.UnmarshalStrict(data, &doc); err != nil {
		return doc, explain(data, err)
	}
	if err := checkPermissions(data, doc.Permissions); err != nil {
		return doc, err
	}
	doc.unquoted = unquotedScalars(data)
	if len(doc.Repositories) > 0 && len(doc.unquoted) > 0 {
		return doc, orgPolicyError(data, doc.unquoted)
	}
	return doc, nil
}

// explain turns a decoder error into what and where.
func explain(data []byte, err error) error {
	text := err.Error()
	if m := unknownField().FindStringSubmatch(text); m != nil {
		key := unquoteField(m[1])
		msg := "unknown field " + escape.Quoted(key) + ": octo-sts reads trust policies strictly and refuses the whole file"
		switch key {
		case "app", "app_pattern":
			msg += " (newer octo-sts releases accept app and app_pattern; octo-sts/app @cb87fc17 does not)"
		default:
			if near := closestKey(key); near != "" {
				msg += " (did you mean " + escape.Quoted(near) + "?)"
			}
		}
		return &policy.DocumentError{Kind: ErrUnreadable, Line: keyLine(data, key, 0), Msg: msg, Cause: err}
	}
	if m := typeError().FindStringSubmatch(text); m != nil {
		if m[2] == "" {
			return &policy.DocumentError{Kind: ErrUnreadable, Msg: fmt.Sprintf("the document is a %s, not a mapping of issuer, subject, … to values", yamlKind(m[1])), Cause: err}
		}
		field := m[2] // issuer, subject, …, claim_pattern (encoding/json names no map key)
		line := 0
		for _, part := range strings.Split(field, ".") {
			line = keyLine(data, part, line)
		}
		return &policy.DocumentError{Kind: ErrUnreadable, Line: line, Msg: fmt.Sprintf("%s: a %s where octo-sts expects %s", field, yamlKind(m[1]), goKind(m[3])), Cause: err}
	}
	if m := yamlLine().FindStringSubmatch(text); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &policy.DocumentError{Kind: ErrUnreadable, Line: n, Msg: "YAML: " + m[2], Cause: err}
	}
	return &policy.DocumentError{Kind: ErrUnreadable, Msg: text, Cause: err}
}

func yamlKind(jsonKind string) string {
	switch jsonKind {
	case "array":
		return "list"
	case "object":
		return "mapping"
	case "bool":
		return "boolean"
	}
	return jsonKind
}

func goKind(t string) string {
	switch {
	case t == "string":
		return "a string"
	case strings.HasPrefix(t, "map["):
		return "a mapping of names to strings"
	case strings.HasPrefix(t, "[]"):
		return "a list of strings"
	}
	return t
}

// keyLine finds the 1-based line of a key at or after line from (a
// nested key is looked for after its parent), 0 when it cannot.
func keyLine(data []byte, key string, from int) int {
	start := 0
	for n := 1; n < from && start < len(data); n++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			break
		}
		start += i + 1
	}
	q := regexp.QuoteMeta(key)
	for _, re := range []string{`(?m)^[ \t]*["']?` + q + `["']?[ \t]*:`, `["']?` + q + `["']?[ \t]*:`} {
		if loc := regexp.MustCompile(re).FindIndex(data[start:]); loc != nil {
			return bytes.Count(data[:start+loc[0]], []byte("\n")) + 1
		}
	}
	return from
}

// stripComments drops YAML comment lines, to tell an empty file from one
// with only a licence header.
func stripComments(data []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			out = append(out, t...)
		}
	}
	return out
}
