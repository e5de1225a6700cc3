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

func (v URL) ConvertToNative(t reflect.Type) (any, error) {
	if reflect.TypeOf(v.URL).AssignableTo(t) {
		return v.URL, nil
	}
	if reflect.TypeOf(v).AssignableTo(t) {
		return v, nil
	}
	return nil, fmt.Errorf("type conversion from %s to %v not supported", urlType.TypeName(), t)
}

func (v URL) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.StringType:
		return types.String(v.URL.String())
	case types.TypeType:
		return urlType
	}
	return types.NewErr("type conversion error from %s to %s", urlType.TypeName(), t.TypeName())
}

func (v URL) Equal(other ref.Val) ref.Val {
	o, ok := other.(URL)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Bool(reflect.DeepEqual(v.URL, o.URL))
}

func (v URL) Type() ref.Type { return urlType }
func (v URL) Value() any     { return v.URL }

// URLs is Kubernetes' URL library: url(), isURL() and the getters of
// the parsed parts.
func URLs() cel.EnvOption {
	getter := func(name, id string, result *cel.Type, f func(*url.URL) ref.Val) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload(id, []*cel.Type{urlType}, result,
			cel.UnaryBinding(func(arg ref.Val) ref.Val {
				u, ok := arg.(URL)
				if !ok {
					return types.MaybeNoSuchOverloadErr(arg)
				}
				return f(u.URL)
			})))
	}
	str := func(f func(*url.URL) string) func(*url.URL) ref.Val {
		return func(u *url.URL) ref.Val { return types.String(f(u)) }
	}
	return cel.Lib(library{name: "urls", compile: []cel.EnvOption{
		cel.Types(urlType),
		cel.Function("url", cel.Overload("string_to_url", []*cel.Type{cel.StringType}, urlType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				u, err := parseURL(s)
				if err != nil {
					return types.NewErr("URL parse error during conversion from string: %v", err)
				}
				return URL{u}
			})))),
		cel.Function("isURL", cel.Overload("is_url_string", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				_, err := url.ParseRequestURI(s)
				return types.Bool(err == nil)
			})))),
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

func parseURL(s string) (*url.URL, error) {
	if _, err := url.ParseRequestURI(s); err != nil {
		return nil, err
	}
	return url.Parse(s)
}
