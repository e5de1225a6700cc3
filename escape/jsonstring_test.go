package escape

import (
	"bytes"
	"encoding/json"
	"testing"
)

var jsonStringSeeds = []string{
	"", "plain", `q"uote\back`, "\b\f\n\r\t\x00\x1f\x7f", "<&>", "é ✓ —", "\u2028\u2029", "\xff\xfe", "a\xc3",
	"\xe2\x80", "\U0001F600", "\ufffd", "\u202e\u200b", "\xed\xa0\x80", "x\u2028y\xffz",
}

// encodingJSONString is the reference: encoding/json's Encoder without
// HTML escaping, minus its newline.
func encodingJSONString(t *testing.T, s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range jsonStringSeeds {
		if got, want := AppendJSONString([]byte("x"), s), append([]byte("x"), encodingJSONString(t, s)...); !bytes.Equal(got, want) {
			t.Errorf("AppendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStringSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppendJSONString(nil, s), encodingJSONString(t, s); !bytes.Equal(got, want) {
			t.Errorf("AppendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
		}
	})
}
