package k8scel

import "testing"

// Kubernetes keeps a quantity as int64 × 10^scale or as a decimal with a
// scale, and asApproximateFloat(), isInteger() and asInteger() show which
// and at what scale. Every want here is kube-apiserver v0.37.2's answer
// (differential/k8scel, -k8scel.probe).
func TestQuantityFormMatchesKubernetes(t *testing.T) {
	runCases(t, []evalCase{
		// A decimal zero keeps the scale it was written with ("0.0Ki": 1,
		// "0e-12": 12), and a sum takes the larger scale.
		{expr: `quantity('1T').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1e+12"},
		{expr: `quantity('1M').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1e+06"},
		{expr: `quantity('1G').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1e+09"},
		{expr: `quantity('1P').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1e+15"},
		{expr: `quantity('0.0Ki').add(quantity('1T')).asApproximateFloat()`, want: "1e+12"},
		{expr: `quantity('0.0Ei').add(quantity('1T')).asApproximateFloat()`, want: "1e+12"},
		{expr: `quantity('-1T').add(quantity('0.00Mi')).asApproximateFloat()`, want: "-1e+12"},
		{expr: `quantity('3T').sub(quantity('0.0Ki')).asApproximateFloat()`, want: "3e+12"},
		{expr: `quantity('1Gi').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1.073741824e+09"},
		{expr: `quantity('1T').add(quantity('0.0000000000')).asApproximateFloat()`, want: "1e+12"},
		{expr: `quantity('1T').add(quantity('0e-12')).asApproximateFloat()`, want: "1e+12"},
		{expr: `quantity('1T').add(quantity('0.0000000000000000000')).asApproximateFloat()`, want: "9.999999999999999e+11"},
		{expr: `quantity('7e-9').add(quantity('0.0000000000')).asApproximateFloat()`, want: "7.000000000000001e-09"},
		{expr: `quantity('7e-9').add(quantity('0.00000000000000000000')).asApproximateFloat()`, want: "7e-09"},
		{expr: `quantity('1e300').add(quantity('0.0Ki')).asApproximateFloat()`, want: "1e+300"},
		{expr: `quantity('1e300').add(quantity('0e-20')).asApproximateFloat()`, want: "+Inf"},
		{expr: `quantity('1e400').add(quantity('0.0Ki')).asApproximateFloat()`, want: "+Inf"},
		{expr: `quantity('8Ei').add(quantity('0.0Ki')).asApproximateFloat()`, want: "9.223372036854776e+18"},
		{expr: `quantity('0.0Ki').asApproximateFloat()`, want: "0"},
		{expr: `quantity('0.0000000000000000000e-400').asApproximateFloat()`, want: "0"},
		// Zero times 10^381 in floating point.
		{expr: `quantity('0.0000000000000000000e400').asApproximateFloat()`, want: "NaN"},
		{expr: `quantity('0.0000000000000000000e400').add(1).asApproximateFloat()`, want: "1"},
		// In the int64 form adding zero keeps the other operand as it is
		// (7 × 10^30, not 7000…0 × 10^0), and zero plus x is x.
		{expr: `quantity('3e25').add(0).asApproximateFloat()`, want: "3.0000000000000005e+25"},
		{expr: `quantity('3e25').add(quantity('0')).asApproximateFloat()`, want: "3.0000000000000005e+25"},
		{expr: `quantity('3e25').sub(0).asApproximateFloat()`, want: "3.0000000000000005e+25"},
		{expr: `quantity('9e29').add(0).asApproximateFloat()`, want: "8.999999999999999e+29"},
		{expr: `quantity('7e30').add(0).isInteger()`, want: "false"},
		{expr: `quantity('7e30').add(0).sub(quantity('7e30')).add(5).isInteger()`, want: "true"},
		{expr: `quantity('0.000000000').add(quantity('7M')).isInteger()`, want: "true"},
		{expr: `quantity('0.000000000').add(quantity('7M')).asInteger()`, want: "7000000"},
		{expr: `quantity('0.000000000').add(quantity('5k')).asApproximateFloat()`, want: "5000"},
		{expr: `quantity('1e-10').sub(quantity('1e-10')).add(5).isInteger()`, want: "false"},
		{expr: `quantity('0.0Ki').add(1).isInteger()`, want: "false"},
		// The int64 form takes at most 18 digits counting a lone integer
		// zero, and a scale of at least -9.
		{expr: `quantity('.00000000000000001e17').isInteger()`, want: "true"},
		{expr: `quantity('.000000000000000001e18').isInteger()`, want: "false"},
		{expr: `quantity('1e-10').isInteger()`, want: "false"},
		// A binary value is in the int64 form while 15 - digits -
		// exponent×3/10 - 1 ≥ 0 (99999999Mi: 0).
		{expr: `quantity('9999999Mi').isInteger()`, want: "true"},
		{expr: `quantity('-9999999Mi').isInteger()`, want: "true"},
		{expr: `quantity('99999999Mi').isInteger()`, want: "true"},
		{expr: `quantity('999999999Mi').isInteger()`, want: "false"},
		{expr: `quantity('99999999999Ki').isInteger()`, want: "true"},
		{expr: `quantity('999999999999Ki').isInteger()`, want: "false"},
		{expr: `quantity('99999Gi').isInteger()`, want: "true"},
		{expr: `quantity('99Ti').isInteger()`, want: "true"},
		// The decimal form needs a digit: an empty number is zero only in
		// the int64 form ("Gi", ".Ki").
		{expr: `quantity('Pi')`, fails: "runtime"},
		{expr: `quantity('-Pi')`, fails: "runtime"},
		{expr: `quantity('.Pi')`, fails: "runtime"},
		{expr: `quantity('e-10')`, fails: "runtime"},
		{expr: `quantity('.e-10')`, fails: "runtime"},
		{expr: `quantity('-e-10')`, fails: "runtime"},
		{expr: `quantity('.Ki')`, want: "0e0"},
		{expr: `quantity('0Pi')`, want: "0e0"},
		{expr: `quantity('1.Pi')`, want: "1125899906842624e0"},
	})
}
