package celbomb

import (
	"runtime"
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
