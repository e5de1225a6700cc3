package k8scel

import (
	"fmt"
	"net/url"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// urlType is Kubernetes' CEL type of a URL.
var urlType = cel.ObjectType("kubernetes.URL")

// URL is a kubernetes.URL value: an absolute URI or an absolute path, as
// an HTTP request line would carry it (Kubernetes checks with Go's
// url.ParseRequestURI, so "a" and "" are refused and "/a" is accepted),
// split into parts as a URL reference (url.Parse: "//host/p" has host
// "host", "#frag" is a fragment).
type URL struct{ *url.URL }

var urlKind = objectKind[URL]{
	celType: urlType,
	native:  func(v URL) any { return v.URL },
	text:    func(v URL) string { return v.URL.String() },
	equal:   func(v, w URL) ref.Val { return types.Bool(reflect.DeepEqual(v.URL, w.URL)) },
}

func (v URL) ConvertToNative(t reflect.Type) (any, error) { return urlKind.convertToNative(v, t) }
func (v URL) ConvertToType(t ref.Type) ref.Val            { return urlKind.convertToType(v, t) }
func (v URL) Equal(other ref.Val) ref.Val                 { return urlKind.equalTo(v, other) }
func (v URL) Type() ref.Type                              { return urlType }
func (v URL) Value() any                                  { return v.URL }

// URLs is Kubernetes' URL library: url(), isURL() and the getters of
// the parsed parts.
func URLs() cel.EnvOption {
	getter := func(name, id string, result *cel.Type, f func(*url.URL) ref.Val) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload(id, []*cel.Type{urlType}, result,
			cel.UnaryBinding(unaryOf(func(u URL) ref.Val { return f(u.URL) }))))
	}
	str := func(f func(*url.URL) string) func(*url.URL) ref.Val {
		return func(u *url.URL) ref.Val { return types.String(f(u)) }
	}
	return cel.Lib(library{name: "urls", compile: []cel.EnvOption{
		cel.Types(urlType),
		fromString("url", "string_to_url", urlType, parseURL),
		// isURL() checks the request-URI form alone, as Kubernetes does.
		parses("isURL", "is_url_string", url.ParseRequestURI),
		getter("getScheme", "url_get_scheme", cel.StringType, str(func(u *url.URL) string { return u.Scheme })),
		getter("getHost", "url_get_host", cel.StringType, str(func(u *url.URL) string { return u.Host })),
		getter("getHostname", "url_get_hostname", cel.StringType, str((*url.URL).Hostname)),
		getter("getPort", "url_get_port", cel.StringType, str((*url.URL).Port)),
		getter("getEscapedPath", "url_get_escaped_path", cel.StringType, str((*url.URL).EscapedPath)),
		getter("getQuery", "url_get_query", cel.MapType(cel.StringType, cel.ListType(cel.StringType)),
			func(u *url.URL) ref.Val {
				return types.DefaultTypeAdapter.NativeToValue(map[string][]string(u.Query()))
			}),
	}})
}

// parseURL is url()'s parser: the string must be a request URI, and its
// parts are read as a URL reference.
func parseURL(s string) (URL, error) {
	_, err := url.ParseRequestURI(s)
	var u *url.URL
	if err == nil {
		u, err = url.Parse(s)
	}
	if err != nil {
		return URL{}, fmt.Errorf("URL parse error during conversion from string: %w", err)
	}
	return URL{u}, nil
}
