package actions

import (
	"bytes"
	"errors"
	"fmt"
	"os"
)

// MaxSummary is GitHub's limit for one step's summary: a larger file is not
// uploaded at all.
const MaxSummary = 1 << 20

// ErrSummaryFull is returned when the step's summary has no room left.
var ErrSummaryFull = errors.New("the step summary is full (GitHub takes at most 1 MiB per step)")

// truncatedNote ends a summary that was cut to fit.
const truncatedNote = "\n\n*(cut short: GitHub keeps at most 1 MiB of summary per step; run `oidcscope fetch --json` in the step for everything)*\n"

// AppendSummary appends Markdown to the step summary file at path. What
// does not fit in MaxSummary with what the step already wrote is cut at a
// line break and says so, so the summary still uploads.
func AppendSummary(path string, markdown []byte) error {
	var used int64
	if fi, err := os.Stat(path); err == nil {
		used = fi.Size()
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	room := MaxSummary - used
	if int64(len(markdown)) > room {
		keep := room - int64(len(truncatedNote))
		if keep <= 0 {
			return fmt.Errorf("%w: %d bytes already written", ErrSummaryFull, used)
		}
		cut := markdown[:keep]
		if i := bytes.LastIndexByte(cut, '\n'); i >= 0 {
			cut = cut[:i]
		}
		markdown = append(bytes.Clone(cut), truncatedNote...)
	}
	return appendFile(path, markdown)
}
