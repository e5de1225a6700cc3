package k8scel

import "testing"

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes
// resource quantity library"; the rest: kube-apiserver v0.37.2's observed
// behaviour, quirks included (values are shown as <integer>e<exponent>).
func TestQuantityLib(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `isQuantity('1.3G')`, want: "true"},              // docs
		{expr: `quantity('500000G').isInteger()`, want: "true"}, // docs
		{expr: `quantity('50k').asInteger()`, want: "50000"},    // docs
		{expr: `quantity('9999999999999999999999999999999999999G').asApproximateFloat()`, want: "1.0000000000000001e+46"},
		{expr: `quantity('50M').isGreaterThan(quantity('50Mi'))`, want: "false"},         // docs
		{expr: `quantity('50M').compareTo(quantity('50M'))`, want: "0"},                  // docs
		{expr: `quantity('50k').add(20).sub(quantity('100k')).sub(-50000)`, want: "2e1"}, // docs
		{expr: `sign(quantity('-1.5'))`, want: "-1"},
		{expr: `quantity('1.5Gi')`, want: "1610612736e0"},
		{expr: `quantity('1Ki') == quantity('1024')`, want: "true"},
		// Rounded away from zero to 1n; binary values capped at 2^63-1.
		{expr: `quantity('0.1n')`, want: "1e-9"},
		{expr: `quantity('-1.5n')`, want: "-2e-9"},
		{expr: `quantity('8Ei') == quantity('9223372036854775807')`, want: "true"},
		// The number may be empty; an exponent wraps to 32 bits.
		{expr: `quantity('Gi')`, want: "0e0"},
		{expr: `quantity('1e99999999999')`, want: "1e1215752191"},
		// Only Kubernetes' int64 form is an integer.
		{expr: `quantity('1.0').isInteger()`, want: "false"},
		{expr: `quantity('1000m').isInteger()`, want: "false"},
		{expr: `quantity('0.001k').isInteger()`, want: "true"},
		{expr: `quantity('1000000000000000000').isInteger()`, want: "false"},
		{expr: `quantity('1Ti').isInteger()`, want: "true"},
		{expr: `quantity('1Pi').isInteger()`, want: "false"},
		{expr: `quantity('1.5').asInteger()`, fails: "runtime"},
		{expr: `quantity('0e2000000000').asInteger()`, want: "0"},
		// int64 negation wraps in the int64 form, not beyond it.
		{expr: `quantity('1').sub(-9223372036854775808)`, want: "-9223372036854775807e0"},
		{expr: `quantity('33.3m').sub(-9223372036854775808).sign()`, fails: "compile"},
		{expr: `sign(quantity('33.3m').sub(-9223372036854775808))`, want: "1"},
		{expr: `quantity('12345678901234567890').asApproximateFloat()`, want: "1.234567890123457e+19"},
		// An add()/sub() result on the right of == is "no such overload".
		{expr: `quantity('1').add(1) == quantity('2')`, want: "true"},
		{expr: `quantity('2') == quantity('1').add(1)`, fails: "runtime"},
		{expr: `[quantity('2')].indexOf(quantity('1').add(1))`, want: "-1"},
		{expr: `quantity('1K')`, fails: "runtime"},
		{expr: `quantity('')`, fails: "runtime"},
		{expr: `quantity('1.2.3')`, fails: "runtime"},
	})
}
