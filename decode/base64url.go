package decode

import (
	"encoding/base64"
	"errors"
	"strings"
)

// strictB64 rejects padding, the standard alphabet and non-zero unused bits:
// RFC 7515 §2 allows exactly one encoding of each byte string, and a lenient
// decoder is how two different texts come to carry one signature.
var strictB64 = base64.RawURLEncoding.Strict()

// DecodeSegment decodes one base64url segment strictly. On error it names the
// offset of the first offending character in the segment text, and still
// returns a best-effort decoding (padding and whitespace removed, standard
// alphabet mapped) so that callers can show what the segment holds.
func DecodeSegment(segment, text string) ([]byte, *Error) {
	if text == "" {
		return nil, nil
	}
	b, err := strictB64.DecodeString(text)
	if err == nil {
		return b, nil
	}
	cause, off, detail := classifyBase64(text, err)
	return lenientDecode(text), errAt(segment, off, cause, detail)
}

func classifyBase64(text string, err error) (cause error, off int64, detail string) {
	if i := strings.IndexByte(text, '='); i >= 0 {
		return ErrBase64Padding, int64(i), ""
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if isB64URL(c) {
			continue
		}
		switch c {
		case '+', '/':
			return ErrBase64Alphabet, int64(i), "standard base64 '" + string(c) + "', base64url uses '-' and '_'"
		default:
			return ErrBase64Alphabet, int64(i), "byte 0x" + hexByte(c)
		}
	}
	if len(text)%4 == 1 {
		return ErrBase64Length, int64(len(text) - 1), "a segment cannot be 1 character longer than a multiple of 4"
	}
	var ce base64.CorruptInputError
	if errors.As(err, &ce) {
		return ErrBase64TrailingBits, int64(ce), ""
	}
	return ErrBase64TrailingBits, int64(len(text) - 1), ""
}

// lenientDecode is for display only: it never feeds verification.
func lenientDecode(text string) []byte {
	clean := strings.Map(func(r rune) rune {
		switch {
		case r == '+':
			return '-'
		case r == '/':
			return '_'
		case r < 128 && isB64URL(byte(r)):
			return r
		}
		return -1
	}, text)
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
	}
	b, _ := base64.RawURLEncoding.DecodeString(clean)
	return b
}

func isB64URL(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
