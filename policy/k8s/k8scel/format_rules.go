package k8scel

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// The messages of Kubernetes' name validation (k8s.io/apimachinery's
// validation functions), word for word: format.validate() returns them
// as values, so a policy can compare them.
const (
	msgDNS1123Label = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
	msgDNS1035Label = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
	msgSubdomain    = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
	msgLabelValue   = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
	msgNamePart     = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
	msgLabelKey     = "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
)

// Compiled on first use: a run that evaluates no format pays nothing.
var (
	reDNS1123Label = lazyre.New(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	reDNS1035Label = lazyre.New(`^[a-z]([-a-z0-9]*[a-z0-9])?$`)
	reSubdomain    = lazyre.New(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	reLabelValue   = lazyre.New(`^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$`)
	reQualified    = lazyre.New(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
	reUUID         = lazyre.New(`^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$`)
)

// validator returns the problems of a string, none when it is valid.
type validator func(string) []string

// nameRule is the shape of most of Kubernetes' name rules: a length
// limit (in the unit its message names), then a pattern.
func nameRule(s string, limit int, unit string, pattern func() *regexp.Regexp, msg string) []string {
	var errs []string
	if len(s) > limit {
		errs = append(errs, fmt.Sprintf("must be no more than %d %s", limit, unit))
	}
	if !pattern().MatchString(s) {
		errs = append(errs, msg)
	}
	return errs
}

func dns1123Label(s string) []string {
	msg := msgDNS1123Label
	if reSubdomain().MatchString(s) {
		// A valid subdomain fails only for its dots; Kubernetes says so.
		msg = "must not contain dots"
	}
	return nameRule(s, 63, "characters", reDNS1123Label, msg)
}

func dns1035Label(s string) []string {
	return nameRule(s, 63, "characters", reDNS1035Label, msgDNS1035Label)
}

func dns1123Subdomain(s string) []string {
	return nameRule(s, 253, "characters", reSubdomain, msgSubdomain)
}

// prefixOf validates a generateName prefix: Kubernetes masks a trailing
// dash by replacing it and the character before it with "a" ("ab-" is
// checked as "aa"), so a prefix may end in '-'.
func prefixOf(v validator) validator {
	return func(s string) []string {
		if len(s) > 1 && strings.HasSuffix(s, "-") {
			s = s[:len(s)-2] + "a"
		}
		return v(s)
	}
}

func labelValue(s string) []string {
	return nameRule(s, 63, "bytes", reLabelValue, msgLabelValue)
}

func qualifiedName(s string) []string {
	var errs []string
	parts := strings.Split(s, "/")
	var name string
	switch len(parts) {
	case 1:
		name = parts[0]
	case 2:
		var prefix string
		prefix, name = parts[0], parts[1]
		if prefix == "" {
			errs = append(errs, "prefix part must be non-empty")
		} else {
			if len(prefix) > 253 {
				errs = append(errs, "prefix part must be no more than 253 bytes")
			}
			if !reSubdomain().MatchString(prefix) {
				errs = append(errs, "prefix part "+msgSubdomain)
			}
		}
	default:
		return []string{msgLabelKey}
	}
	switch {
	case name == "":
		errs = append(errs, "name part must be non-empty")
	case len(name) > 63:
		errs = append(errs, "name part must be no more than 63 bytes")
	}
	if !reQualified().MatchString(name) {
		errs = append(errs, msgNamePart)
	}
	return errs
}

func uri(s string) []string {
	if _, err := url.ParseRequestURI(s); err != nil {
		return []string{err.Error()}
	}
	return nil
}

func uuid(s string) []string {
	if !reUUID().MatchString(s) {
		return []string{"does not match the UUID format"}
	}
	return nil
}

// byteFormat is standard, padded base64; the empty string is refused.
func byteFormat(s string) []string {
	if _, err := base64.StdEncoding.DecodeString(s); err != nil || s == "" {
		return []string{"invalid base64"}
	}
	return nil
}

func date(s string) []string {
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return []string{"invalid date"}
	}
	return nil
}

// datetime is RFC 3339 with a zone; 't' and 'z' may be lower case.
func datetime(s string) []string {
	if _, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s)); err != nil {
		return []string{"invalid datetime"}
	}
	return nil
}
