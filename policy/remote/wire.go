package remote

import "github.com/oidcscope/oidcscope/decode"

// wireValue carries a decode.Value field by field. decode.Value's own
// MarshalJSON writes the JSON text back, which another decode would read
// with other member offsets; this keeps every field, nil and empty lists
// apart, so the helper's policies see the very claims oidcscope decoded.
type wireValue struct {
	Kind    decode.Kind  `json:"k"`
	Text    string       `json:"t,omitempty"`
	Items   []wireValue  `json:"i"`
	Members []wireMember `json:"m"`
}

type wireMember struct {
	Key       string    `json:"k"`
	Value     wireValue `json:"v"`
	Offset    int64     `json:"o,omitempty"`
	Duplicate bool      `json:"d,omitempty"`
}

func toWire(v decode.Value) wireValue {
	w := wireValue{Kind: v.Kind, Text: v.Text}
	if v.Items != nil {
		w.Items = make([]wireValue, len(v.Items))
		for i, it := range v.Items {
			w.Items[i] = toWire(it)
		}
	}
	if v.Members != nil {
		w.Members = make([]wireMember, len(v.Members))
		for i, m := range v.Members {
			w.Members[i] = wireMember{Key: m.Key, Value: toWire(m.Value), Offset: m.Offset, Duplicate: m.Duplicate}
		}
	}
	return w
}

func fromWire(w wireValue) decode.Value {
	v := decode.Value{Kind: w.Kind, Text: w.Text}
	if w.Items != nil {
		v.Items = make([]decode.Value, len(w.Items))
		for i, it := range w.Items {
			v.Items[i] = fromWire(it)
		}
	}
	if w.Members != nil {
		v.Members = make([]decode.Member, len(w.Members))
		for i, m := range w.Members {
			v.Members[i] = decode.Member{Key: m.Key, Value: fromWire(m.Value), Offset: m.Offset, Duplicate: m.Duplicate}
		}
	}
	return v
}
