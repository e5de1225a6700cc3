package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/inspect"
)

// JSONByEncoder writes what JSON writes the way it first did: the whole
// document through encoding/json, indented, then escaped. JSON's own
// writer must give the same bytes.
func JSONByEncoder(w io.Writer, r *inspect.Report) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	doc := jsonDoc(r)
	doc.Claims = make([]jsonClaim, 0, len(r.Claims))
	for i := range r.Claims {
		doc.Claims = append(doc.Claims, jsonClaimOf(&r.Claims[i]))
	}
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.Write(escape.JSON(buf.Bytes()))
	return err
}
