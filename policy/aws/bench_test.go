package aws

import (
	"runtime"
	"sync/atomic"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

// manyRoles is list-roles output with n roles; the last pins repository_id
// 1000+n-1, so push-main (74) is let in by none.
func manyRoles(n int) []byte { return policytest.ManyAWSRoles(n, 1000+n-1) }

func BenchmarkEvaluate10000Roles(b *testing.B) {
	pols, err := New().Parse("roles.json", manyRoles(10000))
	if err != nil {
		b.Fatal(err)
	}
	tok := policytest.FixtureToken(b, "push-main")
	b.ResetTimer()
	for b.Loop() {
		allowed := 0
		for _, p := range pols {
			if p.Evaluate(tok).Verdict == policy.Allow {
				allowed++
			}
		}
		if allowed != 0 { // the last role also pins repository_id 10999
			b.Fatalf("%d roles allow push-main, want 0", allowed)
		}
	}
}

func BenchmarkParse10000Roles(b *testing.B) {
	data := manyRoles(10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := New().Parse("roles.json", data); err != nil {
			b.Fatal(err)
		}
	}
}

// TestManyRoles is the benchmark's workload as a test: every role parses
// and is evaluated, quickly enough for the test budget.
func TestManyRoles(t *testing.T) {
	pols, err := New().Parse("roles.json", manyRoles(2000))
	if err != nil {
		t.Fatal(err)
	}
	if len(pols) != 2000 {
		t.Fatalf("got %d roles", len(pols))
	}
	tok := policytest.Payload(t, pushMain(`"repository_id":"2999"`))
	var allowed []string
	for _, p := range pols {
		if p.Evaluate(tok).Verdict == policy.Allow {
			allowed = append(allowed, p.Source())
		}
	}
	if len(allowed) != 1 || allowed[0] != "roles.json#1999" {
		t.Errorf("allowed %v, want only roles.json#1999", allowed)
	}
}

// BenchmarkParseEvaluatePeakHeap reports the peak heap (sampled) of parsing
// a document and evaluating a token against every policy in it: the
// review's 300,000-key document (refused at once since the caps), the
// largest list the caps admit (condition keys, the costliest item), and
// the 10,000-role benchmark.
func BenchmarkParseEvaluatePeakHeap(b *testing.B) {
	atCap := MaxPolicyItems/2 - 8 // keys per role, so a role holds just under MaxPolicyItems items
	for _, bc := range []struct {
		name string
		doc  []byte
	}{
		{"review-300000-keys", []byte(keysPolicy(300_000))},
		{"list-at-item-cap", []byte(rolesOf(repeat(keysPolicy(atCap), MaxListItems/(2*atCap+4))...))}, // statement, principal, action, operator, keys and values
		{"10000-roles", manyRoles(10000)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			tok := policytest.FixtureToken(b, "push-main")
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakHeap(func() {
					pols, _ := New().Parse("doc.json", bc.doc)
					for _, p := range pols {
						p.Evaluate(tok)
					}
				}))
			}
			b.ReportMetric(float64(len(bc.doc))/(1<<20), "doc-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

// peakHeap runs f and returns the most heap in use above what was in use
// before, sampled every millisecond.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	base := m.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		var s runtime.MemStats
		for {
			runtime.ReadMemStats(&s)
			if s.HeapInuse > base && s.HeapInuse-base > peak.Load() {
				peak.Store(s.HeapInuse - base)
			}
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	f()
	close(done)
	runtime.ReadMemStats(&m)
	if m.HeapInuse > base {
		peak.Store(max(peak.Load(), m.HeapInuse-base))
	}
	return peak.Load()
}
