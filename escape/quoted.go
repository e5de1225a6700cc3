package escape

// Quoted puts a value from outside between double quotes in a message and
// leaves it otherwise as it is. Every view escapes a whole message once,
// with Text; escaping the value here too (%q, strconv.Quote) would show an
// ESC as \\x1b, which by Text's own rule reads as a backslash then "x1b",
// so an ESC and a real backslash-x-1-b could not be told apart.
func Quoted(s string) string { return `"` + s + `"` }

// QuotedEach is each of vs raw between quotes (Quoted), for a message to
// join as its list reads.
func QuotedEach(vs []string) []string {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = Quoted(v)
	}
	return q
}
