package view

import (
	"strings"
)

// ConditionGroup is a run of a policy's conditions that share a group (an
// AWS statement: "Statement[1] Deny (Sid …)"), under its heading.
type ConditionGroup struct {
	Heading string // escaped; "" for conditions without a group
	// Denies: the group is the Deny statement that decided the policy,
	// every condition of it holding.
	Denies     bool
	Conditions []Condition
}

// DeniesNote follows the heading of a group that Denies.
const DeniesNote = "every condition holds: this Deny decides"

// Groups are p's conditions in order, one group per run of the same
// group; a policy whose conditions have none is one group without heading.
// A condition whose expression begins with its group ("not checked
// offline: …") needs no heading: it goes with its neighbours.
func (p Policy) Groups() []ConditionGroup {
	var out []ConditionGroup
	for _, c := range p.Conditions {
		heading := c.Group
		if strings.HasPrefix(c.Expression, heading) {
			heading = ""
		}
		if n := len(out); n > 0 && out[n-1].Heading == heading {
			out[n-1].Conditions = append(out[n-1].Conditions, c)
			out[n-1].Denies = out[n-1].Denies || c.Denies
			continue
		}
		out = append(out, ConditionGroup{Heading: heading, Denies: c.Denies, Conditions: []Condition{c}})
	}
	return out
}
