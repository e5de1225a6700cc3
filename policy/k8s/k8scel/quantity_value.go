package k8scel

import (
	"cmp"
	"fmt"
	"math"
	"math/big"
	"reflect"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
)

// quantityType is Kubernetes' CEL type of a resource quantity.
var quantityType = cel.ObjectType("kubernetes.Quantity")

// nanoExp is the finest power of ten a quantity keeps (1n).
const nanoExp = -9

// Quantity is a kubernetes.Quantity value: exactly u × 10^exp. Kubernetes
// also keeps small values as int64 × 10^scale, and only that form answers
// isInteger()/asInteger(), so fast records whether it would hold one
// (fastV × 10^fastS) — "1.0" and a 19-digit integer do not.
type Quantity struct {
	u     *big.Int
	exp   int64
	fast  bool
	fastV int64
	fastS int64
	// scale is the number of decimal places Kubernetes' arbitrary-precision
	// form carries (its value is an integer × 10^-scale): 9 when parsed
	// (a zero: as written, see decimalZero), the larger of the operands'
	// after arithmetic; -fastS in the int64 form. Only asApproximateFloat()
	// shows it.
	scale int64
	// derived marks a result of add()/sub(). Kubernetes' == refuses one on
	// its right-hand side ("no such overload": quantity('2') ==
	// quantity('1').add(1) fails while the mirrored form is true), so
	// `in` and indexOf() never find one either. An upstream quirk, kept.
	derived bool
}

// newQuantity rounds u × 10^exp away from zero to a multiple of 1n, as
// Kubernetes does, and records the int64 form when fast. A value finer
// than 1n is never in that form there (its scale would be below -9). The
// decimal form's scale is 9, Kubernetes' after rounding.
func newQuantity(u *big.Int, exp int64, fast bool) Quantity {
	if exp < nanoExp {
		u = roundAway(u, nanoExp-exp)
		exp = nanoExp
		fast = false
	}
	q := Quantity{u: u, exp: exp, fast: fast, scale: -nanoExp}
	if fast {
		q.fastV, q.fastS = u.Int64(), exp
		q.scale = -exp
	}
	return q
}

// decimalZero is zero in the decimal form at scale: Kubernetes leaves a
// parsed zero at the scale it was written with ("0.0Ki": 1, "0e-12": 12),
// and asApproximateFloat() shows it (0 × 10^381 is NaN).
func decimalZero(scale int64) Quantity {
	return Quantity{u: new(big.Int), scale: scale}
}

// withScale sets the decimal form's scale.
func (q Quantity) withScale(scale int64) Quantity {
	q.scale = scale
	return q
}

// roundAway divides u by 10^n, rounding away from zero.
func roundAway(u *big.Int, n int64) *big.Int {
	if u.Sign() == 0 {
		return u
	}
	one := big.NewInt(int64(u.Sign()))
	// 10^n beyond u's digits: the quotient is 0, so the result is ±1.
	if n > int64(len(u.Text(10)))+1 {
		return one
	}
	q, r := new(big.Int).QuoRem(u, pow10(n), new(big.Int))
	if r.Sign() != 0 {
		q.Add(q, one)
	}
	return q
}

var quantityKind = objectKind[Quantity]{
	celType: quantityType,
	quoted:  true,
	equal: func(q, o Quantity) ref.Val {
		if o.derived {
			return types.NoSuchOverloadErr()
		}
		return types.Bool(q.Cmp(o) == 0)
	},
}

func (q Quantity) ConvertToNative(t reflect.Type) (any, error) {
	return quantityKind.convertToNative(q, t)
}
func (q Quantity) ConvertToType(t ref.Type) ref.Val { return quantityKind.convertToType(q, t) }
func (q Quantity) Equal(other ref.Val) ref.Val      { return quantityKind.equalTo(q, other) }
func (q Quantity) Type() ref.Type                   { return quantityType }
func (q Quantity) Value() any                       { return q }

// Exact is the value as "<integer>e<exponent>" with no trailing zeros in
// the integer: one text per value, for comparing with Kubernetes'.
func (q Quantity) Exact() string {
	u, exp := new(big.Int).Set(q.u), q.exp
	if u.Sign() == 0 {
		return "0e0"
	}
	ten := big.NewInt(10)
	for {
		d, m := new(big.Int).QuoRem(u, ten, new(big.Int))
		if m.Sign() != 0 {
			break
		}
		u, exp = d, exp+1
	}
	return fmt.Sprintf("%se%d", u, exp)
}

// Cmp orders two quantities by value without expanding huge exponents:
// magnitudes of different orders compare by order alone.
func (q Quantity) Cmp(o Quantity) int {
	if s, t := q.u.Sign(), o.u.Sign(); s != t {
		return cmp.Compare(s, t)
	}
	if q.u.Sign() == 0 {
		return 0
	}
	orderQ := int64(len(new(big.Int).Abs(q.u).Text(10))) + q.exp
	orderO := int64(len(new(big.Int).Abs(o.u).Text(10))) + o.exp
	if orderQ != orderO {
		c := cmp.Compare(orderQ, orderO)
		return c * q.u.Sign()
	}
	a, b := aligned(q, o)
	return a.Cmp(b)
}

// aligned returns both integers scaled to the smaller exponent.
func aligned(q, o Quantity) (*big.Int, *big.Int) {
	a, b := q.u, o.u
	switch {
	case q.exp > o.exp:
		a = new(big.Int).Mul(a, pow10(q.exp-o.exp))
	case o.exp > q.exp:
		b = new(big.Int).Mul(b, pow10(o.exp-q.exp))
	}
	return a, b
}

// maxAlignDigits bounds the digits an addition may create: Kubernetes'
// decimal would expand 1e1000000000 + 1 until memory runs out; we refuse.
const maxAlignDigits = 100_000

// Add is q + o: exact, and in the int64 form while both operands are and
// neither the scaling nor the sum overflows (Kubernetes' own rule).
func (q Quantity) Add(o Quantity) (Quantity, error) {
	r, err := q.add(o)
	r.derived = true
	return r, err
}

func (q Quantity) add(o Quantity) (Quantity, error) {
	if q.fast && o.fast {
		if v, s, ok := addFast(q.fastV, q.fastS, o.fastV, o.fastS); ok {
			return fastQuantity(v, s), nil
		}
	}
	scale := max(q.scale, o.scale)
	// A zero's exponent needs no aligning ("0e2000000000" adds nothing).
	switch {
	case o.u.Sign() == 0:
		return newQuantity(q.u, q.exp, false).withScale(scale), nil
	case q.u.Sign() == 0:
		return newQuantity(o.u, o.exp, false).withScale(scale), nil
	}
	if d := q.exp - o.exp; d > maxAlignDigits || d < -maxAlignDigits {
		return Quantity{}, fmt.Errorf("quantity addition needs more than %d digits", maxAlignDigits)
	}
	a, b := aligned(q, o)
	return newQuantity(new(big.Int).Add(a, b), min(q.exp, o.exp), false).withScale(scale), nil
}

// Sub is q - o. In the int64 form Kubernetes negates o first, so
// subtracting -2^63 adds -2^63 (1 - (-2^63) is -9223372036854775807
// there); when that form overflows it subtracts exactly.
func (q Quantity) Sub(o Quantity) (Quantity, error) {
	if q.fast && o.fast {
		if v, s, ok := addFast(q.fastV, q.fastS, -o.fastV, o.fastS); ok {
			r := fastQuantity(v, s)
			r.derived = true
			return r, nil
		}
	}
	neg := o
	neg.u, neg.fast = new(big.Int).Neg(o.u), false
	return q.Add(neg)
}

// fastQuantity is v × 10^s in the int64 form.
func fastQuantity(v, s int64) Quantity {
	return newQuantity(big.NewInt(v), s, true)
}

// addFast adds two int64 × 10^scale values at the smaller scale, failing
// on overflow. As in Kubernetes, adding a zero leaves the other operand
// as it is (7 × 10^30 + 0 stays at scale 30, not 7000…0 at scale 0).
func addFast(v1, s1, v2, s2 int64) (int64, int64, bool) {
	switch {
	case v2 == 0:
		return v1, s1, true
	case v1 == 0:
		return v2, s2, true
	}
	s := min(s1, s2)
	a, ok1 := scaleUp(v1, s1-s)
	b, ok2 := scaleUp(v2, s2-s)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	sum := a + b
	if (a > 0 && b > 0 && sum < 0) || (a < 0 && b < 0 && sum >= 0) {
		return 0, 0, false
	}
	return sum, s, true
}

// scaleUp is v × 10^n, failing on overflow. Any v but 0 overflows
// within 19 steps, so a huge n ("0e2000000000") costs nothing.
func scaleUp(v, n int64) (int64, bool) {
	if v == 0 {
		return 0, true
	}
	for range n {
		if v > math.MaxInt64/10 || v < math.MinInt64/10 {
			return 0, false
		}
		v *= 10
	}
	return v, true
}

// Int64 is the value as an integer when Kubernetes' int64 form holds it
// with no fraction.
func (q Quantity) Int64() (int64, bool) {
	if !q.fast || q.fastS < 0 {
		return 0, false
	}
	return scaleUp(q.fastV, q.fastS)
}

// Float64 approximates the value as Kubernetes does: in either form an
// integer rounded to a float64 times math.Pow10 of the exponent, rounding
// twice (which is why 12345678901234567890, parsed at scale 9, gives
// 1.234567890123457e19, not the nearest double 1.2345678901234567e19, and
// 3e25 plus 0 gives 3.0000000000000005e25).
func (q Quantity) Float64() float64 {
	if q.fast {
		return float64(q.fastV) * math.Pow10(int(q.fastS))
	}
	base := q.unscaledFloat()
	if q.scale == 0 {
		return base
	}
	return base * math.Pow10(int(-q.scale))
}

// unscaledFloat is the decimal form's integer, u × 10^(exp+scale),
// rounded to a float64, without expanding one far beyond its range.
func (q Quantity) unscaledFloat() float64 {
	if q.u.Sign() == 0 {
		return 0
	}
	unscaled := new(big.Int).Set(q.u)
	shift := q.exp + q.scale
	if digits := int64(len(unscaled.Text(10))) + shift; digits > 400 {
		return math.Inf(q.u.Sign())
	}
	if shift >= 0 {
		unscaled.Mul(unscaled, pow10(shift))
	} else {
		unscaled.Quo(unscaled, pow10(-shift))
	}
	v, _ := new(big.Float).SetInt(unscaled).Float64()
	return v
}
