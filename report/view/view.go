// Package view turns an inspect.Report into the blocks every human
// rendering shows: the headline, the signature, the checks, the claims with
// their catalog entries, the sub anatomy, the links, each policy with its
// conditions, diagnoses, lint and the conditions the token satisfies
// instead. Every string from outside is escaped here, once, so a renderer
// (the text report, the Markdown summary, the terminal UI) only lays the
// blocks out and cannot forget to escape. Marks (✓ allow, ? unverified)
// and the palette they are drawn with live here too.
package view
