package escape

// Verbatim reports whether s is printable ASCII without quotes or a
// backslash: a string that JSON, YAML and CEL quoting all write as it is,
// between their quote marks. Claims and policy values nearly always are,
// and the quoting functions check this first to skip their slow paths.
func Verbatim(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '\\' {
			return false
		}
	}
	return true
}
