package k8scel

import "testing"

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes URL
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestURLs(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `url('https://example.com:80/').getHost()`, want: "example.com:80"},                              // docs
		{expr: `url('https://example.com:80/').getHostname()`, want: "example.com"},                             // docs
		{expr: `url('https://example.com:80/').getPort()`, want: "80"},                                          // docs
		{expr: `url('https://example.com/path with spaces/').getEscapedPath()`, want: "/path%20with%20spaces/"}, // docs
		{expr: `url('https://example.com/').getScheme()`, want: "https"},
		{expr: `url('https://[::1]:80/').getHostname()`, want: "::1"},
		{expr: `url('https://a/?k=1&k=2&j').getQuery()`, want: "map[j:[] k:[1 2]]"},
		{expr: `isURL('https://example.com/')`, want: "true"},
		{expr: `isURL('/absolute-path')`, want: "true"},
		{expr: `isURL('relative')`, want: "false"},
		{expr: `isURL('')`, want: "false"},
		// A network-path reference keeps its host, as in Kubernetes.
		{expr: `url('//host/p').getHost()`, want: "host"},
		{expr: `url('https://u:p@a/') == url('https://u:p@a/')`, want: "true"},
		{expr: `url('a')`, fails: "runtime"},
		{expr: `type(url('https://a')) == kubernetes.URL`, want: "true"},
	})
}
