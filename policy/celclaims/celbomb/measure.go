package celbomb

import (
	"runtime"
	"testing"
	"time"
)

// Measure runs f and returns the CPU time the process spent meanwhile
// and the bytes it allocated (all of them, whether collected since or
// not). CPU time, not wall time: on a loaded machine a test process waits
// for a CPU, and a bound on wall time would fail for that; a bomb that is
// not stopped burns CPU whatever the load.
func Measure(f func()) (cpu time.Duration, alloc uint64) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := processCPU()
	f()
	cpu = processCPU() - start
	runtime.ReadMemStats(&after)
	return cpu, after.TotalAlloc - before.TotalAlloc
}

// The bounds one stopped bomb must keep (issue 13), in CPU time and bytes
// allocated: generous next to what a stopped bomb costs (milliseconds, a
// few MB), far below what one did unbounded (1.78 GB and 8.8 s, minutes,
// or the process killed out of memory).
const (
	MaxCPU   = time.Second
	MaxAlloc = 100 << 20
)

// CheckBounds fails tb when a measurement passes MaxCPU or MaxAlloc.
func CheckBounds(tb testing.TB, cpu time.Duration, alloc uint64) {
	tb.Helper()
	if cpu > MaxCPU || alloc > MaxAlloc {
		tb.Errorf("took %v of CPU and allocated %d MB; the bounds are %v and %d MB", cpu, alloc>>20, MaxCPU, MaxAlloc>>20)
	}
}
