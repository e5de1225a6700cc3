package redact

import (
	"flag"
	"io"
	"testing"
)

func TestParseMode(t *testing.T) {
	for in, want := range map[string]Mode{
		"": Signature, "true": Signature, "signature": Signature, " TRUE ": Signature,
		"ids": IDs, "IDs": IDs,
		"none": None, "false": None, "off": None,
	} {
		if got, err := ParseMode(in); err != nil || got != want {
			t.Errorf("ParseMode(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseMode("all"); err == nil {
		t.Error(`ParseMode("all") succeeded`)
	}
}

func TestModeFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want Mode
	}{
		{nil, IDs}, // the default given below
		{[]string{"--redact"}, Signature},
		{[]string{"--redact=ids"}, IDs},
		{[]string{"--redact=none"}, None},
		{[]string{"--redact=false"}, None},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		m := IDs
		fs.Var(&m, "redact", "")
		if err := fs.Parse(tc.args); err != nil || m != tc.want {
			t.Errorf("%v: mode %v, %v; want %v", tc.args, m, err, tc.want)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var m Mode
	fs.Var(&m, "redact", "")
	if err := fs.Parse([]string{"--redact=everything"}); err == nil {
		t.Error("--redact=everything accepted")
	}
	if m.String() != "none" || IDs.String() != "ids" || Signature.String() != "signature" {
		t.Error("String")
	}
}
