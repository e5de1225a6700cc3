package k8scel

import (
	"fmt"
	"net/netip"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// ipType is Kubernetes' CEL type of an IP address.
var ipType = cel.ObjectType("net.IP")

// IP is a net.IP value: an address without zone that is not an
// IPv4-mapped IPv6 address (Kubernetes refuses both, so a policy cannot
// smuggle an IPv4 address past an IPv6 check).
type IP struct{ netip.Addr }

func (v IP) ConvertToNative(t reflect.Type) (any, error) {
	if reflect.TypeOf(v.Addr).AssignableTo(t) {
		return v.Addr, nil
	}
	if reflect.TypeOf(v).AssignableTo(t) {
		return v, nil
	}
	return nil, fmt.Errorf("type conversion from %s to %v not supported", ipType.TypeName(), t)
}

func (v IP) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.StringType:
		return types.String(v.Addr.String())
	case types.TypeType:
		return ipType
	}
	return types.NewErr("type conversion error from %s to %s", ipType.TypeName(), t.TypeName())
}

func (v IP) Equal(other ref.Val) ref.Val {
	o, ok := other.(IP)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Bool(v.Addr == o.Addr)
}

func (v IP) Type() ref.Type { return ipType }
func (v IP) Value() any     { return v.Addr }

// parseIP is the one parser of ip(), isIP() and ip.isCanonical().
func parseIP(s string) (netip.Addr, error) {
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, fmt.Errorf("IP Address %q parse error during conversion from string: %w", s, err)
	}
	if addr.Zone() != "" {
		return netip.Addr{}, fmt.Errorf("IP address %q with zone value is not allowed", s)
	}
	if addr.Is4In6() {
		return netip.Addr{}, fmt.Errorf("IPv4-mapped IPv6 address %q is not allowed", s)
	}
	return addr, nil
}

// IPLib is Kubernetes' IP library: ip(), isIP(), ip.isCanonical(),
// string(), family() and the address-class tests.
func IPLib() cel.EnvOption {
	ipOf := func(arg ref.Val) (netip.Addr, bool) {
		v, ok := arg.(IP)
		return v.Addr, ok
	}
	test := func(name, id string, f func(netip.Addr) bool) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload(id, []*cel.Type{ipType}, cel.BoolType,
			cel.UnaryBinding(func(arg ref.Val) ref.Val {
				a, ok := ipOf(arg)
				if !ok {
					return types.MaybeNoSuchOverloadErr(arg)
				}
				return types.Bool(f(a))
			})))
	}
	return cel.Lib(library{name: "ip", compile: []cel.EnvOption{
		cel.Types(ipType),
		cel.Function("ip", cel.Overload("string_to_ip", []*cel.Type{cel.StringType}, ipType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				a, err := parseIP(s)
				if err != nil {
					return types.WrapErr(err)
				}
				return IP{a}
			})))),
		cel.Function("isIP", cel.Overload("is_ip", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				_, err := parseIP(s)
				return types.Bool(err == nil)
			})))),
		cel.Function("ip.isCanonical", cel.Overload("ip_is_canonical", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				a, err := parseIP(s)
				if err != nil {
					return types.WrapErr(err)
				}
				return types.Bool(a.String() == s)
			})))),
		cel.Function("string", cel.Overload("ip_to_string", []*cel.Type{ipType}, cel.StringType,
			cel.UnaryBinding(func(arg ref.Val) ref.Val {
				a, ok := ipOf(arg)
				if !ok {
					return types.MaybeNoSuchOverloadErr(arg)
				}
				return types.String(a.String())
			}))),
		cel.Function("family", cel.MemberOverload("ip_family", []*cel.Type{ipType}, cel.IntType,
			cel.UnaryBinding(func(arg ref.Val) ref.Val {
				a, ok := ipOf(arg)
				if !ok {
					return types.MaybeNoSuchOverloadErr(arg)
				}
				if a.Is4() {
					return types.Int(4)
				}
				return types.Int(6)
			}))),
		test("isUnspecified", "ip_is_unspecified", netip.Addr.IsUnspecified),
		test("isLoopback", "ip_is_loopback", netip.Addr.IsLoopback),
		test("isLinkLocalMulticast", "ip_is_link_local_multicast", netip.Addr.IsLinkLocalMulticast),
		test("isLinkLocalUnicast", "ip_is_link_local_unicast", netip.Addr.IsLinkLocalUnicast),
		test("isGlobalUnicast", "ip_is_global_unicast", netip.Addr.IsGlobalUnicast),
	}})
}

// stringFunc adapts a function of a Go string to a unary binding.
func stringFunc(f func(string) ref.Val) func(ref.Val) ref.Val {
	return func(arg ref.Val) ref.Val {
		s, ok := arg.(types.String)
		if !ok {
			return types.MaybeNoSuchOverloadErr(arg)
		}
		return f(string(s))
	}
}
