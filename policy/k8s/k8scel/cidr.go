package k8scel

import (
	"fmt"
	"net/netip"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// cidrType is Kubernetes' CEL type of a network prefix.
var cidrType = cel.ObjectType("net.CIDR")

// CIDR is a net.CIDR value. It keeps the address as written (cidr()
// does not mask it: "10.0.0.1/8" and "10.0.0.0/8" differ until masked()).
type CIDR struct{ netip.Prefix }

func (v CIDR) ConvertToNative(t reflect.Type) (any, error) {
	if reflect.TypeOf(v.Prefix).AssignableTo(t) {
		return v.Prefix, nil
	}
	if reflect.TypeOf(v).AssignableTo(t) {
		return v, nil
	}
	return nil, fmt.Errorf("type conversion from %s to %v not supported", cidrType.TypeName(), t)
}

func (v CIDR) ConvertToType(t ref.Type) ref.Val {
	switch t {
	case types.StringType:
		return types.String(v.Prefix.String())
	case types.TypeType:
		return cidrType
	}
	return types.NewErr("type conversion error from %s to %s", cidrType.TypeName(), t.TypeName())
}

func (v CIDR) Equal(other ref.Val) ref.Val {
	o, ok := other.(CIDR)
	if !ok {
		return types.MaybeNoSuchOverloadErr(other)
	}
	return types.Bool(v.Prefix == o.Prefix)
}

func (v CIDR) Type() ref.Type { return cidrType }
func (v CIDR) Value() any     { return v.Prefix }

// parseCIDR is the one parser of cidr(), isCIDR() and the string
// overload of containsCIDR(). netip refuses zones itself; mapped
// addresses are refused as ip() refuses them.
func parseCIDR(s string) (netip.Prefix, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return netip.Prefix{}, fmt.Errorf("network address parse error during conversion from string: %w", err)
	}
	if p.Addr().Is4In6() {
		return netip.Prefix{}, fmt.Errorf("IPv4-mapped IPv6 address %q is not allowed", s)
	}
	return p, nil
}

// CIDRLib is Kubernetes' CIDR library: cidr(), isCIDR(), containsIP(),
// containsCIDR(), ip(), masked(), prefixLength() and string().
func CIDRLib() cel.EnvOption {
	member := func(f func(netip.Prefix) ref.Val) func(ref.Val) ref.Val {
		return func(arg ref.Val) ref.Val {
			c, ok := arg.(CIDR)
			if !ok {
				return types.MaybeNoSuchOverloadErr(arg)
			}
			return f(c.Prefix)
		}
	}
	containsIP := func(p netip.Prefix, arg ref.Val) ref.Val {
		var addr netip.Addr
		switch a := arg.(type) {
		case IP:
			addr = a.Addr
		case types.String:
			parsed, err := parseIP(string(a))
			if err != nil {
				// Kubernetes answers an unparsable address so.
				return types.NoSuchOverloadErr()
			}
			addr = parsed
		default:
			return types.MaybeNoSuchOverloadErr(arg)
		}
		return types.Bool(p.Contains(addr))
	}
	containsCIDR := func(p netip.Prefix, arg ref.Val) ref.Val {
		var other netip.Prefix
		switch a := arg.(type) {
		case CIDR:
			other = a.Prefix
		case types.String:
			parsed, err := parseCIDR(string(a))
			if err != nil {
				return types.WrapErr(err)
			}
			other = parsed
		default:
			return types.MaybeNoSuchOverloadErr(arg)
		}
		return types.Bool(other.Bits() >= p.Bits() && p.Contains(other.Masked().Addr()))
	}
	binary := func(f func(netip.Prefix, ref.Val) ref.Val) func(ref.Val, ref.Val) ref.Val {
		return func(lhs, rhs ref.Val) ref.Val {
			c, ok := lhs.(CIDR)
			if !ok {
				return types.MaybeNoSuchOverloadErr(lhs)
			}
			return f(c.Prefix, rhs)
		}
	}
	return cel.Lib(library{name: "cidr", compile: []cel.EnvOption{
		cel.Types(cidrType),
		cel.Function("cidr", cel.Overload("string_to_cidr", []*cel.Type{cel.StringType}, cidrType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				p, err := parseCIDR(s)
				if err != nil {
					return types.WrapErr(err)
				}
				return CIDR{p}
			})))),
		cel.Function("isCIDR", cel.Overload("is_cidr", []*cel.Type{cel.StringType}, cel.BoolType,
			cel.UnaryBinding(stringFunc(func(s string) ref.Val {
				_, err := parseCIDR(s)
				return types.Bool(err == nil)
			})))),
		cel.Function("containsIP",
			cel.MemberOverload("cidr_contains_ip_string", []*cel.Type{cidrType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(binary(containsIP))),
			cel.MemberOverload("cidr_contains_ip_ip", []*cel.Type{cidrType, ipType}, cel.BoolType,
				cel.BinaryBinding(binary(containsIP)))),
		cel.Function("containsCIDR",
			cel.MemberOverload("cidr_contains_cidr_string", []*cel.Type{cidrType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(binary(containsCIDR))),
			cel.MemberOverload("cidr_contains_cidr", []*cel.Type{cidrType, cidrType}, cel.BoolType,
				cel.BinaryBinding(binary(containsCIDR)))),
		cel.Function("ip", cel.MemberOverload("cidr_ip", []*cel.Type{cidrType}, ipType,
			cel.UnaryBinding(member(func(p netip.Prefix) ref.Val { return IP{p.Addr()} })))),
		cel.Function("masked", cel.MemberOverload("cidr_masked", []*cel.Type{cidrType}, cidrType,
			cel.UnaryBinding(member(func(p netip.Prefix) ref.Val { return CIDR{p.Masked()} })))),
		cel.Function("prefixLength", cel.MemberOverload("cidr_prefix_length", []*cel.Type{cidrType}, cel.IntType,
			cel.UnaryBinding(member(func(p netip.Prefix) ref.Val { return types.Int(p.Bits()) })))),
		cel.Function("string", cel.Overload("cidr_to_string", []*cel.Type{cidrType}, cel.StringType,
			cel.UnaryBinding(member(func(p netip.Prefix) ref.Val { return types.String(p.String()) })))),
	}})
}
