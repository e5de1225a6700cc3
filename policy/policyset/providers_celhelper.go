//go:build celhelper

package policyset

import (
	"os"

	"github.com/oidcscope/oidcscope/internal/buildinfo"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"
	"github.com/oidcscope/oidcscope/policy/remote"
)

// The release build: the CEL providers run in the oidcscope-cel helper,
// started by the first Google Cloud or Kubernetes document, so that no
// other command pays cel-go's start-up (policy/remote says why).

// celHelper is this process's one connection to the helper, made on first
// use: a process resource, like its standard streams, not state a caller
// changes.
var celHelper = remote.Shared(os.Getenv, func() string { return buildinfo.Read().String() })

func gcpRegistration() policy.Registration {
	return remote.Registration(gcpinfo.Registration(), remote.Local{Mentions: gcpinfo.Mentions, Snippets: gcpinfo.Snippets}, celHelper)
}

func k8sRegistration() policy.Registration {
	return remote.Registration(k8sinfo.Registration(), remote.Local{Mentions: k8sinfo.Mentions, Snippets: k8sinfo.Snippets}, celHelper)
}
