package harness

import (
	"sort"
	"testing"

	"github.com/oidcscope/oidcscope/policy"
)

// Tally counts a comparison run: the real code's answers, the cases both
// sides agree on, the known disagreements by class and the unknown ones.
type Tally struct {
	Cases, Agree, Unknown int
	Verdicts              map[policy.Verdict]int // the real code's answers
	Refusals              map[string]int         // its messages: "verdict: family"
	Known                 map[string]int         // cases by known disagreement class
	shown                 map[string]bool        // signatures reproduced
}

// NewTally is an empty tally.
func NewTally() *Tally {
	return &Tally{Verdicts: map[policy.Verdict]int{}, Refusals: map[string]int{}, Known: map[string]int{},
		shown: map[string]bool{}}
}

// Real counts the real code's answer to one case; family names the
// kind of message it gave, if any.
func (t *Tally) Real(v policy.Verdict, msg string, family func(string) string) {
	t.Cases++
	t.Verdicts[v]++
	if msg != "" {
		t.Refusals[string(v)+": "+family(msg)]++
	}
}

// Show is whether to reproduce an unknown disagreement: its signature is
// new and fewer than most are shown (most 0: no bound). It marks it shown.
func (t *Tally) Show(sig string, most int) bool {
	if t.shown[sig] || (most > 0 && len(t.shown) >= most) {
		return false
	}
	t.shown[sig] = true
	return true
}

// Percent is the share of cases both sides agree on.
func (t *Tally) Percent() float64 { return 100 * float64(t.Agree) / float64(t.Cases) }

// Report logs the real code's messages and the known disagreements by
// class, most frequent first (describe says what a class is), and fails
// the test on an unknown disagreement or an agreement under minAgreement
// percent.
func (t *Tally) Report(tb testing.TB, answers string, describe func(class string) string, minAgreement float64) {
	tb.Helper()
	for _, k := range byCount(t.Refusals) {
		tb.Logf("%s %5d  %s", answers, t.Refusals[k], k)
	}
	for _, class := range byCount(t.Known) {
		tb.Logf("known disagreement %-24s %4d cases (%s)", class, t.Known[class], describe(class))
	}
	if t.Unknown > 0 {
		tb.Errorf("%d unknown disagreements, %d kinds shown above", t.Unknown, len(t.shown))
	}
	if pct := t.Percent(); pct < minAgreement {
		tb.Errorf("agreement %.2f %% is under %.1f %%", pct, minAgreement)
	}
}

// byCount lists the keys of counts, most frequent first.
func byCount(counts map[string]int) []string {
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}
