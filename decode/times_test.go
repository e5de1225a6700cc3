package decode

import (
	"errors"
	"strconv"
	"testing"
	"time"
)

func TestNumericDate(t *testing.T) {
	tests := []struct {
		lit  Value
		want time.Time
		err  error
	}{
		{Value{Kind: Number, Text: "1764090768"}, time.Date(2025, 11, 25, 17, 12, 48, 0, time.UTC), nil},
		{Value{Kind: Number, Text: "1764090768.5"}, time.Date(2025, 11, 25, 17, 12, 48, 5e8, time.UTC), nil},
		{Value{Kind: Number, Text: "-1"}, time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), nil},
		{Value{Kind: Number, Text: "1.7e9"}, time.Unix(1.7e9, 0).UTC(), nil},
		{Value{Kind: String, Text: "1764090768"}, time.Time{}, ErrNotNumericDate},
		{Value{Kind: Number, Text: "1e300"}, time.Time{}, ErrDateRange},
		{Value{Kind: Number, Text: "99999999999999999999999999"}, time.Time{}, ErrDateRange},
		{Value{Kind: Number, Text: "1e999"}, time.Time{}, ErrDateRange},
	}
	for _, tt := range tests {
		got, err := NumericDate(tt.lit)
		if !errors.Is(err, tt.err) || !got.Equal(tt.want) {
			t.Errorf("NumericDate(%s %q) = %v, %v; want %v, %v", tt.lit.Kind, tt.lit.Text, got, err, tt.want, tt.err)
		}
	}
}

func TestRelative(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		d    time.Duration
		want string
	}{
		{4*time.Minute + 12*time.Second, "in 4m12s"},
		{-3 * time.Hour, "3h ago"},
		{-(3*time.Hour + 5*time.Minute + 9*time.Second), "3h5m ago"},
		{500 * time.Millisecond, "just now"},
		{-12 * time.Second, "12s ago"},
		{26 * time.Hour, "in 1d2h"},
		{-400 * 24 * time.Hour, "400d ago"},
		{5 * time.Minute, "in 5m"},
	}
	for _, tt := range tests {
		if got := Relative(now.Add(tt.d), now); got != tt.want {
			t.Errorf("Relative(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

// TestNumericDateWideRange: RFC 7519 allows any number of seconds; values
// in milliseconds (year 55970) are read as written, and the bound is where
// a year stops fitting in six digits.
func TestNumericDateWideRange(t *testing.T) {
	last := time.Date(999999, 12, 31, 23, 59, 59, 0, time.UTC).Unix()
	first := time.Date(-999999, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	tests := []struct {
		text     string
		wantYear int
		err      error
	}{
		{"1704067500000", 55969, nil}, // 2024-01-01T00:05:00Z in milliseconds
		{"253402300800", 10000, nil},  // one second past 9999
		{strconv.FormatInt(last, 10), 999999, nil},
		{strconv.FormatInt(last, 10) + ".5", 999999, nil},
		{strconv.FormatInt(last+1, 10), 0, ErrDateRange},
		{strconv.FormatInt(first, 10), -999999, nil},
		{strconv.FormatInt(first-1, 10), 0, ErrDateRange},
		{"1704067500000000", 0, ErrDateRange}, // microseconds
		{"-1704067500000", -52030, nil},
		{"NaN", 0, ErrDateRange},
		{"Infinity", 0, ErrDateRange},
		{"-Inf", 0, ErrDateRange},
	}
	for _, tt := range tests {
		got, err := NumericDate(Value{Kind: Number, Text: tt.text})
		if !errors.Is(err, tt.err) || (tt.err == nil && got.Year() != tt.wantYear) {
			t.Errorf("NumericDate(%s) = %v (year %d), %v; want year %d, %v", tt.text, got, got.Year(), err, tt.wantYear, tt.err)
		}
	}
}

// TestRelativeFarAway: distances past what a time.Duration holds (292
// years) are counted, not clamped.
func TestRelativeFarAway(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		t    time.Time
		want string
	}{
		{time.Date(2326, 1, 1, 0, 0, 0, 0, time.UTC), "in 109572d"},  // 300 × 365 + 72 leap days
		{time.Date(1726, 1, 1, 0, 0, 0, 0, time.UTC), "109573d ago"}, // 1800 and 1900 are no leap years, 2000 is
		{time.Unix(1704067500000, 0), "in 19702549d"},                // (1704067500000 - 1767225600) / 86400
	}
	for _, tt := range tests {
		if got := Relative(tt.t, now); got != tt.want {
			t.Errorf("Relative(%v) = %q, want %q", tt.t, got, tt.want)
		}
	}
}

func TestAsMilliseconds(t *testing.T) {
	tests := []struct {
		text string
		ok   bool
		want time.Time
	}{
		{"1704067500000", true, time.Date(2024, 1, 1, 0, 5, 0, 0, time.UTC)},
		{"253402300800", true, time.Date(1978, 1, 11, 21, 31, 40, 800e6, time.UTC)}, // the first second of year 10000
		{"253402300799", false, time.Time{}},                                        // 9999-12-31T23:59:59Z: seconds
		{"1704067500", false, time.Time{}},
		{"-1704067500000", false, time.Time{}},
	}
	for _, tt := range tests {
		d, err := NumericDate(Value{Kind: Number, Text: tt.text})
		if err != nil {
			t.Fatalf("NumericDate(%s): %v", tt.text, err)
		}
		got, ok := AsMilliseconds(d)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("AsMilliseconds(%s) = %v, %v; want %v, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}
