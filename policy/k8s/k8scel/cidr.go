package k8scel

import (
	"fmt"
	"net/netip"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"

	"github.com/oidcscope/oidcscope/escape"
)

// cidrType is Kubernetes' CEL type of a network prefix.
var cidrType = cel.ObjectType("net.CIDR")

// CIDR is a net.CIDR value. It keeps the address as written (cidr()
// does not mask it: "10.0.0.1/8" and "10.0.0.0/8" differ until masked()).
type CIDR struct{ netip.Prefix }

var cidrKind = comparableKind(cidrType, func(v CIDR) netip.Prefix { return v.Prefix })

func (v CIDR) ConvertToNative(t reflect.Type) (any, error) { return cidrKind.convertToNative(v, t) }
func (v CIDR) ConvertToType(t ref.Type) ref.Val            { return cidrKind.convertToType(v, t) }
func (v CIDR) Equal(other ref.Val) ref.Val                 { return cidrKind.equalTo(v, other) }
func (v CIDR) Type() ref.Type                              { return cidrType }
func (v CIDR) Value() any                                  { return v.Prefix }

// parseCIDR is the one parser of cidr(), isCIDR() and the string
// overload of containsCIDR(). netip refuses zones itself; mapped
// addresses are refused as ip() refuses them.
func parseCIDR(s string) (CIDR, error) {
	p, err := netip.ParsePrefix(s)
	if err != nil {
		return CIDR{}, fmt.Errorf("network address parse error during conversion from string: %w", err)
	}
	if p.Addr().Is4In6() {
		return CIDR{}, fmt.Errorf("IPv4-mapped IPv6 address %s is not allowed", escape.Quoted(s))
	}
	return CIDR{p}, nil
}

// CIDRLib is Kubernetes' CIDR library: cidr(), isCIDR(), containsIP(),
// containsCIDR(), ip(), masked(), prefixLength() and string().
func CIDRLib() cel.EnvOption {
	containsIP := binaryOrParsed(parseIP, func(error) ref.Val {
		return types.NoSuchOverloadErr() // Kubernetes answers an unparsable address so.
	}, func(c CIDR, a IP) ref.Val { return types.Bool(c.Contains(a.Addr)) })
	containsCIDR := binaryOrParsed(parseCIDR, types.WrapErr, func(c, o CIDR) ref.Val {
		return types.Bool(o.Bits() >= c.Bits() && c.Contains(o.Masked().Addr()))
	})
	return cel.Lib(library{name: "cidr", compile: []cel.EnvOption{
		cel.Types(cidrType),
		fromString("cidr", "string_to_cidr", cidrType, parseCIDR),
		parses("isCIDR", "is_cidr", parseCIDR),
		cel.Function("containsIP",
			cel.MemberOverload("cidr_contains_ip_string", []*cel.Type{cidrType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(containsIP)),
			cel.MemberOverload("cidr_contains_ip_ip", []*cel.Type{cidrType, ipType}, cel.BoolType,
				cel.BinaryBinding(containsIP))),
		cel.Function("containsCIDR",
			cel.MemberOverload("cidr_contains_cidr_string", []*cel.Type{cidrType, cel.StringType}, cel.BoolType,
				cel.BinaryBinding(containsCIDR)),
			cel.MemberOverload("cidr_contains_cidr", []*cel.Type{cidrType, cidrType}, cel.BoolType,
				cel.BinaryBinding(containsCIDR))),
		cel.Function("ip", cel.MemberOverload("cidr_ip", []*cel.Type{cidrType}, ipType,
			cel.UnaryBinding(unaryOf(func(c CIDR) ref.Val { return IP{c.Addr()} })))),
		cel.Function("masked", cel.MemberOverload("cidr_masked", []*cel.Type{cidrType}, cidrType,
			cel.UnaryBinding(unaryOf(func(c CIDR) ref.Val { return CIDR{c.Masked()} })))),
		cel.Function("prefixLength", cel.MemberOverload("cidr_prefix_length", []*cel.Type{cidrType}, cel.IntType,
			cel.UnaryBinding(unaryOf(func(c CIDR) ref.Val { return types.Int(c.Bits()) })))),
		cel.Function("string", cel.Overload("cidr_to_string", []*cel.Type{cidrType}, cel.StringType,
			cel.UnaryBinding(unaryOf(func(c CIDR) ref.Val { return types.String(c.Prefix.String()) })))),
	}})
}
