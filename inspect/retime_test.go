package inspect_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/verify"
)

// TestRetimeIsRunAtTheNewInstant: a report re-timed to a later instant
// has the checks Run gives at that instant (exp turns to fail once past),
// its signature untouched, and the report it came from is not changed; a
// report at a fixed instant (--at) stays as it is.
func TestRetimeIsRunAtTheNewInstant(t *testing.T) {
	start := fixtures.StaticNow()
	tok, err := fixtures.Sign(fixtures.DefaultDemo, start)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := verify.ParseJWKS(fixtures.DemoJWKS(), verify.SourceJWKSFile, "demo")
	if err != nil {
		t.Fatal(err)
	}
	at := func(now time.Time) inspect.Options {
		return inspect.Options{Input: []byte(tok), Keys: keys, Source: verify.Source{Offline: true},
			Audiences: []string{"sts.amazonaws.com"}, Leeway: verify.DefaultLeeway,
			Now: func() time.Time { return now }}
	}
	first := inspect.Run(context.Background(), at(start))
	before := first.Verify
	for _, d := range []time.Duration{time.Second, 4 * time.Minute, 6 * time.Minute, -10 * time.Minute} {
		later := start.Add(d)
		got := inspect.Retime(first, at(later), later)
		want := inspect.Run(context.Background(), at(later))
		if !reflect.DeepEqual(got.Verify, want.Verify) || !got.At.Equal(later) {
			t.Errorf("%s on: re-timed checks\n%+v\nwant\n%+v", d, got.Verify.Checks, want.Verify.Checks)
		}
	}
	if !reflect.DeepEqual(first.Verify, before) || !first.At.Equal(start) {
		t.Error("Retime changed the report it was given")
	}
	if want := inspect.Run(context.Background(), at(start.Add(6*time.Minute))); !want.Verify.Failed() {
		t.Fatal("six minutes on, the demo token should have expired")
	}

	fixed := at(start)
	fixed.At = start
	r := inspect.Run(context.Background(), fixed)
	if inspect.Retime(r, fixed, start.Add(time.Hour)) != r {
		t.Error("a report at --at's instant was re-timed")
	}
}
