package oidcprovider

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// Errors wrapped by Parse, for errors.Is.
var (
	// ErrNotProviderDocument is returned for JSON that is neither output.
	ErrNotProviderDocument = errors.New("not `aws iam get-open-id-connect-provider` or `aws iam list-open-id-connect-providers` output")
	// ErrMalformed is returned for a document whose members have the
	// wrong shape.
	ErrMalformed = errors.New("malformed IAM OIDC provider document")
)

// Parse reads get-open-id-connect-provider output ({"Url","ClientIDList",
// "ThumbprintList","CreateDate","Tags"}) as one policy named after its URL,
// and list-open-id-connect-providers output ({"OpenIDConnectProviderList":
// [{"Arn"}]}) as one policy for the whole list: STS looks for the token's
// provider among all of an account's, so the list answers as one.
func (p provider) Parse(source string, data []byte) ([]policy.Policy, error) {
	lim := p.limits.orDefault()
	data = policy.TrimBOM(data)
	if len(data) > lim.bytes {
		return nil, fmt.Errorf("%s: %w: the document is %d bytes, more than the %d oidcscope reads", source, ErrTooLarge, len(data), lim.bytes)
	}
	root, err := policy.ReadJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", source, ErrMalformed, err)
	}
	if root.Kind != decode.Object {
		return nil, fmt.Errorf("%s: %w: the document is a JSON %s", source, ErrNotProviderDocument, root.Kind)
	}
	// The CLI never prints a member twice; which copy IAM meant cannot be
	// told, so neither is read.
	for _, m := range root.Members {
		if m.Duplicate {
			line, col := policy.LineCol(data, m.Offset)
			return nil, fmt.Errorf("%s: %w: %s appears more than once (again at line %d, column %d)", source, ErrMalformed, escape.Quoted(policy.Shorten(m.Key, 40)), line, col)
		}
	}
	var pol policy.Policy
	switch {
	case isList(root):
		pol, err = parseList(source, data, root, lim)
	case isGet(root):
		pol, err = parseGet(source, data, root, lim)
	default:
		return nil, fmt.Errorf("%s: %w: it needs OpenIDConnectProviderList, or Url with ClientIDList, ThumbprintList or CreateDate; its members are %s", source, ErrNotProviderDocument, policy.KeyList(root))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	return []policy.Policy{pol}, nil
}

func parseGet(source string, data []byte, root decode.Value, lim limits) (*getDocument, error) {
	d := &getDocument{source: source}
	url, _ := root.Get("Url")
	if url.Kind != decode.String || url.Text == "" {
		return nil, fmt.Errorf("%w: Url at %s must be a non-empty string, not %s", ErrMalformed, at(data, root, "Url"), describe(url))
	}
	if err := lim.checkValue("Url", url.Text); err != nil {
		return nil, err
	}
	d.url = url.Text
	// IAM prints the URL without its scheme (the AWS CLI's example for
	// get-open-id-connect-provider); a hand-edited copy may carry it.
	if rest, ok := strings.CutPrefix(d.url, "https://"); ok && rest != "" {
		d.url = rest
		d.lint = append(d.lint, policy.Finding{Rule: RuleURLScheme, Severity: policy.SevInfo,
			Message: "Url starts with https://, which IAM does not print (it names providers by host and path): compared without it"})
	}
	var err error
	if d.clientIDs, err = stringList(data, root, "ClientIDList", lim); err != nil {
		return nil, err
	}
	if d.thumbprints, err = stringList(data, root, "ThumbprintList", lim); err != nil {
		return nil, err
	}
	if len(d.clientIDs) == 0 {
		d.lint = append(d.lint, policy.Finding{Rule: RuleNoClientIDs, Severity: policy.SevWarning,
			Message: "the provider lists no client IDs: STS refuses every token for it with \"" + errAudience + "\""})
	}
	return d, nil
}

func parseList(source string, data []byte, root decode.Value, lim limits) (*listDocument, error) {
	list, _ := root.Get("OpenIDConnectProviderList")
	if list.Kind != decode.Array {
		return nil, fmt.Errorf("%w: OpenIDConnectProviderList at %s must be an array, not %s", ErrMalformed, at(data, root, "OpenIDConnectProviderList"), describe(list))
	}
	if err := lim.checkList("OpenIDConnectProviderList", len(list.Items)); err != nil {
		return nil, err
	}
	d := &listDocument{source: source}
	for i, it := range list.Items {
		field := "OpenIDConnectProviderList[" + strconv.Itoa(i) + "]"
		arn, ok := it.Str("Arn")
		if it.Kind != decode.Object || !ok {
			return nil, fmt.Errorf("%w: %s%s must be an object with an Arn string, not %s", ErrMalformed, field, near(data, it), describe(it))
		}
		if err := lim.checkValue(field+".Arn", arn); err != nil {
			return nil, err
		}
		p, ok := parseARN(arn)
		if !ok {
			return nil, fmt.Errorf("%w: %s.Arn%s is %s, not an IAM OIDC provider ARN (arn:aws:iam::<account>:oidc-provider/<host and path>)", ErrMalformed, field, near(data, it), escape.Quoted(policy.Shorten(arn, 120)))
		}
		d.providers = append(d.providers, p)
	}
	return d, nil
}

// stringList reads an optional array of strings; absent or null is empty.
func stringList(data []byte, root decode.Value, field string, lim limits) ([]string, error) {
	v, ok := root.Get(field)
	if !ok || v.Kind == decode.Null {
		return nil, nil
	}
	vals, isList := policy.StringList(v)
	if v.Kind != decode.Array || !isList {
		return nil, fmt.Errorf("%w: %s at %s must be an array of strings, not %s", ErrMalformed, field, at(data, root, field), describe(v))
	}
	if err := lim.checkList(field, len(vals)); err != nil {
		return nil, err
	}
	for i, s := range vals {
		if err := lim.checkValue(field+"["+strconv.Itoa(i)+"]", s); err != nil {
			return nil, err
		}
	}
	return vals, nil
}

// at names where member key of obj starts.
func at(data []byte, obj decode.Value, key string) string {
	for _, m := range obj.Members {
		if m.Key == key {
			line, col := policy.LineCol(data, m.Offset)
			return fmt.Sprintf("line %d, column %d", line, col)
		}
	}
	return "the top level"
}

// near names the line of an object's first member, "" when it has none.
func near(data []byte, v decode.Value) string {
	if line := policy.FirstLine(data, v); line > 0 {
		return fmt.Sprintf(" (line %d)", line)
	}
	return ""
}

// describe names a value's kind, with a short string value quoted.
func describe(v decode.Value) string {
	if v.Kind == decode.String {
		return "the string " + escape.Quoted(policy.Shorten(v.Text, 60))
	}
	return "a JSON " + v.Kind.String()
}
