package main

import "github.com/oidcscope/oidcscope/escape"

// quoted shows an argument in a message: between double quotes, escaped
// like every outside string (Go's %q leaves some invisible characters,
// such as variation selectors, as they are).
func quoted(s string) string { return `"` + escape.Text(s) + `"` }
