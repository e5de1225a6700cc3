package gcp

import (
	"fmt"
	"reflect"
	"strings"

	"cel.dev/cel-go/common/types/ref"

	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/celclaims"
)

// subjectTooLong is Google Cloud's error for an oversized google.subject,
// as the reference quotes it (§4.1, [G5]); the message continues.
const subjectTooLong = "The size of mapped attribute google.subject exceeds the 127 bytes limit…"

// celErrorRejects is how oidcscope treats a CEL runtime error, and why.
const celErrorRejects = "oidcscope assumes Google Cloud rejects the token when a mapping or the condition fails with a CEL error — an inference from the reference (§9: \"CEL error ⇒ reject (inference)\"); Google Cloud does not document it"

// mapAttributes evaluates each attributeMapping expression over the
// token's claims, in document order, into google.subject, google.groups
// and attribute.<key>.
func (ev *evaluation) mapAttributes() {
	total := 0
	for _, mp := range ev.p.mappings {
		ev.mapAt[mp] = len(ev.Conds) // each way through adds c once
		c := policy.Condition{Expression: mp.target + " = " + mp.source(), Expected: expectedMapped(mp.target)}
		if mp.expr != nil {
			c.Claims = claimsOf(mp.expr.refs)
		}
		if mp.problem != "" || mp.expr == nil || mp.expr.prg == nil {
			c.Result = policy.Errored
			c.Diagnosis = strings.Split(mp.problem, "\n")
			ev.Add(c, "")
			continue
		}
		if d := googleClaims.Duplicated(ev.tok, c.Claims); len(d) > 0 {
			c.Result, c.Diagnosis = policy.Fail, d
			ev.Add(c, mp.target+" reads an ambiguous (duplicated) claim")
			continue
		}
		out, err := ev.Meter.Eval(mp.expr.prg, ev.vars())
		if ev.stopped(c, mp.expr.field, err) {
			continue
		}
		if err != nil {
			c.Result = policy.Fail
			d, missing := ev.runtimeError(err, mp.expr.refs, "the mapping")
			c.Diagnosis = d
			if missing {
				// Absent only when no claim it reads is present (see actual).
				c.Actual, c.Absent = ev.actual(mp.expr.refs)
			}
			ev.Add(c, fmt.Sprintf("mapping %s = %s fails: %v", mp.target, mp.source(), err))
			continue
		}
		v, why := mappedValue(mp.target, out)
		if why != "" {
			c.Actual = fmt.Sprint(out.Value())
			c.Result, c.Diagnosis = policy.Fail, []string{why}
			ev.Add(c, mp.target+" "+strings.SplitN(why, ":", 2)[0])
			continue
		}
		c.Actual = display(v)
		c.Result = policy.Pass
		total += size(v)
		reason := ""
		switch key, _ := strings.CutPrefix(mp.target, "attribute."); {
		case mp.target == "google.subject":
			s := v.(string)
			ev.subject, ev.hasSubj = s, true
			ev.google["subject"] = s
			if n := len(s); n > MaxSubjectBytes {
				c.Result = policy.Fail
				c.Diagnosis = []string{
					fmt.Sprintf("Google Cloud rejects the token: %s (this google.subject is %d bytes, %d characters; the limit counts bytes)", subjectTooLong, n, len([]rune(s))),
					"map something shorter that still identifies the workload, e.g. google.subject = assertion.sub.split(':')[1] (owner/repo of a default sub) or an ID such as 'repo:' + assertion.repository_id",
				}
				reason = fmt.Sprintf("google.subject is %d bytes, over Google Cloud's %d-byte limit", n, MaxSubjectBytes)
			} else if s == "" {
				c.Result = policy.Fail
				c.Diagnosis = []string{"google.subject is empty: oidcscope assumes Google Cloud refuses an identity without a subject (the reference only says it is required)"}
				reason = "google.subject is empty"
			}
		case mp.target == "google.groups":
			ev.google["groups"] = v
		default:
			ev.attribute[key] = v
		}
		ev.Add(c, reason)
	}
	if total > MaxMappedBytes {
		ev.Add(policy.Condition{
			Expression: "attributeMapping: total size of mapped attributes",
			Expected:   []string{fmt.Sprintf("at most %d bytes", MaxMappedBytes)},
			Actual:     fmt.Sprintf("%d bytes", total),
			Result:     policy.Fail,
			Diagnosis:  []string{fmt.Sprintf("the mapped attributes of this token add up to %d bytes; Google Cloud allows at most 8 KB (oidcscope counts the bytes of the mapped values)", total)},
		}, fmt.Sprintf("the mapped attributes add up to %d bytes, over 8 KB", total))
	}
}

func (mp *mapping) source() string {
	if mp.expr == nil {
		return "(not a string)"
	}
	return mp.expr.src
}

func expectedMapped(target string) []string {
	switch target {
	case "google.subject":
		return []string{fmt.Sprintf("a string of at most %d bytes", MaxSubjectBytes)}
	case "google.groups":
		return []string{"a list of strings"}
	}
	return []string{"a string or a list of strings"}
}

var stringsType = reflect.TypeFor[[]string]()

// mappedValue checks the type of a mapping's result: google.subject is a
// string; google.groups and attributes are a string or a list of strings.
// why says what is wrong.
func mappedValue(target string, out ref.Val) (any, string) {
	if s, ok := out.Value().(string); ok {
		if target == "google.groups" {
			return []string{s}, ""
		}
		return s, ""
	}
	if target != "google.subject" {
		if l, err := out.ConvertToNative(stringsType); err == nil {
			return l.([]string), ""
		}
	}
	got := typeWord(out.Value())
	switch out.Value().(type) {
	case int64, uint64, float64, bool:
		got = fmt.Sprintf("%s (%v)", got, out.Value())
	case []any, []ref.Val:
		got = "a list with elements that are not strings"
	}
	if target == "google.subject" {
		return nil, fmt.Sprintf("must be a string: the expression produced %s; convert it, e.g. string(…)", got)
	}
	return nil, fmt.Sprintf("must be a string or a list of strings: the expression produced %s (the reference does not say what Google Cloud does with other types; oidcscope assumes it rejects the token); convert it, e.g. string(…)", got)
}

func display(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return literal(v)
}

func size(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []string:
		n := 0
		for _, s := range x {
			n += len(s)
		}
		return n
	}
	return 0
}

// runtimeError explains a CEL runtime error of a mapping or the condition.
func (ev *evaluation) runtimeError(err error, refs []celclaims.Ref, what string) ([]string, bool) {
	out := []string{fmt.Sprintf("CEL runtime error in %s: %v", what, err), celErrorRejects}
	absent := false
	if key, ok := celclaims.MissingKey(err); ok {
	refs:
		for _, r := range refs {
			if r.Key != key {
				continue
			}
			if _, present := ev.value(r); present {
				continue
			}
			switch r.Root {
			case varAssertion:
				absent = true
				out = append(out, policy.Absent(key), fmt.Sprintf("to make the claim optional, test %s first (e.g. %s ? %s : '')", claimGuard(key), claimGuard(key), claimRead(key)))
			case varAttribute:
				out = append(out, fmt.Sprintf("attribute.%s is not mapped for this token (not in attributeMapping, or its mapping failed)", key))
			case varGoogle:
				out = append(out, fmt.Sprintf("google.%s is not mapped for this token", key))
			}
			break refs
		}
	}
	if msg := err.Error(); strings.Contains(msg, "no such overload") || strings.Contains(msg, "no matching overload") {
		out = append(out, "the operands have different types: every GitHub claim is a JSON string except exp, iat and nbf (compare '74', not 74; convert with int(assertion.run_attempt) to compare numbers)")
	}
	return out, absent
}
