// Package buildinfo says which build of oidcscope is running: the release
// tag, commit and date a release build stamps in with the linker, else what
// the Go toolchain recorded (the module version of `go install …@vX`, or the
// VCS revision of a local build).
//
// A release build sets the three values with
//
//	-ldflags "-X github.com/oidcscope/oidcscope/internal/buildinfo.version=v1.2.3
//	          -X github.com/oidcscope/oidcscope/internal/buildinfo.commit=<sha>
//	          -X github.com/oidcscope/oidcscope/internal/buildinfo.date=<RFC 3339>"
//
// as .goreleaser.yaml does.
package buildinfo

import (
	"runtime/debug"
)

// Set only by the linker (-X can set nothing but a package-level string
// variable); nothing in the program writes them.
var (
	version string
	commit  string
	date    string
)

// Info is one build's identity. Commit and Date are empty when the build
// did not record them.
type Info struct {
	Version string
	Commit  string
	Date    string
}

// Read returns the running binary's build identity.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	return resolve(version, commit, date, bi, ok)
}

// resolve prefers the stamped values; without a stamped version it falls
// back to the toolchain's record, so `go install` and `go build` keep
// printing what they always did.
func resolve(version, commit, date string, bi *debug.BuildInfo, ok bool) Info {
	if version != "" {
		return Info{Version: version, Commit: commit, Date: date}
	}
	if !ok || bi == nil {
		return Info{Version: "(unknown)"}
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return Info{Version: v}
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && len(s.Value) >= 12 {
			return Info{Version: "devel-" + s.Value[:12], Commit: s.Value}
		}
	}
	return Info{Version: "devel"}
}

// String is the one line `oidcscope version` prints after the program's
// name: the version alone for a toolchain build (as before releases were
// stamped), the version, commit and date for a release build.
func (i Info) String() string {
	if i.Commit == "" || i.Version == "devel-"+short(i.Commit) {
		return i.Version
	}
	s := i.Version + " (commit " + i.Commit
	if i.Date != "" {
		s += ", built " + i.Date
	}
	return s + ")"
}

func short(commit string) string {
	if len(commit) < 12 {
		return commit
	}
	return commit[:12]
}
