package buildinfo

import (
	"runtime/debug"
	"testing"
)

func TestResolve(t *testing.T) {
	const sha = "0123456789abcdef0123456789abcdef01234567"
	vcs := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: sha}}}
	for _, tc := range []struct {
		name                  string
		version, commit, date string
		bi                    *debug.BuildInfo
		ok                    bool
		want                  string
	}{
		{"release build", "v1.2.3", sha, "2026-12-01T10:00:00Z", vcs, true, "v1.2.3 (commit " + sha + ", built 2026-12-01T10:00:00Z)"},
		{"stamped without a date", "v1.2.3", sha, "", nil, false, "v1.2.3 (commit " + sha + ")"},
		{"stamped version only", "v1.2.3", "", "", nil, false, "v1.2.3"},
		{"go install …@v1.2.3", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, true, "v1.2.3"},
		{"local build with VCS", "", "", "", vcs, true, "devel-0123456789ab"},
		{"local build without VCS", "", "", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel"},
		{"no build info", "", "", "", nil, false, "(unknown)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolve(tc.version, tc.commit, tc.date, tc.bi, tc.ok).String(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
