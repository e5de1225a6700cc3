package decode

import (
	"errors"
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
