package cli

// quoted shows an argument in a message between double quotes. It is
// not escaped here: exitCodeOf escapes every message once, and Go's %q
// would leave some invisible characters, such as variation selectors.
func quoted(s string) string { return `"` + s + `"` }
