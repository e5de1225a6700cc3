package k8scel

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Inputs each library's functions are tried on: valid, invalid and edge
// forms, as CEL string literals are built from them.
var (
	ipInputs = []string{
		"1.2.3.4", "0.0.0.0", "127.0.0.1", "255.255.255.255", "10.0.0.1", "169.254.1.1", "224.0.0.1", "8.8.8.8",
		"::", "::1", "fe80::1", "ff02::1", "ff05::1", "2001:db8::1", "2001:DB8::1", "2001:0db8::1", "::ffff:1.2.3.4",
		"::ffff:0:1.2.3.4", "fe80::1%eth0", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "", " 1.2.3.4", "foo",
		"2001:db8:0:0:0:0:0:1", "::1.2.3.4", "64:ff9b::1.2.3.4", "fc00::1", "100.64.0.1", "[::1]", "1.2.3.4/32",
	}
	cidrInputs = []string{
		"10.0.0.0/8", "10.0.0.1/8", "0.0.0.0/0", "1.2.3.4/32", "1.2.3.4/33", "192.168.0.0/16", "::/0", "::1/128",
		"2001:db8::/32", "2001:DB8::/32", "2001:db8::1/64", "fe80::/10", "::ffff:1.2.3.0/120", "fe80::%eth0/64",
		"10.0.0.0", "10.0.0.0/-1", "10.0.0.0/08", "", "foo/8", "10.0.0.0/8 ", "1.2.3.0/24", "1.2.3.128/25",
		"::/129", "2001:db8::/48", "10.1.0.0/16", "10.0.0.0/9",
	}
	urlInputs = []string{
		"https://example.com", "https://example.com/", "https://example.com/a/b?c=d&c=e&f", "https://user:pw@example.com:8443/p",
		"https://[::1]:80/a%20b?x=1", "https://[fe80::1%25eth0]/", "http://example.com:abc", "/absolute/path", "//host/p",
		"relative/path", "", "a:b", "mailto:a@b.c", "https://example.com/a b", "https://example.com/#frag",
		"https://example.com/a%2Fb", "https://example.com?q=%zz", "ftp://ftp.example.com/f.txt", "https://ex ample.com",
		"https://example.com:/p", "*", "https://EXAMPLE.com/P?Q=1;x=2", "https://example.com/?a=1&&b=2",
	}
	quantityInputs = []string{
		"0", "-0", "+0", "1", "-1", "+1", "1.5", "1.0", "1.", ".5", ".", "", "-", "Gi", "e3", "1m", "1000m", "1.5Gi",
		"1Ki", "1024Ki", "0.5Ki", "1.1Ki", "8Ei", "-8Ei", "7Ei", "1Ei", "1.5Ei", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "999999999999999999", "1000000000000000000", "1e3", "1E3", "1e+3", "1e-3", "1e-9", "1e-10",
		"12e6", "1500e0", "1e18", "1e19", "9e18", "10E", "1E", "1e400", "-1e400", "1e99999999999", "1e-1000000",
		"0.1n", "1.5n", "-1.5n", "1n", "100u", "1k", "1K", "1M", "1G", "1T", "1P", "1Mi", "1mm", "1e", "1e-", "1Ki3",
		"1e2Ki", "1 ", " 1", "1.2.3", "0001", "123456789e-3", "1.23456789012", "0.0001", "-0.0001", "33.3m", "0.3",
		"12345678901234567890", "123456789123456789123", "2000000k", "0.001k", "x", "1.5e3", "7e-9", "3e-9",
		"0.0Ki",
		// Decimal zeros at a scale, int64 values adding a zero, the binary
		// int64 form's limit, numbers without a digit in the decimal form.
		"0.00Mi", "0e-12", "0.0000000000", "0.000000000", "0.0000000000000000000e400", "3e25", "9e29", "7e30",
		"9999999Mi", "99999999Mi", "999999999Mi", "99999999999Ki", "99Ti", "Pi", "-Pi", ".Pi", "e-10", ".e-10",
		".000000000000000001e18", ".00000000000000001e17",
	}
	// quantityOperands leave out the exponent kube-apiserver cannot
	// compare or add in reasonable time (it rescales its decimal to
	// 10^1215752191; see knownDifferences).
	quantityOperands = withoutString(quantityInputs, "1e99999999999")
	semverInputs     = []string{
		"1.2.3", "0.0.0", "1.2", "1", "v1.2.3", "V1.2.3", "01.2.3", "1.02.3", "1.2.03", "v01.02", "1.2.3-rc.1",
		"1.2.3-rc.1+build.5", "1.2.3+build", "1.2.3-01", "1.2.3-alpha.01", "1.2.3-0a", "1.2.3-", "1.2.3+", "1.2-rc.1",
		"1.2+b", "v", "", "1.2.3.4", "1.2.3 ", " 1.2.3", "18446744073709551615.0.0", "9223372036854775808.1.2",
		"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-beta", "1.0.0", "2.0.0", "1.10.0", "1.9.0", "00", "v0", "1.0.0-0",
	}
	formatNames = []string{
		"byte", "date", "datetime", "dns1035Label", "dns1035LabelPrefix", "dns1123Label", "dns1123LabelPrefix",
		"dns1123Subdomain", "dns1123SubdomainPrefix", "labelValue", "qualifiedName", "uri", "uuid",
	}
	formatInputs = []string{
		"", "a", "A", "a-", "-a", "1a", "a.b", "a_b", "a/b", "a--", "--", "-", ".", "a..b", "ab-", "a.b-", ".a-",
		strings.Repeat("x", 63), strings.Repeat("x", 64), strings.Repeat("a", 253), strings.Repeat("a", 254),
		strings.Repeat("a", 64) + "/b", "example.com/a", "Example.com/a_b", "/a", "a/", "a/b/c", "a b", "Ä",
		"YWJj", "YWJ", "YWI=", "YWJjZA==", "YWJjZA", "2024-01-02", "2024-13-02", "2024-02-30", "0000-01-01",
		"2024-01-02T03:04:05Z", "2024-01-02T03:04:05", "2024-01-02T03:04:05.123Z", "2024-01-02T03:04:05+01:00",
		"2024-01-02t03:04:05z", "2024-01-02 03:04:05Z", "https://a/b", "a:b", "123e4567-e89b-12d3-a456-426614174000",
		"123E4567-E89B-12D3-A456-426614174000", "123e4567e89b12d3a456426614174000", "my-name", "abc-123", "kube-system",
		"a.b.c", "a." + strings.Repeat("b", 70), "app.kubernetes.io/name", "1.2.3.4",
	}
	formatNamedNames = append(append([]string{}, formatNames...), "nope", "DNS1123Label", "dns1123label", "")
	regexPatterns    = []string{
		"a", "b.", "[a-c]", "(a)(b)", "x", "", "^a", "c$", ".*", "(", "[", "a{2}", `\\d+`, `\\w`, "(?i)A", "a|b",
	}
	regexSubjects = []string{"abc", "", "aaa", "abcabc", "123 456", "ABC", "a.b.c", "ünï"}
	listLiterals  = []string{
		"[]", "[1]", "[1, 2, 3]", "[3, 2, 1]", "[1, 1, 2]", "[2, 1, 1]", "[-1, 0, 1]", "[1.0, 2.5]", "[2.5, 1.0]",
		"[1u, 2u]", "[2u, 1u]", `["a", "b"]`, `["b", "a"]`, `[""]`, "[true, false]", "[false, true]", `[b"a", b"b"]`,
		`[duration("1s"), duration("2s")]`, `[duration("2s"), duration("1s")]`,
		`[timestamp("2024-01-01T00:00:00Z"), timestamp("2023-01-01T00:00:00Z")]`,
		"[dyn(1), dyn(2.0)]", "[dyn(2), dyn(1.5)]", `[dyn(1), dyn("a")]`, "[9223372036854775807, 1]",
		"[-9223372036854775808, -1]", "[18446744073709551615u, 1u]", "[1.7976931348623157e308, 1.7976931348623157e308]",
		"[[1], [2]]", "[dyn([]), dyn([1])]", "dyn([])", "dyn([1.5])", "dyn([1, 2])", `dyn(["a"])`,
	}
	listElements = []string{"1", "2", "0", "1.0", "2.5", `"a"`, `"b"`, "true", "1u", "[1]", "dyn(1)", "dyn(1.0)", "null"}
)

// quote makes a CEL string literal of s.
func quote(s string) string { return strconv.Quote(s) }

// generate returns n expressions chosen at random (seeded) from every
// library's call forms, plus each fixed edge case once.
func generate(seed uint64, n int) []string {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	forms := []func() string{
		// IP
		func() string { return fmt.Sprintf("ip(%s)", quote(pick(ipInputs))) },
		func() string { return fmt.Sprintf("isIP(%s)", quote(pick(ipInputs))) },
		func() string { return fmt.Sprintf("ip.isCanonical(%s)", quote(pick(ipInputs))) },
		func() string {
			m := pick([]string{"family", "isUnspecified", "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast"})
			return fmt.Sprintf("ip(%s).%s()", quote(pick(ipInputs)), m)
		},
		func() string { return fmt.Sprintf("string(ip(%s))", quote(pick(ipInputs))) },
		func() string { return fmt.Sprintf("ip(%s) == ip(%s)", quote(pick(ipInputs)), quote(pick(ipInputs))) },
		// CIDR
		func() string { return fmt.Sprintf("cidr(%s)", quote(pick(cidrInputs))) },
		func() string { return fmt.Sprintf("isCIDR(%s)", quote(pick(cidrInputs))) },
		func() string {
			m := pick([]string{"ip()", "masked()", "prefixLength()", "ip().family()", "masked().prefixLength()"})
			return fmt.Sprintf("cidr(%s).%s", quote(pick(cidrInputs)), m)
		},
		func() string { return fmt.Sprintf("string(cidr(%s))", quote(pick(cidrInputs))) },
		func() string {
			return fmt.Sprintf("cidr(%s).containsIP(%s)", quote(pick(cidrInputs)), quote(pick(ipInputs)))
		},
		func() string {
			return fmt.Sprintf("cidr(%s).containsIP(ip(%s))", quote(pick(cidrInputs)), quote(pick(ipInputs)))
		},
		func() string {
			return fmt.Sprintf("cidr(%s).containsCIDR(%s)", quote(pick(cidrInputs)), quote(pick(cidrInputs)))
		},
		func() string {
			return fmt.Sprintf("cidr(%s).containsCIDR(cidr(%s))", quote(pick(cidrInputs)), quote(pick(cidrInputs)))
		},
		func() string {
			return fmt.Sprintf("cidr(%s) == cidr(%s)", quote(pick(cidrInputs)), quote(pick(cidrInputs)))
		},
		// URL
		func() string { return fmt.Sprintf("url(%s)", quote(pick(urlInputs))) },
		func() string { return fmt.Sprintf("isURL(%s)", quote(pick(urlInputs))) },
		func() string {
			m := pick([]string{"getScheme", "getHost", "getHostname", "getPort", "getEscapedPath", "getQuery"})
			return fmt.Sprintf("url(%s).%s()", quote(pick(urlInputs)), m)
		},
		func() string {
			return fmt.Sprintf("url(%s) == url(%s)", quote(pick(urlInputs)), quote(pick(urlInputs)))
		},
		// Regex
		func() string { return fmt.Sprintf("%s.find(%q)", quote(pick(regexSubjects)), pick(regexPatterns)) },
		func() string { return fmt.Sprintf("%s.findAll(%q)", quote(pick(regexSubjects)), pick(regexPatterns)) },
		func() string {
			return fmt.Sprintf("%s.findAll(%q, %d)", quote(pick(regexSubjects)), pick(regexPatterns), r.IntN(5)-2)
		},
		func() string {
			// A pattern known only at run time: compiled per call.
			return fmt.Sprintf("%s.find(dyn(%q))", quote(pick(regexSubjects)), pick(regexPatterns))
		},
		// Quantity
		func() string { return fmt.Sprintf("quantity(%s)", quote(pick(quantityInputs))) },
		func() string { return fmt.Sprintf("isQuantity(%s)", quote(pick(quantityInputs))) },
		func() string { return fmt.Sprintf("sign(quantity(%s))", quote(pick(quantityInputs))) },
		func() string {
			m := pick([]string{"asInteger()", "asApproximateFloat()", "isInteger()", "sign()"})
			return fmt.Sprintf("quantity(%s).%s", quote(pick(quantityInputs)), m)
		},
		func() string {
			m := pick([]string{"isGreaterThan", "isLessThan", "compareTo", "add", "sub"})
			return fmt.Sprintf("quantity(%s).%s(quantity(%s))", quote(pick(quantityOperands)), m, quote(pick(quantityOperands)))
		},
		func() string {
			m := pick([]string{"add", "sub"})
			n := pick([]string{"0", "1", "-1", "1000", "9223372036854775807", "-9223372036854775808", "-2000"})
			tail := pick([]string{"", ".isInteger()", ".asInteger()", ".asApproximateFloat()"})
			return fmt.Sprintf("quantity(%s).%s(%s)%s", quote(pick(quantityOperands)), m, n, tail)
		},
		func() string {
			m := pick([]string{"add", "sub"})
			tail := pick([]string{".isInteger()", ".asInteger()", ".asApproximateFloat()", ""})
			return fmt.Sprintf("quantity(%s).%s(quantity(%s))%s", quote(pick(quantityOperands)), m, quote(pick(quantityOperands)), tail)
		},
		func() string {
			return fmt.Sprintf("quantity(%s) == quantity(%s)", quote(pick(quantityOperands)), quote(pick(quantityOperands)))
		},
		func() string {
			// Results of add()/sub() on either side of ==, in lists.
			d := func() string {
				return fmt.Sprintf("quantity(%s).%s(%s)", quote(pick(quantityOperands)), pick([]string{"add", "sub"}),
					pick([]string{"0", "1", `quantity("1")`, `quantity("0.5")`}))
			}
			p := func() string { return fmt.Sprintf("quantity(%s)", quote(pick(quantityOperands))) }
			sides := [][2]string{{p(), d()}, {d(), p()}, {d(), d()}, {p(), p()}}
			s := sides[r.IntN(len(sides))]
			return fmt.Sprintf(pick([]string{"%s == %s", "%s != %s", "%s in [%s]", "[%[2]s].indexOf(%[1]s)",
				"[%s, %s].distinct().size()", "%s.compareTo(%s)"}), s[0], s[1])
		},
		// Semver
		func() string { return fmt.Sprintf("semver(%s)", quote(pick(semverInputs))) },
		func() string { return fmt.Sprintf("semver(%s, %v)", quote(pick(semverInputs)), r.IntN(2) == 0) },
		func() string { return fmt.Sprintf("isSemver(%s)", quote(pick(semverInputs))) },
		func() string { return fmt.Sprintf("isSemver(%s, %v)", quote(pick(semverInputs)), r.IntN(2) == 0) },
		func() string {
			m := pick([]string{"major()", "minor()", "patch()"})
			return fmt.Sprintf("semver(%s, true).%s", quote(pick(semverInputs)), m)
		},
		func() string {
			m := pick([]string{"isGreaterThan", "isLessThan", "compareTo"})
			return fmt.Sprintf("semver(%s, true).%s(semver(%s, true))", quote(pick(semverInputs)), m, quote(pick(semverInputs)))
		},
		func() string {
			return fmt.Sprintf("semver(%s) == semver(%s)", quote(pick(semverInputs)), quote(pick(semverInputs)))
		},
		// Format
		func() string {
			return fmt.Sprintf("format.%s().validate(%s)", pick(formatNames), quote(pick(formatInputs)))
		},
		func() string { return fmt.Sprintf("format.named(%s)", quote(pick(formatNamedNames))) },
		func() string {
			return fmt.Sprintf("format.named(%s).hasValue() && format.named(%s).value().validate(%s).hasValue()",
				quote(pick(formatNamedNames)), quote(pick(formatNamedNames)), quote(pick(formatInputs)))
		},
		func() string { return fmt.Sprintf("format.%s() == format.%s()", pick(formatNames), pick(formatNames)) },
		// Lists
		func() string {
			m := pick([]string{"isSorted()", "sum()", "min()", "max()", "reverse()", "distinct()", "sort()"})
			return fmt.Sprintf("%s.%s", pick(listLiterals), m)
		},
		func() string {
			m := pick([]string{"indexOf", "lastIndexOf", "includes"})
			return fmt.Sprintf("%s.%s(%s)", pick(listLiterals), m, pick(listElements))
		},
		// Types and misuse: same type names, same overload refusals.
		func() string {
			c := pick([]string{`ip("1.2.3.4")`, `cidr("1.0.0.0/8")`, `url("https://a")`, `quantity("1")`,
				`semver("1.0.0")`, `format.uri()`})
			return pick([]string{"type(%s)", "string(%s)", "%s == 1", "dyn(%s) == dyn(1)", "[%s].size()",
				"%s.sign()", "sign(%s)", "%s.add(1)", "%s.major()"}) + "#" + c
		},
	}
	var out []string
	for range n {
		e := forms[r.IntN(len(forms))]()
		if tmpl, arg, ok := strings.Cut(e, "#"); ok {
			e = fmt.Sprintf(tmpl, arg)
		}
		out = append(out, e)
	}
	return append(out, fixedCases()...)
}

// fixedCases are edge cases tried once each, whatever the seed.
func fixedCases() []string {
	var out []string
	for _, n := range formatNames {
		for _, in := range formatInputs {
			out = append(out, fmt.Sprintf("format.%s().validate(%s)", n, quote(in)))
		}
	}
	for _, q := range quantityInputs {
		out = append(out, fmt.Sprintf("quantity(%s)", quote(q)),
			fmt.Sprintf("quantity(%s).isInteger()", quote(q)),
			fmt.Sprintf("quantity(%s).asApproximateFloat()", quote(q)))
	}
	for _, s := range semverInputs {
		out = append(out, fmt.Sprintf("semver(%s)", quote(s)), fmt.Sprintf("semver(%s, true)", quote(s)))
	}
	for _, u := range urlInputs {
		out = append(out, fmt.Sprintf("url(%s).getQuery()", quote(u)), fmt.Sprintf("url(%s)", quote(u)))
	}
	return out
}

func withoutString(xs []string, drop string) []string {
	var out []string
	for _, x := range xs {
		if x != drop {
			out = append(out, x)
		}
	}
	return out
}
