package celclaims

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types/ref"
)

// TestMeterDeadline: a comprehension still running at the policy's
// deadline is interrupted, and every later evaluation of the policy fails
// at once. The loop has no cost limit here, so only the deadline ends it.
func TestMeterDeadline(t *testing.T) {
	rt := testRuntime(t)
	src := "[0,1,2,3,4,5,6,7,8,9].all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f, [0,1,2,3,4,5,6,7,8,9].all(g, [0,1,2,3,4,5,6,7,8,9].all(h, true))))))))"
	a, iss := rt.Env().Compile(src)
	if iss.Err() != nil {
		t.Fatal(iss.Err())
	}
	unlimited, err := rt.Env().Program(a, cel.InterruptCheckFrequency(interruptEvery))
	if err != nil {
		t.Fatal(err)
	}
	m := Meter{timeout: 50 * time.Millisecond}
	defer m.Close()
	start := time.Now()
	_, err = m.Eval(looping{unlimited}, guardVars)
	if took := time.Since(start); !errors.Is(err, ErrCostLimit) || !strings.Contains(err.Error(), "ran for more than 50ms") || took > time.Second {
		t.Fatalf("after %v: %v, want the deadline", took, err)
	}
	if _, again := m.Eval(compile(t, rt, "true"), guardVars); again != err {
		t.Errorf("after the deadline: %v, want %v", again, err)
	}
}

// TestMeterPolicyBudget: the costs of a policy's evaluations add up, and
// past the policy's budget its later evaluations fail at once; an
// expression over its own limit fails alone.
func TestMeterPolicyBudget(t *testing.T) {
	rt := testRuntime(t)
	prg := compile(t, rt, "claims.l.all(x, x.size() > 0) && claims.l.all(x, x.size() > 0)")
	m := Meter{budget: 30}
	defer m.Close()
	var err error
	n := 0
	for ; n < 10 && err == nil; n++ {
		_, err = m.Eval(prg, guardVars)
	}
	if !errors.Is(err, ErrCostLimit) || !strings.Contains(err.Error(), "together") || n < 2 || m.Spent() <= 30 {
		t.Fatalf("after %d evaluations costing %d: %v, want the policy's budget", n, m.Spent(), err)
	}
	if _, again := m.Eval(compile(t, rt, "true"), guardVars); again != err {
		t.Errorf("past the budget: %v, want %v", again, err)
	}

	fresh := Meter{timeout: time.Minute} // the expression's own limit, not the clock
	defer fresh.Close()
	_, err = fresh.Eval(compile(t, rt, "claims.l.all(a, [0,1,2,3,4,5,6,7,8,9].all(b, [0,1,2,3,4,5,6,7,8,9].all(c, [0,1,2,3,4,5,6,7,8,9].all(d, [0,1,2,3,4,5,6,7,8,9].all(e, [0,1,2,3,4,5,6,7,8,9].all(f, [0,1,2,3,4,5,6,7,8,9].all(g, true)))))))"), guardVars)
	if !errors.Is(err, ErrCostLimit) || !strings.Contains(err.Error(), "per expression") {
		t.Fatalf("an expression over its limit: %v", err)
	}
	if out, err := fresh.Eval(compile(t, rt, "claims.n + 1"), guardVars); err != nil || out.Value() != int64(4) {
		t.Errorf("the next expression: %v %v, want 4", out, err)
	}
}

// TestMeterResultSize: a value too large to read back (a list doubled in
// nested scopes claims 2^25 elements while costing nothing to build) is
// an error, found without walking it.
func TestMeterResultSize(t *testing.T) {
	rt := testRuntime(t)
	src := "[claims.l]"
	for i := range 24 {
		v := "v" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		src = src + ".map(" + v + ", " + v + " + " + v + ")"
	}
	var m Meter
	defer m.Close()
	start := time.Now()
	_, err := m.Eval(compile(t, rt, src), guardVars)
	if !errors.Is(err, ErrCostLimit) || !strings.Contains(err.Error(), "value holds more than") || time.Since(start) > time.Second {
		t.Fatalf("%v after %v, want the result refused", err, time.Since(start))
	}
	if out, err := m.Eval(compile(t, rt, "claims.l + claims.l"), guardVars); err != nil || out.(interface{ Size() ref.Val }) == nil {
		t.Errorf("a small list: %v %v", out, err)
	}
}
