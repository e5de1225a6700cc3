// Package remote runs a policy provider in a helper process: the
// Provider and Policy here stand for ones that live in oidcscope-cel
// (cmd/oidcscope-cel), and Serve is that helper's side.
//
// Why: the Google Cloud and Kubernetes providers evaluate CEL, and linking
// cel-go (with the protobuf runtime it brings) costs every oidcscope
// process about as much start-up time again as everything else, because
// Go initialises every linked package, used or not. A release build
// (build tag celhelper, see policy/policyset) links only their
// registrations (policy/gcp/gcpinfo, policy/k8s/k8sinfo) and this package;
// the helper starts on the first document that needs it, once per
// process. A plain `go build`, `go run` or `go install` links the
// providers themselves and never starts a helper.
//
// The helper runs the providers' own code, so verdicts, messages and
// suggestions are the same bytes as in-process ones; the tests compare the
// two on every fixture token and document. The messages are JSON, one per
// line, over the helper's stdin and stdout (protocol.go).
package remote
