package cli

import (
	"errors"
	"testing"
	"time"
)

func TestParseInstant(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
		err  error
	}{
		{"1767225660", time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC), nil},
		{"1767225660.5", time.Date(2026, 1, 1, 0, 1, 0, 5e8, time.UTC), nil},
		{"2026-01-01T01:01:00+01:00", time.Date(2026, 1, 1, 0, 1, 0, 0, time.UTC), nil},
		{"0", time.Unix(0, 0).UTC(), nil},
		{"253402300799", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), nil},
		{"NaN", time.Time{}, errInstantRange},
		{"nan", time.Time{}, errInstantRange},
		{"Inf", time.Time{}, errInstantRange},
		{"-Inf", time.Time{}, errInstantRange},
		{"1e300", time.Time{}, errInstantRange},
		{"9223372036854775807", time.Time{}, errInstantRange},
		{"253402300800", time.Time{}, errInstantRange},
		{"-1", time.Time{}, errInstantRange},
		{"0001-01-01T00:00:00Z", time.Time{}, errInstantRange},
		{"9999-12-31T23:59:59-01:00", time.Time{}, errInstantRange},
		{"nonsense", time.Time{}, errInstantSyntax},
		{"", time.Time{}, errInstantSyntax},
	} {
		got, err := parseInstant(tc.in)
		if !errors.Is(err, tc.err) || (tc.err != nil) != (err != nil) || !got.Equal(tc.want) {
			t.Errorf("parseInstant(%q) = %v, %v; want %v, %v", tc.in, got, err, tc.want, tc.err)
		}
	}
}
