package decode

import (
	"errors"
	"fmt"
)

// Sentinel causes. Every decoding error wraps exactly one of these so callers
// can match with errors.Is while the message still names segment and offset.
var (
	ErrNoToken            = errors.New("no token found")
	ErrTooLarge           = errors.New("input larger than the size limit")
	ErrSegmentCount       = errors.New("wrong number of segments")
	ErrTruncated          = errors.New("looks truncated")
	ErrEmptySegment       = errors.New("empty segment")
	ErrBase64Alphabet     = errors.New("character outside the base64url alphabet")
	ErrBase64Padding      = errors.New("base64 padding is not allowed in JWS/JWE segments")
	ErrBase64Length       = errors.New("impossible base64url length")
	ErrBase64TrailingBits = errors.New("non-zero unused bits in the last base64url character")
	ErrNotJSON            = errors.New("not JSON")
	ErrNotObject          = errors.New("JSON is not an object")
	ErrDuplicateKey       = errors.New("duplicate key")
	ErrTooDeep            = errors.New("JSON nested too deeply")
	ErrTrailingData       = errors.New("data after the JSON value")
	ErrInvalidUTF8        = errors.New("invalid UTF-8")
	ErrByteOrderMark      = errors.New("byte-order mark before the JSON")
)

// Error locates a decoding problem: which part of the token, the byte offset
// inside that part (after base64url decoding for JSON problems, in the
// segment text for base64 problems), and the cause.
type Error struct {
	Segment string // "input", "header", "payload", "signature", "encrypted_key", …
	Offset  int64  // -1 when no offset applies
	Detail  string // optional extra words, e.g. the duplicated key
	Cause   error
}

func (e *Error) Error() string {
	msg := e.Segment + ": " + e.Cause.Error()
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	if e.Offset >= 0 {
		msg += fmt.Sprintf(" at byte %d", e.Offset)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Cause }

func errAt(segment string, offset int64, cause error, detail string) *Error {
	return &Error{Segment: segment, Offset: offset, Cause: cause, Detail: detail}
}
