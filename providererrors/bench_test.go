package providererrors

import (
	"strings"
	"testing"
)

// BenchmarkFind1MiBLine is the worst paste for Find: a megabyte on one
// line (a paste of base64 or minified JSON), which every expression
// scans in both joins.
func BenchmarkFind1MiBLine(b *testing.B) {
	text := strings.Repeat("A", 1<<20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if ms := Find(text); len(ms) != 0 {
			b.Fatalf("found %d", len(ms))
		}
	}
}

// BenchmarkFind1MiBLog is a megabyte of job log with one error at its end.
func BenchmarkFind1MiBLog(b *testing.B) {
	line := "2026-12-06T10:00:00.0000000Z ##[group]Run actions/checkout@v4 with: fetch-depth 1\n"
	text := strings.Repeat(line, (1<<20)/len(line)) + "Error: Could not assume role with OIDC: Incorrect token audience\n"
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if ms := Find(text); len(ms) != 1 {
			b.Fatalf("found %d", len(ms))
		}
	}
}
