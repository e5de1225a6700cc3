package k8scel

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Errors of quantity(); Kubernetes words them so (its own grammar, as
// documented for resource.Quantity: a signed decimal number and a binary
// SI, decimal SI or exponent suffix).
var (
	errQuantityFormat = errors.New("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
	errQuantitySuffix = errors.New("unable to parse quantity's suffix")
)

// decimalSuffix is a decimal SI suffix's power of ten.
func decimalSuffix(s string) (int64, bool) {
	i := strings.Index("num kMGTPE", s)
	if len(s) > 1 || s == " " || i < 0 {
		return 0, false
	}
	if s == "" {
		return 0, true
	}
	return int64(i-3) * 3, true
}

// binarySuffix is a binary SI suffix's power of two.
func binarySuffix(s string) (uint, bool) {
	if len(s) != 2 || s[1] != 'i' {
		return 0, false
	}
	i := strings.IndexByte("KMGTPE", s[0])
	if i < 0 {
		return 0, false
	}
	return uint(i+1) * 10, true
}

// maxFastDigits is how many mantissa digits Kubernetes still parses into
// its int64 form; longer numbers take its arbitrary-precision form, which
// asInteger() and isInteger() refuse.
const maxFastDigits = 18

// parseQuantity reads a Kubernetes quantity. Observed rules it keeps: the
// number may be empty ("Gi", "-" and "." are zero), values are rounded
// away from zero to a multiple of 1n, an exponent wraps to 32 bits, and a
// binary-suffixed value beyond int64 is capped to ±(2^63-1).
func parseQuantity(s string) (Quantity, error) {
	if s == "" {
		return Quantity{}, errQuantityFormat
	}
	rest := s
	negative := false
	if rest[0] == '+' || rest[0] == '-' {
		negative = rest[0] == '-'
		rest = rest[1:]
	}
	numEnd := 0
	dots := 0
	for numEnd < len(rest) && (isDigit(rest[numEnd]) || rest[numEnd] == '.') {
		if rest[numEnd] == '.' {
			dots++
		}
		numEnd++
	}
	if dots > 1 {
		return Quantity{}, errQuantityFormat
	}
	number, suffix := rest[:numEnd], rest[numEnd:]
	if strings.Trim(suffix, "eEinumkKMGTP+-0123456789") != "" {
		return Quantity{}, errQuantityFormat
	}
	intDigits, fracDigits, _ := strings.Cut(number, ".")
	digits := strings.TrimLeft(intDigits+fracDigits, "0")
	if digits == "" {
		digits = "0"
	}
	u, _ := new(big.Int).SetString(digits, 10)
	if negative {
		u.Neg(u)
	}
	exp := -int64(len(fracDigits))
	// Kubernetes keeps the int64 form while the mantissa has at most 18
	// digits, counting the integer part without its leading zeros (but at
	// least one digit when it is written) and every fraction digit.
	counted := len(strings.TrimLeft(intDigits, "0")) + len(fracDigits)
	if intDigits != "" && strings.TrimLeft(intDigits, "0") == "" && fracDigits != "" {
		counted++
	}
	fast := counted <= maxFastDigits

	if shift, ok := binarySuffix(suffix); ok {
		u.Lsh(u, shift)
		if capsBinary(u, exp) {
			capped := big.NewInt(math.MaxInt64)
			if negative {
				capped.Neg(capped)
			}
			return newQuantity(capped, 0, false).withScale(0), nil
		}
		// Observed: a binary value keeps the int64 form only when it is
		// whole, written without a fraction, and at most 2^40 (1Ti and
		// 1024Gi do; 1023Ti, 1048575Gi and 0Pi do not).
		fast = fast && fracDigits == "" && shift <= 40 && u.CmpAbs(big.NewInt(maxFastBinary)) <= 0
		return newQuantity(u, exp, fast), nil
	}
	if p, ok := decimalSuffix(suffix); ok {
		return newQuantity(u, exp+p, fast), nil
	}
	if suffix[0] != 'e' && suffix[0] != 'E' || len(suffix) == 1 {
		return Quantity{}, errQuantitySuffix
	}
	e, err := strconv.ParseInt(suffix[1:], 10, 64)
	if err != nil || suffix[1] != '+' && suffix[1] != '-' && !isDigit(suffix[1]) {
		return Quantity{}, errQuantitySuffix
	}
	return newQuantity(u, exp+int64(int32(e)), fast), nil
}

// capsBinary reports whether u × 10^exp (exp ≤ 0: the fraction digits)
// exceeds int64 in magnitude.
func capsBinary(u *big.Int, exp int64) bool {
	if exp >= 0 {
		return u.CmpAbs(big.NewInt(math.MaxInt64)) > 0
	}
	whole, rem := new(big.Int).QuoRem(u, pow10(-exp), new(big.Int))
	c := whole.CmpAbs(big.NewInt(math.MaxInt64))
	return c > 0 || c == 0 && rem.Sign() != 0
}

const maxFastBinary = 1 << 40

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pow10 is 10^n as a big.Int.
func pow10(n int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// intQuantity is an int argument of add()/sub() as a quantity.
func intQuantity(n int64) Quantity {
	return newQuantity(big.NewInt(n), 0, true)
}
