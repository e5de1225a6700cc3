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
	errQuantityFormat  = errors.New("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
	errQuantitySuffix  = errors.New("unable to parse quantity's suffix")
	errQuantityNumeric = errors.New("unable to parse numeric part of quantity")
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
// number may be empty ("Gi", "-" and "." are zero) while the int64 form
// holds the value, values are rounded away from zero to a multiple of 1n,
// an exponent wraps to 32 bits, and a binary-suffixed value beyond int64
// is capped to ±(2^63-1).
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
	n := writtenNumber{u: u, fracDigits: len(fracDigits), hasDigits: number != "" && number != "."}
	// Kubernetes counts the integer part without its leading zeros, but
	// as one digit at least.
	n.intDigits = max(len(strings.TrimLeft(intDigits, "0")), 1)

	if shift, ok := binarySuffix(suffix); ok {
		return n.binary(shift, negative)
	}
	if p, ok := decimalSuffix(suffix); ok {
		return n.decimal(int32(p))
	}
	if suffix[0] != 'e' && suffix[0] != 'E' || len(suffix) == 1 {
		return Quantity{}, errQuantitySuffix
	}
	e, err := strconv.ParseInt(suffix[1:], 10, 64)
	if err != nil || suffix[1] != '+' && suffix[1] != '-' && !isDigit(suffix[1]) {
		return Quantity{}, errQuantitySuffix
	}
	return n.decimal(int32(e))
}

// writtenNumber is a quantity's number as written: its digits as an
// integer u (signed), how many of them follow the point, how many the
// integer part counts, and whether any digit was written at all.
type writtenNumber struct {
	u          *big.Int
	fracDigits int
	intDigits  int
	hasDigits  bool
}

// decimal is the number times 10^p. Kubernetes keeps the int64 form for
// at most 18 digits at a scale of at least -9 (so 1e-10 is decimal);
// otherwise the decimal form, which needs a digit ("e-10" fails). Its
// scales are int32 and wrap as Kubernetes' do.
func (n writtenNumber) decimal(p int32) (Quantity, error) {
	if scale := p - int32(n.fracDigits); n.intDigits+n.fracDigits <= maxFastDigits && scale >= nanoExp {
		return newQuantity(n.u, int64(scale), true), nil
	}
	if !n.hasDigits {
		return Quantity{}, errQuantityNumeric
	}
	decScale := int32(n.fracDigits) + -p
	if n.u.Sign() == 0 {
		return decimalZero(int64(decScale)), nil
	}
	return newQuantity(n.u, -int64(decScale), false), nil
}

// binary is the number times 2^shift. Kubernetes keeps the int64 form
// for a number without fraction digits while 15 - digits - shift×3/10 - 1
// ≥ 0 (99999999Mi: 0; 1Ti: 1; 1Pi: -2); otherwise the decimal form,
// which needs a digit ("Pi" fails, "Gi" is zero).
func (n writtenNumber) binary(shift uint, negative bool) (Quantity, error) {
	u := new(big.Int).Lsh(n.u, shift)
	if n.fracDigits == 0 && 15-n.intDigits-int(float32(shift)*3/10)-1 >= 0 {
		return newQuantity(u, 0, true), nil
	}
	if !n.hasDigits {
		return Quantity{}, errQuantityNumeric
	}
	exp := -int64(n.fracDigits)
	if u.Sign() == 0 {
		return decimalZero(int64(n.fracDigits)), nil
	}
	if capsBinary(u, exp) {
		capped := big.NewInt(math.MaxInt64)
		if negative {
			capped.Neg(capped)
		}
		return newQuantity(capped, 0, false).withScale(0), nil
	}
	return newQuantity(u, exp, false), nil
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

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// pow10 is 10^n as a big.Int.
func pow10(n int64) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(n), nil)
}

// intQuantity is an int argument of add()/sub() as a quantity.
func intQuantity(n int64) Quantity {
	return newQuantity(big.NewInt(n), 0, true)
}
