package cli

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// The instants --at accepts, in Unix seconds: from the epoch to the last
// second a NumericDate may name (decode reads none later), so a typo or
// NaN is refused instead of wrapping to another year.
const (
	minAtUnix = 0            // 1970-01-01T00:00:00Z
	maxAtUnix = 253402300799 // 9999-12-31T23:59:59Z
)

// Why --at was refused, for errors.Is.
var (
	errInstantRange  = errors.New("outside 1970-01-01T00:00:00Z … 9999-12-31T23:59:59Z")
	errInstantSyntax = errors.New("neither RFC 3339 (2026-01-02T15:04:05Z) nor unix seconds")
)

// parseInstant reads --at: RFC 3339, or seconds since the epoch.
func parseInstant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		f, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil {
			return time.Time{}, fmt.Errorf("%s is %w", quoted(s), errInstantSyntax)
		}
		// Written so that NaN, which fails every comparison, is refused.
		if !(f >= minAtUnix && f <= maxAtUnix) {
			return time.Time{}, fmt.Errorf("%s is %w", quoted(s), errInstantRange)
		}
		sec, frac := math.Modf(f)
		t = time.Unix(int64(sec), int64(frac*1e9))
	}
	if u := t.Unix(); u < minAtUnix || u > maxAtUnix {
		return time.Time{}, fmt.Errorf("%s is %w", quoted(s), errInstantRange)
	}
	return t.UTC(), nil
}
