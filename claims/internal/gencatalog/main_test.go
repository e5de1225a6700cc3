package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/oidcscope/oidcscope/claims"
)

// TestGeneratedProfilesMatchFiles: profiles_gen.go is what the generator
// makes of profiles/*.json now. When a profile changes, run
// `go generate ./claims`.
func TestGeneratedProfilesMatchFiles(t *testing.T) {
	dir := filepath.Join("..", "..")
	profiles, err := claims.ReadProfiles(os.DirFS(filepath.Join(dir, "profiles")), ".")
	if err != nil {
		t.Fatal(err)
	}
	want, err := Source(profiles)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "profiles_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("claims/profiles_gen.go is out of date with claims/profiles/*.json: run go generate ./claims")
	}
}
