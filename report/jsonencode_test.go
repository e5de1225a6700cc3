package report_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/report"
)

// TestJSONMatchesEncoder: for every test report, JSON writes the bytes
// encoding/json writes for the whole document, indented and escaped.
func TestJSONMatchesEncoder(t *testing.T) {
	for name, r := range reports(t) {
		var got, want bytes.Buffer
		if err := report.JSON(&got, r); err != nil {
			t.Fatal(err)
		}
		if err := report.JSONByEncoder(&want, r); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: JSON differs from encoding/json's document\n--- got\n%s\n--- want\n%s", name, got.Bytes(), want.Bytes())
		}
	}
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
