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

// The NumericDates read, in seconds: from -999999-01-01T00:00:00Z up to, not
// including, 1000000-01-01T00:00:00Z, where the year stops fitting in six
// digits. RFC 7519 allows any number, and a date in milliseconds
// (1704067500000, year 55969) must read as what the token says, as every
// verifier reads it. Within the bound time.Time holds the value, Format
// writes the year in full and float64 keeps milliseconds; past it lie
// microseconds and values only a hostile or broken issuer writes.
const (
	minNumericDate = -31619087596800 // -999999-01-01T00:00:00Z
	endNumericDate = 31494784780800  // 1000000-01-01T00:00:00Z, the first refused
)

// NumericDate reads a JSON number of seconds since the epoch (RFC 7519 §2),
// fractions allowed. Strings, values out of the bound above, NaN and
// infinities are errors.
func NumericDate(v Value) (time.Time, error) {
	if v.Kind != Number {
		return time.Time{}, fmt.Errorf("%w: got %s", ErrNotNumericDate, v.Kind)
	}
	f, err := strconv.ParseFloat(v.Text, 64)
	// Written so that NaN, which compares false with everything, fails.
	if err != nil || !(f >= minNumericDate && f < endNumericDate) {
		return time.Time{}, fmt.Errorf("%w: %s", ErrDateRange, shortLiteral(v.Text))
	}
	sec, frac := math.Modf(f)
	return time.Unix(int64(sec), int64(frac*1e9)).UTC(), nil
}

// AsMilliseconds is the instant t would be had its issuer written
// milliseconds where RFC 7519 says seconds, and whether t looks like that:
// a NumericDate past the year 9999 whose value, read as milliseconds, is an
// ordinary date (1704067500000 is 2024-01-01T00:05:00Z in milliseconds and
// the year 55969 in seconds). Callers warn; the date stays as written.
func AsMilliseconds(t time.Time) (time.Time, bool) {
	if t.Year() <= 9999 {
		return time.Time{}, false
	}
	return time.UnixMilli(t.Unix()).UTC(), true
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
	// A time.Duration holds ±292 years and t.Sub clamps beyond; whole
	// days from Unix seconds do not (a NumericDate stays in int64 range).
	const farDays = 100
	if secs := t.Unix() - now.Unix(); secs >= farDays*86400 {
		return "in " + strconv.FormatInt(secs/86400, 10) + "d"
	} else if secs <= -farDays*86400 {
		return strconv.FormatInt(-secs/86400, 10) + "d ago"
	}
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
