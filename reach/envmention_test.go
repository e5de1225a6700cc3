package reach

import (
	"slices"
	"strings"
	"testing"
)

// envMentions reads a name with its groups, nested ones too, and stops
// where a subject continues; a group left open, or nested deeper than
// maxGroupDepth, ends the name before it.
func TestEnvMentions(t *testing.T) {
	deep := strings.Repeat("(", maxGroupDepth+1) + "prod" + strings.Repeat(")", maxGroupDepth+1)
	tests := []struct {
		text string
		want []string
	}{
		{`sub: "repo:o/r:environment:((?:prod|staging))"`, []string{"((?:prod|staging))"}},
		{`environment:(prod|stag(ing|e)):x`, []string{"(prod|stag(ing|e))"}},
		{`environment:prod|repo:o/r`, []string{"prod|repo"}},
		{`environment:(a[)]b|c)`, []string{"(a[)]b|c)"}},
		{`environment:(x`, nil},
		{`environment:pre(x`, []string{"pre"}},
		{"environment:" + deep, nil},
		{`['environment:prod', 'environment:dev']`, []string{"prod", "dev"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range envMentions(tt.text) {
			got = append(got, m.name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("envMentions(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
