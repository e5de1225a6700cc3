package k8scel

import (
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// namedFormatType is Kubernetes' CEL type of a named string format.
var namedFormatType = cel.ObjectType("kubernetes.NamedFormat")

// NamedFormat is a kubernetes.NamedFormat value: a format's name (as
// Kubernetes names it internally, e.g. "DNS1123Label") and its rule.
type NamedFormat struct {
	Name     string
	validate validator
}

var namedFormatKind = objectKind[NamedFormat]{
	celType: namedFormatType,
	equal:   func(f, g NamedFormat) ref.Val { return types.Bool(f.Name == g.Name) },
}

func (f NamedFormat) ConvertToNative(t reflect.Type) (any, error) {
	return namedFormatKind.convertToNative(f, t)
}
func (f NamedFormat) ConvertToType(t ref.Type) ref.Val { return namedFormatKind.convertToType(f, t) }
func (f NamedFormat) Equal(other ref.Val) ref.Val      { return namedFormatKind.equalTo(f, other) }
func (f NamedFormat) Type() ref.Type                   { return namedFormatType }
func (f NamedFormat) Value() any                       { return f }

// namedFormats lists the formats: the CEL function name after
// "format.", Kubernetes' internal name, and the rule.
func namedFormats() []struct {
	fn string
	NamedFormat
} {
	return []struct {
		fn string
		NamedFormat
	}{
		{"dns1123Label", NamedFormat{"DNS1123Label", dns1123Label}},
		{"dns1123Subdomain", NamedFormat{"DNS1123Subdomain", dns1123Subdomain}},
		{"dns1035Label", NamedFormat{"DNS1035Label", dns1035Label}},
		{"qualifiedName", NamedFormat{"QualifiedName", qualifiedName}},
		{"dns1123LabelPrefix", NamedFormat{"DNS1123LabelPrefix", prefixOf(dns1123Label)}},
		{"dns1123SubdomainPrefix", NamedFormat{"DNS1123SubdomainPrefix", prefixOf(dns1123Subdomain)}},
		{"dns1035LabelPrefix", NamedFormat{"DNS1035LabelPrefix", prefixOf(dns1035Label)}},
		{"labelValue", NamedFormat{"LabelValue", labelValue}},
		{"uri", NamedFormat{"URI", uri}},
		{"uuid", NamedFormat{"uuid", uuid}},
		{"byte", NamedFormat{"byte", byteFormat}},
		{"date", NamedFormat{"date", date}},
		{"datetime", NamedFormat{"datetime", datetime}},
	}
}

// FormatLib is Kubernetes' format library: format.<name>() for each
// format, format.named(name) (optional: none for an unknown name), and
// <format>.validate(s), which is optional.none() for a valid string and
// else the list of Kubernetes' validation messages.
func FormatLib() cel.EnvOption {
	formats := namedFormats()
	byName := make(map[string]NamedFormat, len(formats))
	compile := []cel.EnvOption{cel.Types(namedFormatType)}
	for _, f := range formats {
		byName[f.fn] = f.NamedFormat
		compile = append(compile, cel.Function("format."+f.fn,
			cel.Overload("format."+f.fn, nil, namedFormatType,
				cel.FunctionBinding(func(...ref.Val) ref.Val { return f.NamedFormat }))))
	}
	compile = append(compile,
		cel.Function("format.named", cel.Overload("format-named", []*cel.Type{cel.StringType},
			cel.OptionalType(namedFormatType),
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				if f, ok := byName[s]; ok {
					return types.OptionalOf(f)
				}
				return types.OptionalNone
			})))),
		cel.Function("validate", cel.MemberOverload("format-validate", []*cel.Type{namedFormatType, cel.StringType},
			cel.OptionalType(cel.ListType(cel.StringType)),
			cel.BinaryBinding(binaryOf(func(f NamedFormat, s types.String) ref.Val {
				errs := f.validate(string(s))
				if len(errs) == 0 {
					return types.OptionalNone
				}
				return types.OptionalOf(types.NewStringList(types.DefaultTypeAdapter, errs))
			})))))
	return cel.Lib(library{name: "format", compile: compile})
}
