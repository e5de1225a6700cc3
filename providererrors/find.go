package providererrors

import (
	"sort"
	"strings"
)

// maxQuoted bounds the text a match quotes back: enough for the longest
// catalogued message with its values, not a whole log line of noise.
const maxQuoted = 600

// Find returns every catalogued message in text, in the order they
// appear; the same message with the same values is reported once (a job
// log repeats an error as the step's output and as an annotation).
func Find(text string) []Match {
	lines := normalizedLines(text)
	if len(lines) == 0 {
		return nil
	}
	// By entry and first line: where both joins match, better decides.
	type place struct {
		id   string
		line int
	}
	byPlace := map[place]Match{}
	order := map[place]int{}
	for _, join := range []func([]line) (string, []int){joinLines, joinCut} {
		joined, starts := join(lines)
		for _, ce := range compiled() {
			if !strings.Contains(joined, ce.literal) {
				continue
			}
			for _, idx := range ce.re.FindAllStringSubmatchIndex(joined, -1) {
				m := matchAt(ce, joined, starts, lines, idx)
				first := lineAt(starts, idx[0])
				p := place{ce.ID, first}
				if prev, ok := byPlace[p]; !ok || better(m, prev) {
					byPlace[p] = m
				}
				if _, ok := order[p]; !ok {
					order[p] = first*len(joined) + idx[0] - starts[first]
				}
			}
		}
	}
	places := make([]place, 0, len(byPlace))
	for p := range byPlace {
		places = append(places, p)
	}
	sort.Slice(places, func(i, j int) bool {
		if order[places[i]] != order[places[j]] {
			return order[places[i]] < order[places[j]]
		}
		return places[i].id < places[j].id
	})
	var out []Match
	seen := map[string]bool{}
	for _, p := range places {
		m := byPlace[p]
		key := m.Entry.ID + "\x00" + sortedPairs(m.Claims) + "\x00" + sortedPairs(m.Extra)
		if !seen[key] {
			seen[key] = true
			out = append(out, m)
		}
	}
	return out
}

// matchAt builds the match of ce at idx in joined.
func matchAt(ce compiledEntry, joined string, starts []int, lines []line, idx []int) Match {
	m := Match{Entry: ce.Entry, Claims: map[string]string{}, Extra: map[string]string{}}
	for g, name := range ce.re.SubexpNames() {
		if name == "" || idx[2*g] < 0 {
			continue
		}
		v := joined[idx[2*g]:idx[2*g+1]]
		if v == "" {
			continue
		}
		if isClaim(name) {
			m.Claims[name] = v
		} else {
			m.Extra[name] = v
		}
	}
	first, last := lineAt(starts, idx[0]), lineAt(starts, idx[1]-1)
	m.Line = lines[first].no
	m.Text = quoted(joined, starts, first, last)
	if ce.ID == "pypi.claims" {
		for k, v := range printedClaims(joined[idx[1]:]) {
			m.Claims[k] = v
		}
	}
	return m
}

// lineAt is the index of the line holding byte offset off of the joined
// text.
func lineAt(starts []int, off int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
}

// quoted is the text of lines first..last of the joined text, bounded.
func quoted(joined string, starts []int, first, last int) string {
	end := len(joined)
	if last+1 < len(starts) {
		end = starts[last+1]
	}
	s := strings.Join(strings.Fields(joined[starts[first]:end]), " ")
	if len(s) > maxQuoted {
		s = s[:maxQuoted] + "…"
	}
	return s
}

// printedClaims reads the claim list pypa/gh-action-pypi-publish prints
// after a refused exchange ("* `sub`: `repo:o/r:ref:refs/heads/main`"),
// skipping claims it shows as MISSING; the first of a claim counts.
func printedClaims(text string) map[string]string {
	out := map[string]string{}
	for _, m := range printedClaim().FindAllStringSubmatch(text, -1) {
		if _, dup := out[m[1]]; !dup && m[2] != "MISSING" && isClaim(m[1]) {
			out[m[1]] = m[2]
		}
	}
	return out
}

// better tells whether a, found in one join, is a better reading than b,
// found at the same place in the other: it carries more values, or as
// many with no white space inside one (a value cut by a terminal and read
// with the line break in it). Otherwise the first reading, the plain
// join's, stays: a log line as wide as the widest is usually whole.
func better(a, b Match) bool {
	na, nb := len(a.Claims)+len(a.Extra), len(b.Claims)+len(b.Extra)
	if na != nb {
		return na > nb
	}
	return spaced(b) && !spaced(a)
}

// spaced tells whether a value of m holds white space.
func spaced(m Match) bool {
	for _, vs := range []map[string]string{m.Claims, m.Extra} {
		for _, v := range vs {
			if strings.ContainsAny(v, " \t\n") {
				return true
			}
		}
	}
	return false
}

func sortedPairs(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		b.WriteString(k + "=" + m[k] + "\x00")
	}
	return b.String()
}
