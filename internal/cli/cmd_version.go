package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/oidcscope/oidcscope/internal/buildinfo"
)

func newVersionCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintln(s.out, "oidcscope", version())
			return err
		},
	}
}

// version is what `oidcscope version` and `--version` print after the
// name: a release build's tag, commit and date (stamped by GoReleaser into
// internal/buildinfo), else the module version of `go install …@vX` or the
// VCS revision of a local build.
func version() string {
	return buildinfo.Read().String()
}
