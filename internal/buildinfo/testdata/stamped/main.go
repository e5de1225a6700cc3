// Command stamped prints buildinfo.Read(), for the test that builds it with
// the release configuration's ldflags.
package main

import (
	"fmt"

	"github.com/oidcscope/oidcscope/internal/buildinfo"
)

func main() {
	fmt.Println(buildinfo.Read())
}
