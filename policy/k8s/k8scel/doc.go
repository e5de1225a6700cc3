// Package k8scel holds Kubernetes' CEL function libraries (URLs, regex,
// IP, CIDR, quantity, semver, named formats, lists) written for
// cel.dev/cel-go, so oidcscope can evaluate AuthenticationConfiguration
// expressions as kube-apiserver does without linking k8s.io/apiserver
// (which needs github.com/google/cel-go and costs start-up time).
//
// Each library is written from Kubernetes' public documentation and the
// black-box behaviour of k8s.io/apiserver v0.37.2; the differential test in
// the differential module (differential/k8scel) proves them equal on
// generated expressions. Type names are Kubernetes' own (net.IP,
// kubernetes.Quantity, …) so type() and error messages agree.
package k8scel
