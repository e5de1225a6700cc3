// Package guard bounds how long a test waits on a call that should end:
// a guard against a hang, not a timing check.
package guard

import "time"

// Within runs f on its own goroutine and returns what it returns, or
// ok false when it has not returned within d. A call that never returns
// is left running: the caller moves on, as a test that reports the hang
// would.
func Within[T any](d time.Duration, f func() T) (v T, ok bool) {
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v = <-done:
		return v, true
	case <-time.After(d):
		return v, false
	}
}
