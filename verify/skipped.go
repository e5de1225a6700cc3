package verify

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Why the keys of a set were skipped, named so the user can find each one.

// maxListedSkips bounds the skipped keys an error lists: a set of 10,000
// broken keys must not make a message of megabytes.
const maxListedSkips = 10

// skipReasonExcerpt bounds one reason: the library's message may quote a
// long value.
const skipReasonExcerpt = 160

// skippedKey is one key of a set that was not loaded, and why.
type skippedKey struct {
	index int
	kid   string // "" when the key has none (or it is not a string)
	err   error
}

func (s skippedKey) String() string {
	name := fmt.Sprintf("key %d", s.index)
	if s.kid != "" {
		name += " (kid " + quoted(s.kid) + ")"
	}
	return name + ": " + excerpt(s.err.Error(), skipReasonExcerpt)
}

// skipList is every skipped key of a set as one error: its message lists
// them (a bounded number), and errors.Is reaches each reason.
type skipList []skippedKey

func (l skipList) Error() string {
	if len(l) == 0 {
		return "the set has no keys"
	}
	shown := make([]string, 0, min(len(l), maxListedSkips)+1)
	for i, s := range l {
		if i == maxListedSkips {
			shown = append(shown, fmt.Sprintf("… and %d more", len(l)-maxListedSkips))
			break
		}
		shown = append(shown, s.String())
	}
	return strings.Join(shown, "; ")
}

func (l skipList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, s := range l {
		errs[i] = s.err
	}
	return errs
}

// kidOf reads a raw JWK's "kid" for a message, "" when there is none.
func kidOf(raw json.RawMessage) string {
	var probe struct {
		KID any `json:"kid"`
	}
	if json.Unmarshal(raw, &probe) != nil {
		return ""
	}
	kid, _ := probe.KID.(string)
	return kid
}
