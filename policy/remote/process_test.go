package remote_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/remote"
)

// buildHelper builds cmd/oidcscope-cel stamped with version.
func buildHelper(t *testing.T, version string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the helper")
	}
	name := remote.HelperName
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	out := filepath.Join(t.TempDir(), name)
	cmd := exec.Command("go", "build", "-o", out,
		"-ldflags=-X github.com/oidcscope/oidcscope/internal/buildinfo.version="+version, "../../cmd/oidcscope-cel")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, msg)
	}
	return out
}

// TestHelperProcess: the real helper, started as oidcscope starts it,
// parses and evaluates; Close ends it.
func TestHelperProcess(t *testing.T) {
	path := buildHelper(t, testVersion)
	conn, err := remote.Start(path, testVersion)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../fixtures/policies/k8s/octo-repo-main.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dial := func() (*remote.Conn, error) { return conn, nil }
	p := remote.Registration(policy.Registration{ProviderInfo: policy.InfoOf(policy.K8s)},
		remote.Local{Mentions: func([]byte) bool { return true }}, dial).New()
	pols, err := p.Parse("octo-repo-main.yaml", data)
	if err != nil || len(pols) != 1 {
		t.Fatalf("Parse = %v, %v", pols, err)
	}
	toks := tokens(t)
	if got := policy.SafeEvaluate(pols[0], toks["push-main.jwt"]).Verdict; got != policy.Allow {
		t.Errorf("push-main: %s, want allow", got)
	}
	if got := policy.SafeEvaluate(pols[0], toks["pull-request.jwt"]).Verdict; got != policy.Deny {
		t.Errorf("pull-request: %s, want deny", got)
	}
	if err := conn.Close(); err != nil {
		t.Errorf("Close: %v (the helper should end cleanly when its input ends)", err)
	}
	res := policy.SafeEvaluate(pols[0], toks["push-main.jwt"])
	if res.Verdict != policy.Error || !strings.Contains(res.Error, "helper") {
		t.Errorf("after Close: %s %q, want an error naming the helper", res.Verdict, res.Error)
	}
}

// TestHelperOfAnotherRelease: a helper from another release is refused,
// naming both releases, rather than trusted to judge alike.
func TestHelperOfAnotherRelease(t *testing.T) {
	path := buildHelper(t, "v9.9.9")
	_, err := remote.Start(path, testVersion)
	if !errors.Is(err, remote.ErrHelper) || !strings.Contains(err.Error(), "v9.9.9") || !strings.Contains(err.Error(), testVersion) {
		t.Fatalf("Start = %v, want a refusal naming v9.9.9 and %s", err, testVersion)
	}
}

// TestLocate: the environment variable wins; without it and without a
// helper beside the executable or on PATH, the error says what to install.
func TestLocate(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == remote.HelperEnv {
				return v
			}
			return ""
		}
	}
	if got, err := remote.Locate(env("/opt/x/oidcscope-cel")); err != nil || got != "/opt/x/oidcscope-cel" {
		t.Errorf("Locate with %s = %q, %v", remote.HelperEnv, got, err)
	}
	t.Setenv("PATH", t.TempDir())
	_, err := remote.Locate(env(""))
	if !errors.Is(err, remote.ErrHelper) || !strings.Contains(err.Error(), "oidcscope-cel") || !strings.Contains(err.Error(), remote.HelperEnv) {
		t.Errorf("Locate without a helper = %v", err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, remote.HelperName)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if err := os.WriteFile(name, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	if got, err := remote.Locate(env("")); err != nil || got != name {
		t.Errorf("Locate with the helper on PATH = %q, %v", got, err)
	}
}

// TestMissingHelperSaysSo: a document the provider marks is detected and
// its Parse names the missing helper, rather than the document being
// called nobody's.
func TestMissingHelperSaysSo(t *testing.T) {
	missing := errors.Join(remote.ErrHelper, errors.New("not installed"))
	p := remote.Registration(policy.Registration{ProviderInfo: policy.InfoOf(policy.GCP)},
		remote.Local{Mentions: func(d []byte) bool { return strings.Contains(string(d), "issuerUri") }},
		func() (*remote.Conn, error) { return nil, missing }).New()
	if p.Detect([]byte(`{"Version":"2012-10-17"}`)) {
		t.Error("a document without the mark is detected")
	}
	if !p.Detect([]byte(`{"oidc":{"issuerUri":"x"}}`)) {
		t.Error("a marked document is not detected when the helper is missing")
	}
	if _, err := p.Parse("x.json", []byte(`{"oidc":{"issuerUri":"x"}}`)); !errors.Is(err, missing) {
		t.Errorf("Parse = %v, want the helper's error", err)
	}
}
