// Package reach answers the reverse of inspect for one policy: which job
// contexts of a repository it lets in. It simulates the token of every
// combination the policy's own conditions mention (events, refs,
// environments, the legacy and immutable subject forms) and runs the
// policy's matcher on each, so the table is exactly what the evaluator
// allows, not a reading of the policy's text. Rename and immutable-subject
// rows show what those moves would break.
package reach
