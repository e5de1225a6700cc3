package remote

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
)

// readMessage reads one message, its newline included, into v. A JSON
// decoder would stop at the value's closing brace and leave the newline
// unread; over a pipe without a buffer of its own (io.Pipe) that holds
// the writer, which cannot then read the next message while the other
// side writes it, and both wait for ever.
func readMessage(r *bufio.Reader, v any) error {
	line, err := r.ReadBytes('\n')
	if err != nil {
		if errors.Is(err, io.EOF) && len(line) > 0 {
			err = io.ErrUnexpectedEOF // cut off mid-message
		}
		return err
	}
	return json.Unmarshal(line, v)
}
