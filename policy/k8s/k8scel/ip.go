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

// ipType is Kubernetes' CEL type of an IP address.
var ipType = cel.ObjectType("net.IP")

// IP is a net.IP value: an address without zone that is not an
// IPv4-mapped IPv6 address (Kubernetes refuses both, so a policy cannot
// smuggle an IPv4 address past an IPv6 check).
type IP struct{ netip.Addr }

var ipKind = comparableKind(ipType, func(v IP) netip.Addr { return v.Addr })

func (v IP) ConvertToNative(t reflect.Type) (any, error) { return ipKind.convertToNative(v, t) }
func (v IP) ConvertToType(t ref.Type) ref.Val            { return ipKind.convertToType(v, t) }
func (v IP) Equal(other ref.Val) ref.Val                 { return ipKind.equalTo(v, other) }
func (v IP) Type() ref.Type                              { return ipType }
func (v IP) Value() any                                  { return v.Addr }

// parseIP is the one parser of ip(), isIP(), ip.isCanonical() and the
// string overload of cidr's containsIP(). Its errors are kube-apiserver's
// wording with the value raw between quotes (escape.Quoted): the diagnosis
// that carries them is escaped once by the view.
func parseIP(s string) (IP, error) {
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return IP{}, fmt.Errorf("IP Address %s parse error during conversion from string: %w", escape.Quoted(s), err)
	}
	if addr.Zone() != "" {
		return IP{}, fmt.Errorf("IP address %s with zone value is not allowed", escape.Quoted(s))
	}
	if addr.Is4In6() {
		return IP{}, fmt.Errorf("IPv4-mapped IPv6 address %s is not allowed", escape.Quoted(s))
	}
	return IP{addr}, nil
}

// IPLib is Kubernetes' IP library: ip(), isIP(), ip.isCanonical(),
// string(), family() and the address-class tests.
func IPLib() cel.EnvOption {
	test := func(name, id string, f func(netip.Addr) bool) cel.EnvOption {
		return cel.Function(name, cel.MemberOverload(id, []*cel.Type{ipType}, cel.BoolType,
			cel.UnaryBinding(unaryOf(func(a IP) ref.Val { return types.Bool(f(a.Addr)) }))))
	}
	return cel.Lib(library{name: "ip", compile: []cel.EnvOption{
		cel.Types(ipType),
		fromString("ip", "string_to_ip", ipType, parseIP),
		parses("isIP", "is_ip", parseIP),
		fromString("ip.isCanonical", "ip_is_canonical", cel.BoolType, func(s string) (types.Bool, error) {
			a, err := parseIP(s)
			return types.Bool(err == nil && a.Addr.String() == s), err
		}),
		cel.Function("string", cel.Overload("ip_to_string", []*cel.Type{ipType}, cel.StringType,
			cel.UnaryBinding(unaryOf(func(a IP) ref.Val { return types.String(a.Addr.String()) })))),
		cel.Function("family", cel.MemberOverload("ip_family", []*cel.Type{ipType}, cel.IntType,
			cel.UnaryBinding(unaryOf(func(a IP) ref.Val {
				if a.Is4() {
					return types.Int(4)
				}
				return types.Int(6)
			})))),
		test("isUnspecified", "ip_is_unspecified", netip.Addr.IsUnspecified),
		test("isLoopback", "ip_is_loopback", netip.Addr.IsLoopback),
		test("isLinkLocalMulticast", "ip_is_link_local_multicast", netip.Addr.IsLinkLocalMulticast),
		test("isLinkLocalUnicast", "ip_is_link_local_unicast", netip.Addr.IsLinkLocalUnicast),
		test("isGlobalUnicast", "ip_is_global_unicast", netip.Addr.IsGlobalUnicast),
	}})
}
