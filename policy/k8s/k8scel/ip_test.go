package k8scel

import "testing"

// Examples marked "docs" are from Kubernetes' documentation of its CEL
// libraries (kubernetes.io/docs/reference/using-api/cel, "Kubernetes IP
// address library"); the rest pin behaviour observed in kube-apiserver
// v0.37.2 (the differential test in differential/k8scel compares the
// whole library with it).
func TestIPLib(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `isIP('127.0.0.1')`, want: "true"},                 // docs
		{expr: `ip('127.0.0.1').family()`, want: "4"},             // docs
		{expr: `ip('::1').isLoopback()`, want: "true"},            // docs
		{expr: `ip.isCanonical('2001:db8::abcd')`, want: "true"},  // docs
		{expr: `ip.isCanonical('2001:DB8::ABCD')`, want: "false"}, // docs
		{expr: `ip('0.0.0.0').isUnspecified()`, want: "true"},     // docs
		{expr: `ip('ff02::1').isLinkLocalMulticast()`, want: "true"},
		{expr: `ip('169.254.0.1').isLinkLocalUnicast()`, want: "true"},
		{expr: `ip('8.8.8.8').isGlobalUnicast()`, want: "true"},
		{expr: `string(ip('2001:0db8::1'))`, want: "2001:db8::1"},
		{expr: `type(ip('1.2.3.4')) == net.IP`, want: "true"},
		{expr: `ip('::1') == ip('::0:1')`, want: "true"},
		// Kubernetes refuses zones and IPv4-mapped IPv6 addresses.
		{expr: `isIP('::ffff:1.2.3.4')`, want: "false"},
		{expr: `isIP('fe80::1%eth0')`, want: "false"},
		{expr: `isIP('010.1.1.1')`, want: "false"},
		{expr: `ip('::ffff:1.2.3.4')`, fails: "runtime"},
		{expr: `ip('foo')`, fails: "runtime"},
		{expr: `ip.isCanonical('foo')`, fails: "runtime"},
	})
}
