package policy

import "testing"

func TestFieldPath(t *testing.T) {
	tests := []struct{ path, member, want string }{
		{"", "Statement", "Statement"},
		{"Statement", "Condition", "Statement.Condition"},
		{"jwt[0]", "issuer", "jwt[0].issuer"},
		{"a", "", "a."},
	}
	for _, tc := range tests {
		if got := FieldPath(tc.path, tc.member); got != tc.want {
			t.Errorf("FieldPath(%q, %q) = %q, want %q", tc.path, tc.member, got, tc.want)
		}
	}
}
