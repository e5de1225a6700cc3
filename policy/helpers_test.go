package policy

import "github.com/oidcscope/oidcscope/decode"

func decodeJSON(s string) (decode.Value, []*decode.Error) {
	return decode.ParseJSON("payload", []byte(s))
}
