package k8scel

import (
	"strings"
	"testing"
)

// "docs": kubernetes.io/docs/reference/using-api/cel, "Kubernetes format
// library"; the rest: kube-apiserver v0.37.2's observed behaviour.
func TestFormatLib(t *testing.T) {
	runCases(t, []evalCase{
		{expr: `format.dns1123Label().validate('my-name').hasValue()`, want: "false"},               // docs
		{expr: `format.named('dns1123Label').value().validate('MY_NAME').hasValue()`, want: "true"}, // docs
		{expr: `format.named('nope').hasValue()`, want: "false"},
		{expr: `format.dns1123Label().validate('a.b')`, want: "optional.of([must not contain dots])"},
		{expr: `format.dns1123Label().validate('` + strings.Repeat("x", 64) + `')`, want: "optional.of([must be no more than 63 characters])"},
		{expr: `format.dns1123LabelPrefix().validate('ab-')`, want: "optional.none()"},
		{expr: `format.dns1123LabelPrefix().validate('-')`, want: "optional.of([" + msgDNS1123Label + "])"},
		{expr: `format.labelValue().validate('')`, want: "optional.none()"},
		{expr: `format.qualifiedName().validate('example.com/a')`, want: "optional.none()"},
		{expr: `format.qualifiedName().validate('/a')`, want: "optional.of([prefix part must be non-empty])"},
		{expr: `format.qualifiedName().validate('a/b/c')`, want: "optional.of([" + msgLabelKey + "])"},
		{expr: `format.uuid().validate('123e4567e89b12d3a456426614174000')`, want: "optional.none()"},
		{expr: `format.byte().validate('')`, want: "optional.of([invalid base64])"},
		{expr: `format.date().validate('2024-02-30')`, want: "optional.of([invalid date])"},
		{expr: `format.datetime().validate('2024-01-02t03:04:05z')`, want: "optional.none()"},
		{expr: `format.uri().validate('a')`, want: `optional.of([parse "a": invalid URI for request])`},
		{expr: `format.uri() == format.uri()`, want: "true"},
		{expr: `type(format.uri()) == kubernetes.NamedFormat`, want: "true"},
	})
}
