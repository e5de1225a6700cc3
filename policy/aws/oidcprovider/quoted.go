package oidcprovider

import "github.com/oidcscope/oidcscope/escape"

// Values in summaries, diagnoses and errors are quoted raw
// (escape.Quoted): every view escapes a whole message once, so %q or JSON
// quoting here would escape them a second time. Expressions keep JSON
// (compactList, quoteJSON): they are the document's own syntax.

// quotedList is a list for a sentence, in the shape compactList gives an
// expression, each value raw between its quotes.
func quotedList(vals []string) string { return firstFew(vals, escape.Quoted) }
