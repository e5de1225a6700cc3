package octosts

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// unquotedScalar is a YAML number or boolean written where octo-sts
// expects a string: an issuer, subject or audience field, a claim_pattern
// or a permissions value.
type unquotedScalar struct {
	key  string // issuer, claim_pattern.repository_id, permissions.contents, …
	text string // as JSON: 74, true
}

// Why they matter: sigs.k8s.io/yaml (v1.6.0, yaml.go convertToJSONableObject)
// turns a number or boolean into a string only when it can see that the
// target field is a string, and it follows only fields declared directly
// on the type. A repository's policy is decoded into TrustPolicy, where it
// can; the organization's policy (the .github repository) into
// OrgTrustPolicy, which embeds TrustPolicy, where it cannot, so the strict
// JSON decoding then refuses the whole file (octo-sts/app @cb87fc17
// pkg/octosts/octosts.go lookupTrustPolicy: "unable to parse trust policy").

var stringFields = []string{"issuer", "issuer_pattern", "subject", "subject_pattern", "audience", "audience_pattern"}

// unquotedScalars lists them in key order; nil when the YAML cannot be
// read without a target (then UnmarshalStrict has said why).
func unquotedScalars(data []byte) []unquotedScalar {
	j, err := yaml.YAMLToJSON(data)
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(j))
	dec.UseNumber()
	var top map[string]any
	if dec.Decode(&top) != nil {
		return nil
	}
	var out []unquotedScalar
	for k, v := range top {
		field := policyField(k)
		switch {
		case field == "claim_pattern" || field == "permissions":
			m, _ := v.(map[string]any)
			for name, val := range m {
				if text, ok := nonString(val); ok {
					out = append(out, unquotedScalar{key: field + "." + name, text: text})
				}
			}
		case slices.Contains(stringFields, field):
			if text, ok := nonString(v); ok {
				out = append(out, unquotedScalar{key: field, text: text})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// policyField is the policy key encoding/json matches k to (ignoring
// case, as it does), or k.
func policyField(k string) string {
	for _, p := range policyKeys {
		if strings.EqualFold(p, k) {
			return p
		}
	}
	return k
}

func nonString(v any) (string, bool) {
	switch t := v.(type) {
	case bool:
		return fmt.Sprint(t), true
	case json.Number:
		return t.String(), true
	}
	return "", false
}

func (u unquotedScalar) kind() string {
	if u.text == "true" || u.text == "false" {
		return "boolean"
	}
	return "number"
}

// orgPolicyError refuses a file with repositories: (valid only as the
// organization's policy) that holds an unquoted number or boolean.
func orgPolicyError(data []byte, us []unquotedScalar) error {
	u := us[0]
	parent, name, _ := strings.Cut(u.key, ".")
	line := keyLine(data, parent, 0)
	if name != "" {
		line = keyLine(data, name, line)
	}
	msg := fmt.Sprintf("%s: the unquoted YAML %s %s where octo-sts expects a string: a policy with repositories: is read only as the organization's policy, and there octo-sts refuses the whole file over it (\"unable to parse trust policy\"; its YAML library converts such values only in a repository's own policy); quote it: %s",
		u.key, u.kind(), u.text, yamlQuote(u.text))
	if n := len(us) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more)", n)
	}
	return &policy.DocumentError{Kind: ErrUnreadable, Line: line, Msg: msg}
}

// unquotedScalarLint warns, in a policy that may be a repository's, about
// each value the organization's policy would not survive.
func unquotedScalarLint(us []unquotedScalar) []policy.Finding {
	var out []policy.Finding
	for _, u := range us {
		out = append(out, policy.Finding{Rule: RuleUnquotedScalar, Severity: policy.SevWarning, Message: fmt.Sprintf(
			"%s is the unquoted YAML %s %s: in a repository's own policy octo-sts reads it as the string %s, but in the organization's policy (the .github repository) it makes octo-sts refuse the whole file (\"unable to parse trust policy\"), because its YAML library converts such values only for fields declared directly on the type it decodes into; quote it: %s",
			u.key, u.kind(), u.text, escape.Quoted(u.text), yamlQuote(u.text))})
	}
	return out
}
