package actions

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/internal/lazyre"
)

// Output is one step output.
type Output struct {
	Name  string
	Value string
}

// Why outputs could not be written; match with errors.Is.
var (
	ErrOutputName = errors.New("not a valid output name")
	ErrDelimiter  = errors.New("no delimiter found that the value does not contain")
)

var outputName = lazyre.New(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// delimiterTries bounds the fresh delimiters drawn for one value; a random
// 128-bit delimiter inside a value is only ever there on purpose.
const delimiterTries = 3

// FormatOutputs renders outputs in the GITHUB_OUTPUT file format. Every
// value is written as a heredoc, name<<DELIMITER, the value, DELIMITER, as
// the Actions toolkit writes them, so values with newlines (or that look
// like name=value lines) come through whole. Each delimiter is random,
// drawn from rnd, and checked not to occur in the value: the value can
// neither end its own heredoc early nor forge another output.
func FormatOutputs(outputs []Output, rnd io.Reader) ([]byte, error) {
	var b strings.Builder
	for _, o := range outputs {
		if !outputName().MatchString(o.Name) {
			return nil, fmt.Errorf("%w: %s", ErrOutputName, escape.Quoted(o.Name))
		}
		delim, err := delimiterFor(o.Value, rnd)
		if err != nil {
			return nil, fmt.Errorf("output %s: %w", o.Name, err)
		}
		b.WriteString(o.Name + "<<" + delim + "\n" + o.Value + "\n" + delim + "\n")
	}
	return []byte(b.String()), nil
}

func delimiterFor(value string, rnd io.Reader) (string, error) {
	buf := make([]byte, 16)
	for range delimiterTries {
		if _, err := io.ReadFull(rnd, buf); err != nil {
			return "", fmt.Errorf("drawing a delimiter: %w", err)
		}
		d := "ghadelimiter_" + hex.EncodeToString(buf)
		if !strings.Contains(value, d) {
			return d, nil
		}
	}
	return "", ErrDelimiter
}

// WriteOutputs appends outputs to the GITHUB_OUTPUT file at path in one
// write.
func WriteOutputs(path string, outputs []Output) error {
	data, err := FormatOutputs(outputs, rand.Reader)
	if err != nil {
		return err
	}
	return appendFile(path, data)
}

// appendFile appends data to the runner's file at path, creating it if the
// runner has not.
func appendFile(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
