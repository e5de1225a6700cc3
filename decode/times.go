package decode

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// TimeClaims are the registered claims holding a NumericDate.
var TimeClaims = []string{"exp", "nbf", "iat", "auth_time"}

// IsTimeClaim reports whether name holds a NumericDate.
func IsTimeClaim(name string) bool {
	return slices.Contains(TimeClaims, name)
}

var (
	ErrNotNumericDate = errors.New("not a NumericDate (seconds since 1970 as a JSON number)")
	ErrDateRange      = errors.New("NumericDate out of range")
)

// maxNumericDate is 9999-12-31T23:59:59Z; anything later is a hostile or
// broken value, not a date a verifier could meaningfully compare.
const maxNumericDate = 253402300799

// NumericDate reads a JSON number of seconds since the epoch (RFC 7519 §2),
// fractions allowed. Strings, huge values and NaN-like literals are errors.
func NumericDate(v Value) (time.Time, error) {
	if v.Kind != Number {
		return time.Time{}, fmt.Errorf("%w: got %s", ErrNotNumericDate, v.Kind)
	}
	f, err := strconv.ParseFloat(v.Text, 64)
	if err != nil || math.IsInf(f, 0) || math.Abs(f) > maxNumericDate {
		return time.Time{}, fmt.Errorf("%w: %s", ErrDateRange, shortLiteral(v.Text))
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), nil
}

func shortLiteral(s string) string {
	if len(s) > 32 {
		return s[:32] + "…"
	}
	return s
}

// Relative says how t relates to now in words people use for tokens:
// "in 4m12s", "3h ago". Precision drops as the distance grows.
func Relative(t, now time.Time) string {
	d := t.Sub(now)
	if d >= 0 {
		if d < time.Second {
			return "just now"
		}
		return "in " + roughDuration(d)
	}
	if -d < time.Second {
		return "just now"
	}
	return roughDuration(-d) + " ago"
}

// roughDuration keeps two units at most: 4m12s, 3h5m, 2d4h, 400d.
func roughDuration(d time.Duration) string {
	d = d.Truncate(time.Second)
	days := int64(d / (24 * time.Hour))
	switch {
	case days >= 100:
		return strconv.FormatInt(days, 10) + "d"
	case days >= 1:
		h := int64((d % (24 * time.Hour)) / time.Hour)
		return joinUnits(days, "d", h, "h")
	case d >= time.Hour:
		return joinUnits(int64(d/time.Hour), "h", int64((d%time.Hour)/time.Minute), "m")
	case d >= time.Minute:
		return joinUnits(int64(d/time.Minute), "m", int64((d%time.Minute)/time.Second), "s")
	}
	return strconv.FormatInt(int64(d/time.Second), 10) + "s"
}

func joinUnits(a int64, ua string, b int64, ub string) string {
	var sb strings.Builder
	sb.WriteString(strconv.FormatInt(a, 10) + ua)
	if b > 0 {
		sb.WriteString(strconv.FormatInt(b, 10) + ub)
	}
	return sb.String()
}
