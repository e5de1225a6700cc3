package k8scel

import (
	"fmt"
	"net/netip"
	"net/url"
	"reflect"
	"testing"

	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"github.com/blang/semver/v4"
)

// objectCase is one value of each object type, an equal one, a different
// one, and the text of every ref.Val method's answer.
type objectCase struct {
	name            string
	val, same, diff ref.Val
	native          reflect.Type // the Go value ConvertToNative offers, nil for none
	want            objectWant
}

// objectWant are the ref.Val method answers, as text: what CEL and
// Kubernetes' messages show.
type objectWant struct {
	toString string // ConvertToType(string)
	toInt    string // ConvertToType(int), always an error
	toNative string // ConvertToNative to an unsupported type
}

func objectCases(t *testing.T) []objectCase {
	t.Helper()
	q := func(s string) Quantity {
		v, err := parseQuantity(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	u := func(s string) URL {
		v, err := parseURL(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	formats := namedFormats()
	return []objectCase{
		{"cidr", CIDR{netip.MustParsePrefix("10.0.0.1/8")}, CIDR{netip.MustParsePrefix("10.0.0.1/8")},
			CIDR{netip.MustParsePrefix("10.0.0.0/8")}, reflect.TypeFor[netip.Prefix](), objectWant{
				toString: "10.0.0.1/8",
				toInt:    "type conversion error from net.CIDR to int",
				toNative: "type conversion from net.CIDR to int not supported",
			}},
		{"ip", IP{netip.MustParseAddr("::1")}, IP{netip.MustParseAddr("::1")}, IP{netip.MustParseAddr("::2")},
			reflect.TypeFor[netip.Addr](), objectWant{
				toString: "::1",
				toInt:    "type conversion error from net.IP to int",
				toNative: "type conversion from net.IP to int not supported",
			}},
		{"url", u("https://a/b?c=d"), u("https://a/b?c=d"), u("https://a/b"), reflect.TypeFor[*url.URL](), objectWant{
			toString: "https://a/b?c=d",
			toInt:    "type conversion error from kubernetes.URL to int",
			toNative: "type conversion from kubernetes.URL to int not supported",
		}},
		{"semver", Semver{semver.MustParse("1.2.3+a")}, Semver{semver.MustParse("1.2.3+b")},
			Semver{semver.MustParse("1.2.4")}, reflect.TypeFor[semver.Version](), objectWant{
				toString: "type conversion error from 'kubernetes.Semver' to 'string'",
				toInt:    "type conversion error from 'kubernetes.Semver' to 'int'",
				toNative: "type conversion from kubernetes.Semver to int not supported",
			}},
		{"quantity", q("1Ki"), q("1024"), q("1k"), nil, objectWant{
			toString: "type conversion error from 'kubernetes.Quantity' to 'string'",
			toInt:    "type conversion error from 'kubernetes.Quantity' to 'int'",
			toNative: "type conversion from kubernetes.Quantity to int not supported",
		}},
		{"format", formats[0].NamedFormat, formats[0].NamedFormat, formats[1].NamedFormat, nil, objectWant{
			toString: "type conversion error from kubernetes.NamedFormat to string",
			toInt:    "type conversion error from kubernetes.NamedFormat to int",
			toNative: "type conversion from kubernetes.NamedFormat to int not supported",
		}},
	}
}

// TestObjectValues pins the ref.Val methods of every object type: the
// conversions CEL's string() and type() use, their error messages
// (Kubernetes' own wording), and equality.
func TestObjectValues(t *testing.T) {
	for _, c := range objectCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if got := c.val.ConvertToType(types.TypeType); any(got) != any(c.val.Type()) {
				t.Errorf("ConvertToType(type) = %v; want %v", got, c.val.Type())
			}
			if got := fmt.Sprint(c.val.ConvertToType(types.StringType)); got != c.want.toString {
				t.Errorf("ConvertToType(string) = %s; want %s", got, c.want.toString)
			}
			if got := fmt.Sprint(c.val.ConvertToType(types.IntType)); got != c.want.toInt {
				t.Errorf("ConvertToType(int) = %s; want %s", got, c.want.toInt)
			}
			if _, err := c.val.ConvertToNative(reflect.TypeFor[int]()); fmt.Sprint(err) != c.want.toNative {
				t.Errorf("ConvertToNative(int) error = %v; want %s", err, c.want.toNative)
			}
			own, err := c.val.ConvertToNative(reflect.TypeOf(c.val))
			if err != nil || !identical(own, c.val) {
				t.Errorf("ConvertToNative(own type) = %v, %v; want the value itself", own, err)
			}
			if c.native != nil {
				native, err := c.val.ConvertToNative(c.native)
				if err != nil || !identical(native, c.val.Value()) {
					t.Errorf("ConvertToNative(%v) = %v, %v; want %v", c.native, native, err, c.val.Value())
				}
			} else if !identical(c.val.Value(), c.val) {
				t.Errorf("Value() = %v; want the value itself", c.val.Value())
			}
			if got := c.val.Equal(c.same); got != types.True {
				t.Errorf("Equal(%v) = %v; want true", c.same, got)
			}
			if got := c.val.Equal(c.diff); got != types.False {
				t.Errorf("Equal(%v) = %v; want false", c.diff, got)
			}
			if got := c.val.Equal(types.String("x")); !types.IsError(got) {
				t.Errorf("Equal(string) = %v; want no such overload", got)
			}
		})
	}
}

// identical compares Go values, a NamedFormat's rule (a func) included,
// by their full printed form.
func identical(a, b any) bool { return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b) }
