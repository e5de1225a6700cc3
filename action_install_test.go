package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// The release the install tests stand in for: tag v1.2.3 of
// oidcscope/oidcscope, whose archives GoReleaser names
// oidcscope_<version>_<os>_<arch>.<tar.gz|zip>.
const (
	installTag     = "v1.2.3"
	installVersion = "1.2.3"
	installRepo    = "oidcscope/oidcscope"
)

// releaseServer is a loopback stand-in for GitHub's release downloads:
// /<tag>/<asset> answers the asset, anything else 404. It records every
// path asked for.
type releaseServer struct {
	*httptest.Server
	assets map[string][]byte // "v1.2.3/checksums.txt" → body

	mu   sync.Mutex
	hits []string
}

func newReleaseServer(t *testing.T, assets map[string][]byte) *releaseServer {
	t.Helper()
	rs := &releaseServer{assets: assets}
	rs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rs.mu.Lock()
		rs.hits = append(rs.hits, r.URL.Path)
		rs.mu.Unlock()
		body, ok := rs.assets[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write(body)
	}))
	t.Cleanup(rs.Close)
	return rs
}

func (rs *releaseServer) requested() []string {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return slices.Clone(rs.hits)
}

// releaseAssets builds every archive of the release, each holding a stub
// binary that says which platform it was built for, and checksums.txt.
func releaseAssets(t *testing.T) map[string][]byte {
	t.Helper()
	assets := map[string][]byte{}
	var sums strings.Builder
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, goarch := range []string{"amd64", "arm64"} {
			name, data := releaseArchive(t, goos, goarch)
			sum := sha256.Sum256(data)
			fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
			assets[installTag+"/"+name] = data
		}
	}
	assets[installTag+"/checksums.txt"] = []byte(sums.String())
	return assets
}

func releaseArchive(t *testing.T, goos, goarch string) (string, []byte) {
	t.Helper()
	stub := []byte("#!/bin/sh\necho oidcscope " + goos + "/" + goarch + "\n")
	// The CEL helper a release build runs for Google Cloud and Kubernetes
	// documents (policy/remote) ships beside it.
	helper := []byte("#!/bin/sh\necho oidcscope-cel " + goos + "/" + goarch + "\n")
	content := func(f string) []byte {
		if strings.HasPrefix(f, "oidcscope-cel") {
			return helper
		}
		return stub
	}
	base := "oidcscope_" + installVersion + "_" + goos + "_" + goarch
	var buf bytes.Buffer
	if goos == "windows" {
		zw := zip.NewWriter(&buf)
		for _, f := range []string{"README.md", "oidcscope.exe", "oidcscope-cel.exe"} {
			h := &zip.FileHeader{Name: f, Method: zip.Deflate}
			h.SetMode(0o755)
			w, err := zw.CreateHeader(h)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = w.Write(content(f))
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return base + ".zip", buf.Bytes()
	}
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range []string{"README.md", "oidcscope", "oidcscope-cel"} {
		if err := tw.WriteHeader(&tar.Header{Name: f, Mode: 0o755, Size: int64(len(content(f))), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		_, _ = tw.Write(content(f))
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := gz.Close(); err != nil {
		t.Fatal(err)
	}
	return base + ".tar.gz", buf.Bytes()
}

// installStep is the action's step that puts oidcscope on the runner.
func installStep(t *testing.T) actionStep {
	t.Helper()
	a, _ := readAction(t)
	for _, s := range a.Runs.Steps {
		if s.ID == "install" {
			return s
		}
	}
	t.Fatal("action.yml has no step with id install")
	return actionStep{}
}

// installRun is one run of the install step, as the runner would start it.
type installRun struct {
	ref, runnerOS, runnerArch string
	server                    *releaseServer
	toolCache                 string
	stubs                     map[string]string // extra commands on PATH: name → script
	ghToken                   string
}

type installResult struct {
	out     string
	err     error
	outputs map[string]string // GITHUB_OUTPUT
	calls   string            // what the stub commands recorded
}

func (r installRun) run(t *testing.T) installResult {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	// What the script needs from the runner image (every hosted runner has them).
	for _, tool := range []string{"curl", "tar", "unzip"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s on this machine", tool)
		}
	}
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	calls := filepath.Join(tmp, "calls")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, script := range r.stubs {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	output := filepath.Join(tmp, "github_output")
	if err := os.WriteFile(output, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	runnerTemp := filepath.Join(tmp, "runner_temp")
	if err := os.MkdirAll(runnerTemp, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, "-c", installStep(t).Run)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{
		"PATH=" + bin + string(os.PathListSeparator) + pathWithout(t, "gh", "go"),
		"STUB_CALLS=" + calls,
		"GITHUB_ACTION_PATH=" + root,
		"GITHUB_ACTION_REPOSITORY=" + installRepo,
		"GITHUB_ACTION_REF=" + r.ref,
		"GITHUB_OUTPUT=" + output,
		"RUNNER_OS=" + r.runnerOS,
		"RUNNER_ARCH=" + r.runnerArch,
		"RUNNER_TEMP=" + runnerTemp,
		"RUNNER_TOOL_CACHE=" + r.toolCache,
		"GH_TOKEN=" + r.ghToken,
	}
	if r.server != nil {
		cmd.Env = append(cmd.Env, "OIDCSCOPE_DOWNLOAD_URL="+r.server.URL)
	}
	out, err := cmd.CombinedOutput()
	res := installResult{out: string(out), err: err, outputs: map[string]string{}}
	data, _ := os.ReadFile(output)
	for line := range strings.Lines(string(data)) {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			res.outputs[k] = v
		}
	}
	c, _ := os.ReadFile(calls)
	res.calls = string(c)
	return res
}

// pathWithout is $PATH less the directories holding any of the named
// commands, so a real gh or go on this machine cannot stand in for a stub.
func pathWithout(t *testing.T, names ...string) string {
	t.Helper()
	var keep []string
	for _, dir := range filepath.SplitList(os.Getenv("PATH")) {
		has := false
		for _, n := range names {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil && !fi.IsDir() {
				has = true
			}
		}
		if !has {
			keep = append(keep, dir)
		}
	}
	return strings.Join(keep, string(os.PathListSeparator))
}

// recordingStub is a command that appends its name and arguments to
// $STUB_CALLS and exits with code; a stub go also writes the -o file.
func recordingStub(name string, code int) string {
	return "#!/bin/sh\n" +
		"echo \"" + name + " $*\" >> \"$STUB_CALLS\"\n" +
		"prev=\nfor a in \"$@\"; do if [ \"$prev\" = -o ]; then printf '#!/bin/sh\\necho built\\n' > \"$a\"; chmod +x \"$a\"; fi; prev=$a; done\n" +
		fmt.Sprintf("exit %d\n", code)
}

// TestActionInstall: the action downloads the release archive of its own
// ref for the runner's OS and architecture, checks it against
// checksums.txt, and keeps it in the tool cache.
func TestActionInstall(t *testing.T) {
	assets := releaseAssets(t)
	for _, tc := range []struct {
		runnerOS, runnerArch string
		platform             string // the archive's GOOS/GOARCH
		archive, arch, exe   string
	}{
		{"Linux", "X64", "linux/amd64", "oidcscope_1.2.3_linux_amd64.tar.gz", "x64", "oidcscope"},
		{"Linux", "ARM64", "linux/arm64", "oidcscope_1.2.3_linux_arm64.tar.gz", "arm64", "oidcscope"},
		{"macOS", "X64", "darwin/amd64", "oidcscope_1.2.3_darwin_amd64.tar.gz", "x64", "oidcscope"},
		{"macOS", "ARM64", "darwin/arm64", "oidcscope_1.2.3_darwin_arm64.tar.gz", "arm64", "oidcscope"},
		{"Windows", "X64", "windows/amd64", "oidcscope_1.2.3_windows_amd64.zip", "x64", "oidcscope.exe"},
		{"Windows", "ARM64", "windows/arm64", "oidcscope_1.2.3_windows_arm64.zip", "arm64", "oidcscope.exe"},
	} {
		t.Run(tc.runnerOS+"-"+tc.runnerArch, func(t *testing.T) {
			srv := newReleaseServer(t, assets)
			cache := t.TempDir()
			res := installRun{ref: installTag, runnerOS: tc.runnerOS, runnerArch: tc.runnerArch, server: srv, toolCache: cache}.run(t)
			if res.err != nil {
				t.Fatalf("install failed: %v\n%s", res.err, res.out)
			}
			want := []string{"/" + installTag + "/checksums.txt", "/" + installTag + "/" + tc.archive}
			if got := srv.requested(); !slices.Equal(got, want) {
				t.Errorf("requested %q, want %q", got, want)
			}
			wantPath := filepath.Join(cache, "oidcscope", installVersion, tc.arch, tc.exe)
			if res.outputs["path"] != wantPath {
				t.Errorf("path output %q, want %q\n%s", res.outputs["path"], wantPath, res.out)
			}
			got, err := exec.Command(wantPath).Output()
			if err != nil || string(got) != "oidcscope "+tc.platform+"\n" {
				t.Errorf("the cached binary says %q (%v): not the %s archive's", got, err, tc.platform)
			}
			helper := filepath.Join(filepath.Dir(wantPath), strings.Replace(tc.exe, "oidcscope", "oidcscope-cel", 1))
			if got, err := exec.Command(helper).Output(); err != nil || string(got) != "oidcscope-cel "+tc.platform+"\n" {
				t.Errorf("the helper beside the binary says %q (%v): not the %s archive's", got, err, tc.platform)
			}
			if _, err := os.Stat(filepath.Join(cache, "oidcscope", installVersion, tc.arch+".complete")); err != nil {
				t.Errorf("no tool-cache completion marker: %v", err)
			}
			if strings.Contains(res.calls, "go ") {
				t.Errorf("built from source although the release exists: %s", res.calls)
			}
		})
	}
}

// TestActionInstallRefuses: a checksum mismatch or a failed attestation
// stops the step with a clear message and leaves nothing in the cache.
func TestActionInstallRefuses(t *testing.T) {
	tampered := releaseAssets(t)
	tampered[installTag+"/oidcscope_1.2.3_linux_amd64.tar.gz"] = append(bytes.Clone(tampered[installTag+"/oidcscope_1.2.3_linux_amd64.tar.gz"]), 0)
	for _, tc := range []struct {
		name   string
		assets map[string][]byte
		stubs  map[string]string
		want   string
	}{
		{"checksum mismatch", tampered, nil, "checksum mismatch for oidcscope_1.2.3_linux_amd64.tar.gz"},
		{"attestation refused", releaseAssets(t), map[string]string{"gh": recordingStub("gh", 1)}, "attestation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newReleaseServer(t, tc.assets)
			cache := t.TempDir()
			res := installRun{ref: installTag, runnerOS: "Linux", runnerArch: "X64", server: srv, toolCache: cache, stubs: tc.stubs, ghToken: "ghs_test"}.run(t)
			if res.err == nil {
				t.Fatalf("install succeeded; want a refusal\n%s", res.out)
			}
			if !strings.Contains(res.out, tc.want) {
				t.Errorf("output %q does not say %q", res.out, tc.want)
			}
			if entries, _ := os.ReadDir(cache); len(entries) != 0 {
				t.Errorf("the tool cache holds %d entries after a refusal", len(entries))
			}
			if res.outputs["path"] != "" {
				t.Errorf("path output %q after a refusal", res.outputs["path"])
			}
			if strings.Contains(res.calls, "go ") {
				t.Errorf("fell back to building from source after a refusal: %s", res.calls)
			}
		})
	}
}

// TestActionInstallAttestation: with gh on the runner and a token, the
// archive's attestation is verified against this repository's release
// workflow before the archive is used.
func TestActionInstallAttestation(t *testing.T) {
	srv := newReleaseServer(t, releaseAssets(t))
	res := installRun{ref: installTag, runnerOS: "Linux", runnerArch: "X64", server: srv, toolCache: t.TempDir(),
		stubs: map[string]string{"gh": recordingStub("gh", 0)}, ghToken: "ghs_test"}.run(t)
	if res.err != nil {
		t.Fatalf("install failed: %v\n%s", res.err, res.out)
	}
	want := "gh attestation verify "
	if !strings.HasPrefix(res.calls, want) || !strings.Contains(res.calls, "oidcscope_1.2.3_linux_amd64.tar.gz --repo "+installRepo+" --signer-workflow "+installRepo+"/.github/workflows/release.yml") {
		t.Errorf("gh calls %q: want an attestation check of the archive against the release workflow", res.calls)
	}
}

// TestActionInstallCacheHit: a version already in the tool cache is used
// as it is, with no download.
func TestActionInstallCacheHit(t *testing.T) {
	srv := newReleaseServer(t, releaseAssets(t))
	cache := t.TempDir()
	dir := filepath.Join(cache, "oidcscope", installVersion, "arm64")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"oidcscope", "oidcscope-cel"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("#!/bin/sh\necho cached\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(dir+".complete", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	res := installRun{ref: installTag, runnerOS: "macOS", runnerArch: "ARM64", server: srv, toolCache: cache}.run(t)
	if res.err != nil {
		t.Fatalf("install failed: %v\n%s", res.err, res.out)
	}
	if got := srv.requested(); len(got) != 0 {
		t.Errorf("a cache hit still requested %q", got)
	}
	if res.outputs["path"] != filepath.Join(dir, "oidcscope") {
		t.Errorf("path output %q, want the cached binary", res.outputs["path"])
	}
}

// TestActionInstallFromSource: a ref with no release (a branch, a commit,
// or a tag whose release is missing) is built from the action's own
// source with Go, and the log says why.
func TestActionInstallFromSource(t *testing.T) {
	for _, tc := range []struct {
		name, ref string
		assets    map[string][]byte
		requested []string
	}{
		{"release missing", "v9.9.9", releaseAssets(t), []string{"/v9.9.9/checksums.txt"}},
		{"branch", "main", releaseAssets(t), nil},
		{"commit", "0123456789abcdef0123456789abcdef01234567", releaseAssets(t), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newReleaseServer(t, tc.assets)
			cache := t.TempDir()
			res := installRun{ref: tc.ref, runnerOS: "Linux", runnerArch: "X64", server: srv, toolCache: cache,
				stubs: map[string]string{"go": recordingStub("go", 0)}}.run(t)
			if res.err != nil {
				t.Fatalf("install failed: %v\n%s", res.err, res.out)
			}
			if !strings.Contains(res.out, "building from source") || !strings.Contains(res.out, tc.ref) {
				t.Errorf("the log does not say it builds %s from source: %q", tc.ref, res.out)
			}
			if !strings.HasPrefix(res.calls, "go build -trimpath -o ") {
				t.Errorf("go calls %q: want go build -trimpath -o …", res.calls)
			}
			if got := srv.requested(); !slices.Equal(got, tc.requested) {
				t.Errorf("requested %q, want %q", got, tc.requested)
			}
			p := res.outputs["path"]
			if p == "" || strings.HasPrefix(p, cache) {
				t.Errorf("path output %q: want a fresh build outside the tool cache", p)
			}
			if out, err := exec.Command(p).Output(); err != nil || string(out) != "built\n" {
				t.Errorf("the path output runs as %q (%v): not the binary go built", out, err)
			}
		})
	}
}

// TestActionInstallNoGo: the fallback without Go on the runner says what
// to add.
func TestActionInstallNoGo(t *testing.T) {
	res := installRun{ref: "main", runnerOS: "Linux", runnerArch: "X64", toolCache: t.TempDir()}.run(t)
	if res.err == nil || !strings.Contains(res.out, "actions/setup-go") {
		t.Errorf("err %v, output %q: want a failure naming actions/setup-go", res.err, res.out)
	}
}

// releaseConfig is the part of .goreleaser.yaml the action depends on.
type releaseConfig struct {
	ProjectName string `json:"project_name"`
	Builds      []struct {
		ID     string   `json:"id"`
		Binary string   `json:"binary"`
		Tags   []string `json:"tags"`
		Goos   []string `json:"goos"`
		Goarch []string `json:"goarch"`
	} `json:"builds"`
	Archives []struct {
		IDs             []string `json:"ids"`
		NameTemplate    string   `json:"name_template"`
		Formats         []string `json:"formats"`
		FormatOverrides []struct {
			Goos    string   `json:"goos"`
			Formats []string `json:"formats"`
		} `json:"format_overrides"`
	} `json:"archives"`
	Checksum struct {
		NameTemplate string `json:"name_template"`
	} `json:"checksum"`
}

// TestReleaseConfigFitsAction: the release publishes what the action
// downloads (the archive names, formats and checksums file
// scripts/action-install asks for, for every runner it maps), and the
// workflow the action's attestation check names exists and may sign.
func TestReleaseConfigFitsAction(t *testing.T) {
	cfg, _ := readYAML[releaseConfig](t, ".goreleaser.yaml")
	if cfg.ProjectName != "oidcscope" || len(cfg.Builds) != 2 || len(cfg.Archives) != 1 {
		t.Fatalf("project %q, %d builds, %d archives: want oidcscope, 2, 1", cfg.ProjectName, len(cfg.Builds), len(cfg.Archives))
	}
	// oidcscope runs the CEL providers in oidcscope-cel (build tag
	// celhelper), which the action installs beside it from the same archive.
	main, helper := cfg.Builds[0], cfg.Builds[1]
	if main.Binary != "oidcscope" || !slices.Contains(main.Tags, "celhelper") || helper.Binary != "oidcscope-cel" || len(helper.Tags) != 0 {
		t.Errorf("builds %s (tags %v) and %s (tags %v): want oidcscope with celhelper and oidcscope-cel", main.Binary, main.Tags, helper.Binary, helper.Tags)
	}
	for _, b := range cfg.Builds {
		for _, want := range []string{"linux", "darwin", "windows"} {
			if !slices.Contains(b.Goos, want) {
				t.Errorf("%s: goos %v lacks %s", b.ID, b.Goos, want)
			}
		}
		for _, want := range []string{"amd64", "arm64"} {
			if !slices.Contains(b.Goarch, want) {
				t.Errorf("%s: goarch %v lacks %s", b.ID, b.Goarch, want)
			}
		}
	}
	ar := cfg.Archives[0]
	if !slices.Equal(ar.IDs, []string{"oidcscope", "oidcscope-cel"}) {
		t.Errorf("archive ids %v: the action installs both binaries from one archive", ar.IDs)
	}
	if ar.NameTemplate != "{{ .ProjectName }}_{{ .Version }}_{{ .Os }}_{{ .Arch }}" {
		t.Errorf("archive name_template %q: scripts/action-install asks for oidcscope_<version>_<os>_<arch>", ar.NameTemplate)
	}
	if !slices.Equal(ar.Formats, []string{"tar.gz"}) || len(ar.FormatOverrides) != 1 ||
		ar.FormatOverrides[0].Goos != "windows" || !slices.Equal(ar.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("archive formats %v %+v: the action wants tar.gz, zip on windows", ar.Formats, ar.FormatOverrides)
	}
	if cfg.Checksum.NameTemplate != "checksums.txt" {
		t.Errorf("checksum name_template %q, the action reads checksums.txt", cfg.Checksum.NameTemplate)
	}

	// The workflow the attestation check names.
	w, _ := readYAML[workflowFile](t, filepath.Join(".github", "workflows", "release.yml"))
	attests := false
	for name, job := range w.Jobs {
		for _, p := range []string{"id-token", "contents", "attestations"} {
			if job.Permissions[p] != "write" {
				t.Errorf("job %s: permissions: %s is %q, want write", name, p, job.Permissions[p])
			}
		}
		for _, s := range job.Steps {
			if strings.HasPrefix(s.Uses, "actions/attest-build-provenance@") && s.With["subject-checksums"] == "dist/checksums.txt" {
				attests = true
			}
			if s.Uses != "" && !strings.HasPrefix(s.Uses, "./") && !fullSHA.MatchString(s.Uses) {
				t.Errorf("step uses %q: pin a third-party action by its full commit SHA", s.Uses)
			}
		}
	}
	if !attests {
		t.Error("release.yml attests nothing: want actions/attest-build-provenance over dist/checksums.txt")
	}
}

var fullSHA = regexp.MustCompile(`@[0-9a-f]{40}$`)
