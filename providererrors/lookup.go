package providererrors

import "strings"

// Lookup finds the entries a user names: a provider's code
// (AADSTS700213, InvalidIdentityToken, invalid_grant — several entries
// can share one), an entry ID (aws.no-provider), or a message, quoted
// whole or in part, that Find recognises. It returns nil when nothing
// fits.
func Lookup(query string) []Entry {
	q := strings.TrimSpace(query)
	if q == "" {
		return nil
	}
	var out []Entry
	for _, e := range Catalogue() {
		if strings.EqualFold(e.ID, q) || (e.Code != "" && strings.EqualFold(e.Code, q)) {
			out = append(out, e)
		}
	}
	if len(out) > 0 {
		return out
	}
	seen := map[string]bool{}
	for _, m := range Find(q) {
		if !seen[m.Entry.ID] {
			seen[m.Entry.ID] = true
			out = append(out, m.Entry)
		}
	}
	return out
}
