// Package decode is the first stage of the pipeline: it finds the token in
// pasted text (any wrapping: Bearer, quotes, JSON, a log line; a label,
// log timestamps or quote marks around a token broken over lines), splits
// and base64url-decodes its parts strictly, reads header and payload as
// JSON that keeps member order and duplicates, and reports every problem
// with its offset, or one problem for a token cut short. It trusts nothing it reads and verifies nothing: that is
// package verify's work.
package decode
