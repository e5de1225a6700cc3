package guard

import (
	"testing"
	"time"
)

func TestWithin(t *testing.T) {
	if v, ok := Within(time.Second, func() int { return 7 }); !ok || v != 7 {
		t.Errorf("a call that returns: %d, %v; want 7, true", v, ok)
	}
	block := make(chan struct{})
	defer close(block)
	if v, ok := Within(10*time.Millisecond, func() int { <-block; return 7 }); ok || v != 0 {
		t.Errorf("a call that hangs: %d, %v; want 0, false", v, ok)
	}
}
