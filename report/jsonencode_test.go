package report_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report"
	"github.com/oidcscope/oidcscope/verify"
)

// TestJSONMatchesEncoder: for every test report, JSON writes the bytes
// encoding/json writes for the whole document, indented and escaped.
func TestJSONMatchesEncoder(t *testing.T) {
	for name, r := range reports(t) {
		if got, want := jsonBothWays(t, r); !bytes.Equal(got, want) {
			t.Errorf("%s: JSON differs from encoding/json's document\n--- got\n%s\n--- want\n%s", name, got, want)
		}
	}
}

// jsonBothWays writes r with JSON (got) and with encoding/json's encoder
// (want), the document JSON has to match byte for byte.
func jsonBothWays(t *testing.T, r *inspect.Report) (got, want []byte) {
	t.Helper()
	var g, w bytes.Buffer
	if err := report.JSON(&g, r); err != nil {
		t.Fatal(err)
	}
	if err := report.JSONByEncoder(&w, r); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), w.Bytes()
}

// jsonBytesAllocated is the average of the bytes report.JSON allocates to
// write r, once the package's own caches are warm.
func jsonBytesAllocated(t *testing.T, r *inspect.Report) (allocated uint64, written int) {
	var out bytes.Buffer
	if err := report.JSON(&out, r); err != nil {
		t.Fatal(err)
	}
	written = out.Len()
	out.Grow(written) // the destination's growth is not the writer's
	const runs = 5
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		out.Reset()
		if err := report.JSON(&out, r); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	return (after.TotalAlloc - before.TotalAlloc) / runs, written
}

// TestJSONAllocatesLittle: writing a report allocates its batch buffers
// and the document's outline, not copies the size of the document. (Each
// fresh 4 KiB is a page fault in a process that lives for milliseconds;
// through encoding/json and growing buffers, the 155 KB report of every
// provider's policies took 352 KB, warm, and now takes 27 KB.)
func TestJSONAllocatesLittle(t *testing.T) {
	rs := reports(t)
	for _, name := range []string{"environment-prod-policies", "push-main-valid"} {
		allocated, written := jsonBytesAllocated(t, rs[name])
		t.Logf("%s: %d bytes allocated to write %d", name, allocated, written)
		if limit := uint64(48 << 10); allocated > limit {
			t.Errorf("%s: report.JSON allocated %d bytes to write %d, want at most %d", name, allocated, written, limit)
		}
	}
}

// TestJSONLargePayloadPassesInPieces: a token near the 1 MiB limit goes
// through the writer's buffer member by member, not whole: its payload is
// one value of the report, and appending it whole grew a buffer to
// several times its size.
func TestJSONLargePayloadPassesInPieces(t *testing.T) {
	var payload strings.Builder
	payload.WriteString(`{"iss":"https://token.actions.githubusercontent.com","sub":"repo:o/r:ref:refs/heads/main"`)
	for i := range 1500 {
		fmt.Fprintf(&payload, `,"x_%04d":"%s"`, i, strings.Repeat("v", 400))
	}
	payload.WriteString(`}`)
	b64 := base64.RawURLEncoding.EncodeToString
	token := b64([]byte(`{"alg":"none"}`)) + "." + b64([]byte(payload.String())) + "."
	r := inspect.Run(context.Background(), inspect.Options{Input: []byte(token), Source: verify.Source{Offline: true}})
	allocated, written := jsonBytesAllocated(t, r)
	t.Logf("%d bytes allocated to write %d", allocated, written)
	if allocated > uint64(written)/2 {
		t.Errorf("report.JSON allocated %d bytes to write %d: the payload went through whole", allocated, written)
	}
}
