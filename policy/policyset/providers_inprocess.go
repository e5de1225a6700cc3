//go:build !celhelper

package policyset

import (
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp"
	"github.com/oidcscope/oidcscope/policy/k8s"
)

// The CEL providers run in this process: what `go build`, `go run` and
// `go install` make. Release builds (tag celhelper) run them in the
// oidcscope-cel helper instead (providers_celhelper.go).

func gcpRegistration() policy.Registration { return gcp.Registration() }
func k8sRegistration() policy.Registration { return k8s.Registration() }
