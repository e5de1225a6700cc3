package celclaims

import (
	"testing"
)

func TestEval(t *testing.T) {
	env := testEnv(t)
	out, err := eval(program(t, env, "claims.a == 'x'"), map[string]any{"claims": map[string]any{"a": "x"}})
	if err != nil || out.Value() != true {
		t.Fatalf("Eval = %v %v", out, err)
	}
	// A missing key is an error value in cel-go: it comes back as an error.
	_, err = eval(program(t, env, "claims.environment == 'prod'"), map[string]any{"claims": map[string]any{}})
	if err == nil {
		t.Fatal("a read of an absent claim did not fail")
	}
	if key, ok := MissingKey(err); !ok || key != "environment" {
		t.Errorf("MissingKey(%v) = %q %v", err, key, ok)
	}
	_, err = eval(program(t, env, "claims.n == 'x' + claims.n"), map[string]any{"claims": map[string]any{"n": int64(1)}})
	if err == nil {
		t.Fatal("string + int did not fail")
	}
	if key, ok := MissingKey(err); ok {
		t.Errorf("MissingKey(%v) = %q for an overload error", err, key)
	}
	if _, ok := MissingKey(nil); ok {
		t.Error("MissingKey(nil) matched")
	}
}
