package awscli

import (
	"errors"
	"testing"

	"github.com/oidcscope/oidcscope/internal/shellquote"
)

func TestCommandRefusesLocalFiles(t *testing.T) {
	tests := []struct {
		value string
		want  error // nil: the command is printed
	}{
		{"sts.amazonaws.com", nil},
		{"file:///etc/passwd", ErrLocalFile},
		{"FileB://key.bin", ErrLocalFile},
		{"https://x/file://y", nil},
		{"-x", shellquote.ErrOption},
	}
	for _, tt := range tests {
		cmd, err := Command("aws iam x --client-id %s", tt.value)
		if tt.want == nil && (err != nil || cmd == "") || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Command(%q) = %q, %v; want error %v", tt.value, cmd, err, tt.want)
		}
	}
}
