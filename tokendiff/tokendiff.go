// Package tokendiff compares two inspected tokens for "works on main,
// fails on the PR": the claims and the verification checks that differ
// and, for every policy evaluated against both, the two verdicts and
// which conditions flipped. It reads two inspect Reports and writes
// nothing; the renderers lay the Diff out.
package tokendiff

import (
	"bytes"
	"encoding/json"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
)

// Change says how a claim differs.
type Change string

const (
	Added   Change = "added"   // only in B
	Removed Change = "removed" // only in A
	Changed Change = "changed" // in both, other values
)

// ClaimDiff is one claim that differs. A and B are the values as JSON
// text (raw data: escape before printing); "" where the token lacks it.
type ClaimDiff struct {
	Name   string `json:"name"`
	Change Change `json:"change"`
	A      string `json:"a,omitempty"`
	B      string `json:"b,omitempty"`
}

// VerdictDiff is one policy's verdict for both tokens.
type VerdictDiff struct {
	Provider string         `json:"provider"`
	Source   string         `json:"source"`
	Name     string         `json:"name"`
	A        policy.Verdict `json:"a"`
	B        policy.Verdict `json:"b"`
	Flipped  bool           `json:"flipped"`
	// Conditions are the ones whose outcome differs between the tokens,
	// by expression.
	Conditions []ConditionDiff `json:"conditions,omitempty"`
}

// ConditionDiff is one condition that passes for one token and not the
// other.
type ConditionDiff struct {
	Expression string         `json:"expression"`
	A          policy.Outcome `json:"a"`
	B          policy.Outcome `json:"b"`
}

// Diff is the comparison of two reports.
type Diff struct {
	Claims   []ClaimDiff   `json:"claims"`
	Checks   []CheckDiff   `json:"checks"`
	Verdicts []VerdictDiff `json:"verdicts"`
}

// Of compares a and b. Claims keep A's order, then B's new ones; time
// claims (iat, nbf, exp) and jti differ between any two tokens and are
// left out. Policies are paired by source and name.
func Of(a, b *inspect.Report) Diff {
	d := Diff{Claims: []ClaimDiff{}, Checks: checks(a, b), Verdicts: []VerdictDiff{}}
	av, bv := values(a), values(b)
	for _, name := range order(a, b) {
		if ignored(name) {
			continue
		}
		x, inA := av[name]
		y, inB := bv[name]
		switch {
		case inA && !inB:
			d.Claims = append(d.Claims, ClaimDiff{Name: name, Change: Removed, A: x})
		case !inA && inB:
			d.Claims = append(d.Claims, ClaimDiff{Name: name, Change: Added, B: y})
		case x != y:
			d.Claims = append(d.Claims, ClaimDiff{Name: name, Change: Changed, A: x, B: y})
		}
	}
	bRes := map[[2]string]policy.Result{}
	for _, r := range b.Policies {
		bRes[[2]string{r.Source, r.Name}] = r
	}
	for _, ra := range a.Policies {
		rb, ok := bRes[[2]string{ra.Source, ra.Name}]
		if !ok {
			continue
		}
		d.Verdicts = append(d.Verdicts, VerdictDiff{Provider: ra.Provider, Source: ra.Source, Name: ra.Name,
			A: ra.Verdict, B: rb.Verdict, Flipped: ra.Verdict != rb.Verdict, Conditions: conditions(ra, rb)})
	}
	return d
}

// Flips are the policies whose verdict differs.
func (d Diff) Flips() []VerdictDiff {
	var out []VerdictDiff
	for _, v := range d.Verdicts {
		if v.Flipped {
			out = append(out, v)
		}
	}
	return out
}

func conditions(a, b policy.Result) []ConditionDiff {
	bOut := map[string]policy.Outcome{}
	for _, c := range b.Conditions {
		bOut[c.Expression] = c.Result
	}
	var out []ConditionDiff
	for _, c := range a.Conditions {
		if o, ok := bOut[c.Expression]; ok && o != c.Result {
			out = append(out, ConditionDiff{Expression: c.Expression, A: c.Result, B: o})
		}
	}
	return out
}

// ignored claims differ between any two tokens.
func ignored(name string) bool {
	switch name {
	case "iat", "nbf", "exp", "jti":
		return true
	}
	return false
}

// values are a report's claims as JSON text; a repeated claim reads as
// its last value, as most JSON readers take it.
func values(r *inspect.Report) map[string]string {
	out := map[string]string{}
	for _, c := range r.Claims {
		data, err := json.Marshal(c.Value)
		if err != nil {
			continue
		}
		out[c.Name] = string(bytes.TrimSpace(data))
	}
	return out
}

func order(a, b *inspect.Report) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range []*inspect.Report{a, b} {
		for _, c := range r.Claims {
			if !seen[c.Name] {
				seen[c.Name] = true
				out = append(out, c.Name)
			}
		}
	}
	return out
}
