// Command oidcscope-cel is the helper a release build of oidcscope runs
// for Google Cloud and Kubernetes documents, whose CEL it keeps out of
// oidcscope's own start-up (policy/remote). It speaks to oidcscope on its
// standard streams and is not meant to be run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/oidcscope/oidcscope/internal/buildinfo"
	"github.com/oidcscope/oidcscope/policy/gcp"
	"github.com/oidcscope/oidcscope/policy/k8s"
	"github.com/oidcscope/oidcscope/policy/remote"
)

func main() {
	if len(os.Args) > 1 || isTerminal(os.Stdin) {
		fmt.Fprintf(os.Stderr, "oidcscope-cel %s: oidcscope's helper for Google Cloud and Kubernetes documents, started by oidcscope itself; it takes no arguments\n", buildinfo.Read())
		os.Exit(2)
	}
	if err := remote.Serve(os.Stdin, os.Stdout, buildinfo.Read().String(), gcp.New(), k8s.New()); err != nil {
		fmt.Fprintln(os.Stderr, "oidcscope-cel:", err)
		os.Exit(1)
	}
}

// isTerminal: someone ran the helper by hand, with nothing to answer.
// (A mode check would take /dev/null for a terminal too.)
func isTerminal(f *os.File) bool { return term.IsTerminal(f.Fd()) }
