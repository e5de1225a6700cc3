package k8scel

import "testing"

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes CIDR
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestCIDRLib(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `isCIDR('192.168.0.0/16')`, want: "true"},                                     // docs
		{expr: `cidr('192.168.0.0/24').containsIP(ip('192.168.0.1'))`, want: "true"},         // docs
		{expr: `cidr('192.168.0.0/24').containsIP('192.168.0.1')`, want: "true"},             // docs
		{expr: `cidr('192.168.0.0/16').containsCIDR(cidr('192.168.10.0/24'))`, want: "true"}, // docs
		{expr: `cidr('192.168.0.0/24').prefixLength()`, want: "24"},                          // docs
		{expr: `cidr('192.168.0.1/24').ip() == ip('192.168.0.1')`, want: "true"},
		{expr: `string(cidr('192.168.0.1/24').masked())`, want: "192.168.0.0/24"},
		{expr: `string(cidr('2001:DB8::/32'))`, want: "2001:db8::/32"},
		// cidr() keeps the host bits: the two differ until masked().
		{expr: `cidr('10.0.0.1/8') == cidr('10.0.0.0/8')`, want: "false"},
		{expr: `cidr('10.0.0.0/8').containsCIDR('10.0.0.0/7')`, want: "false"},
		{expr: `cidr('10.0.0.0/8').containsIP(ip('::1'))`, want: "false"},
		{expr: `cidr('10.0.0.0/8').containsIP('foo')`, fails: "runtime"},
		{expr: `cidr('::ffff:1.2.3.0/120')`, fails: "runtime"},
		{expr: `cidr('1.2.3.0/33')`, fails: "runtime"},
		{expr: `isCIDR('1.2.3.0')`, want: "false"},
	})
}
