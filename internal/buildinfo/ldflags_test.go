package buildinfo

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// TestReleaseLdflags builds a program with the ldflags of the release
// configuration (.goreleaser.yaml), its templates filled in as GoReleaser
// would for tag v1.2.3: a misspelt -X path sets nothing and no compiler
// says so, so this checks the stamped values come out, for both builds
// (oidcscope and its CEL helper, which refuse each other unless their
// stamps agree).
func TestReleaseLdflags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program")
	}
	data, err := os.ReadFile(filepath.Join("..", "..", ".goreleaser.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Builds []struct {
			ID      string   `json:"id"`
			Ldflags []string `json:"ldflags"`
			Flags   []string `json:"flags"`
		} `json:"builds"`
	}
	if err := yaml.Unmarshal(data, &cfg); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if len(cfg.Builds) != 2 || cfg.Builds[0].ID != "oidcscope" || cfg.Builds[1].ID != "oidcscope-cel" {
		t.Fatalf("%d builds, want oidcscope and oidcscope-cel", len(cfg.Builds))
	}
	const sha = "0123456789abcdef0123456789abcdef01234567"
	fill := strings.NewReplacer("{{ .Version }}", "1.2.3", "{{ .FullCommit }}", sha, "{{ .CommitDate }}", "2026-12-01T10:00:00Z")
	for _, b := range cfg.Builds {
		ldflags := fill.Replace(strings.Join(b.Ldflags, " "))
		if strings.Contains(ldflags, "{{") {
			t.Fatalf("%s: a template this test does not fill: %s", b.ID, ldflags)
		}
		bin := filepath.Join(t.TempDir(), "stamped")
		args := append([]string{"build"}, b.Flags...)
		args = append(args, "-ldflags", ldflags, "-o", bin, "./testdata/stamped")
		if out, err := exec.Command("go", args...).CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		out, err := exec.Command(bin).Output()
		if err != nil {
			t.Fatal(err)
		}
		want := "v1.2.3 (commit " + sha + ", built 2026-12-01T10:00:00Z)\n"
		if string(out) != want {
			t.Errorf("%s: the stamped build says %q, want %q", b.ID, out, want)
		}
	}
}
