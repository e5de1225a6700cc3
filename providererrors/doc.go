// Package providererrors is the catalogue of the error messages cloud
// providers, Vault, octo-sts and the package registries return when they
// refuse a GitHub Actions OIDC token, and the reader that finds them in
// whatever a user pastes: one message, a step's output, a whole job log.
//
// People arrive with an error more often than with a token. Each entry
// says what the message means, which claims and policy fields it points
// at, what to check, and where its text comes from; a match carries the
// values the message quotes (Entra's subject, issuer and audience; the
// claims PyPI's publish action prints), so they can be evaluated against
// the loaded policies as a partial token.
//
// Matching is on the provider's own wording, as users paste it: log
// timestamps, ANSI colours, GitHub's "##[error]" prefixes and
// annotations' %0A line breaks, e-mail quoting and terminal wrapping are
// taken off first. Everything here is data: the patterns are fixed,
// matched text is returned as found and must be escaped by whoever
// prints it.
package providererrors
