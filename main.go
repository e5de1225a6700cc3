// Command oidcscope inspects JSON Web Tokens, GitHub Actions OIDC tokens
// first: it decodes, verifies and explains them. The commands live in
// internal/cli.
package main

import (
	"os"

	"github.com/oidcscope/oidcscope/internal/cli"
	"github.com/oidcscope/oidcscope/internal/quietinit"
)

func main() {
	quietinit.Restore()
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
