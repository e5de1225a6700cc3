package vault

import (
	"fmt"
	"math"
	"strconv"
)

// getClaim (claims.go:55-65, v0.26.1) hands a float64 claim on as
// json.Number(strconv.Itoa(int(v))): Go's conversion cuts the fraction off
// toward zero (1.5 → 1, -1.5 → -1, -0.5 → 0). The Go spec leaves a value
// outside int's range implementation-specific: amd64 gives the smallest
// int64, arm64 saturates to the nearest end, and a 32-bit build has a
// 32-bit int. oidcscope takes the 64-bit amd64 reading and says so.

// truncated is a token number as getClaim converts it.
type truncated struct {
	text     string // the json.Number Vault compares
	changed  bool   // the token's number does not read back as text (a fraction, an exponent, 2^53+)
	platform string // non-empty when the result depends on the Vault build
}

func truncate(written string, f float64) truncated {
	out := truncated{}
	switch {
	case f >= math.MaxInt64 || f < math.MinInt64: // MaxInt64 rounds up to 2^63 as a float64
		out.text = strconv.FormatInt(math.MinInt64, 10)
		other := int64(math.MaxInt64)
		if f < 0 {
			other = math.MinInt64
		}
		out.platform = fmt.Sprintf("the token's number %s lies outside int64, where Go's int conversion is implementation-specific: Vault built for amd64 compares it as %s, built for arm64 as %d; oidcscope takes the amd64 reading", written, out.text, other)
	default:
		out.text = strconv.FormatInt(int64(f), 10)
		if f > math.MaxInt32 || f < math.MinInt32 {
			out.platform = fmt.Sprintf("a 32-bit build of Vault has a 32-bit int and converts the token's number %s differently; oidcscope takes the 64-bit reading, %s", written, out.text)
		}
	}
	out.changed = out.text != written
	return out
}

// truncationNote explains a converted token number in a failed or passed
// bound-claim comparison; "" when nothing is worth saying.
func truncationNote(v value) string {
	if v.kind != kNumber || v.written == "" {
		return ""
	}
	if v.platform != "" {
		return v.platform
	}
	return fmt.Sprintf("Vault cuts off the fraction of a token number before comparing (claims.go getClaim: json.Number(strconv.Itoa(int(v)))): the token's %s is compared as %s, so a bound value with a fraction never matches", v.written, v.text)
}
