package aws

import (
	"fmt"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/escape"
	"github.com/oidcscope/oidcscope/policy"
)

// opBase is a condition operator without ForAnyValue:/ForAllValues: and
// IfExists.
type opBase uint8

const (
	opStringEquals opBase = iota
	opStringNotEquals
	opStringEqualsIgnoreCase
	opStringNotEqualsIgnoreCase
	opStringLike
	opStringNotLike
	opNull
	opBool
	opOther // a real AWS operator oidcscope does not evaluate (Numeric…, Date…, Arn…, IpAddress…)
)

var opNames = map[string]opBase{
	"StringEquals": opStringEquals, "StringNotEquals": opStringNotEquals,
	"StringEqualsIgnoreCase": opStringEqualsIgnoreCase, "StringNotEqualsIgnoreCase": opStringNotEqualsIgnoreCase,
	"StringLike": opStringLike, "StringNotLike": opStringNotLike,
	"Null": opNull, "Bool": opBool,
}

var otherOps = map[string]bool{
	"NumericEquals": true, "NumericNotEquals": true, "NumericLessThan": true, "NumericLessThanEquals": true,
	"NumericGreaterThan": true, "NumericGreaterThanEquals": true, "DateEquals": true, "DateNotEquals": true,
	"DateLessThan": true, "DateLessThanEquals": true, "DateGreaterThan": true, "DateGreaterThanEquals": true,
	"BinaryEquals": true, "IpAddress": true, "NotIpAddress": true,
	"ArnEquals": true, "ArnLike": true, "ArnNotEquals": true, "ArnNotLike": true,
}

// setMode is the set-operator prefix.
type setMode uint8

const (
	setNone setMode = iota
	setAny          // ForAnyValue:
	setAll          // ForAllValues:
)

// condition is one operator and key of a Condition block, with its values.
type condition struct {
	expr    string // as written: `StringEquals "token.actions.githubusercontent.com:sub": "repo:…"`
	op      string // the operator as written
	base    opBase
	set     setMode
	ifExist bool
	key     string // as written
	label   string // operator and key, how a summary names the condition
	prefix  string // lower-cased prefix (issuer host/path, or aws, sts…)
	claim   string // lower-cased key name
	kind    keyKind
	values  []string        // as written
	vals    []condValue     // values parsed: wildcards, escapes, variables
	static  []resolvedValue // the values to match when none has a variable (shared, read-only); nil otherwise
	shown   []string        // with static: the values as diagnoses show them (expectedValues)
	boolVal bool            // Null and Bool
}

func (c *condition) negated() bool {
	return c.base == opStringNotEquals || c.base == opStringNotEqualsIgnoreCase || c.base == opStringNotLike
}

func (c *condition) equality() bool {
	return c.base == opStringEquals || c.base == opStringNotEquals || c.base == opStringEqualsIgnoreCase || c.base == opStringNotEqualsIgnoreCase
}

func (c *condition) like() bool { return c.base == opStringLike || c.base == opStringNotLike }

// parseOp splits ForAnyValue:/ForAllValues: and IfExists off an operator
// name. ok is false for a name AWS does not know.
func parseOp(name string) (base opBase, set setMode, ifExists bool, ok bool) {
	rest := name
	if r, cut := strings.CutPrefix(rest, "ForAnyValue:"); cut {
		rest, set = r, setAny
	} else if r, cut := strings.CutPrefix(rest, "ForAllValues:"); cut {
		rest, set = r, setAll
	}
	if r, cut := strings.CutSuffix(rest, "IfExists"); cut && r != "" {
		rest, ifExists = r, true
	}
	if b, known := opNames[rest]; known {
		return b, set, ifExists, true
	}
	if otherOps[rest] {
		return opOther, set, ifExists, true
	}
	return 0, set, ifExists, false
}

// conditions compiles a statement's Condition element. Every operator/key
// pair becomes one condition; what cannot be compiled becomes an errored
// condition (the policy still loads and evaluates to an error).
func (c *compiler) conditions(s *statement, cm decode.Member, path string) []policy.Condition {
	var errs []policy.Condition
	fail := func(expr string, off int64, where, format string, a ...any) {
		errs = append(errs, policy.Condition{
			Expression: expr, Claims: []string{}, Expected: []string{}, Result: policy.Errored,
			Diagnosis: []string{fmt.Sprintf(format, a...) + fmt.Sprintf(" (at %s, %s)", where, c.loc.at(off))},
		})
	}
	if cm.Value.Kind != decode.Object {
		fail("Condition: "+compact(cm.Value), cm.Offset, path, "Condition must be an object of operators, such as {\"StringEquals\": {…}}, not a %s", cm.Value.Kind)
		return errs
	}
	for _, om := range c.members(cm.Value, path) {
		opPath := path + "." + om.Key
		base, set, ifExists, known := parseOp(om.Key)
		if !known {
			fail(om.Key+": "+compact(om.Value), om.Offset, opPath, "%s is not an AWS condition operator (oidcscope evaluates StringEquals, StringNotEquals, StringEqualsIgnoreCase, StringNotEqualsIgnoreCase, StringLike, StringNotLike, Null, Bool, their IfExists forms and ForAnyValue:/ForAllValues:)", escape.Quoted(om.Key))
			continue
		}
		if om.Value.Kind != decode.Object {
			fail(om.Key+": "+compact(om.Value), om.Offset, opPath, "%s must map condition keys to values, not be a %s", om.Key, om.Value.Kind)
			continue
		}
		for _, km := range c.members(om.Value, opPath) {
			cond := &condition{
				expr:    om.Key + " " + quote(km.Key) + ": " + compact(km.Value),
				op:      om.Key,
				base:    base,
				set:     set,
				ifExist: ifExists,
				key:     km.Key,
				label:   om.Key + " " + km.Key,
			}
			cond.prefix, cond.claim, cond.kind = splitKey(km.Key)
			if msg := cond.compileValues(km.Value, c.vars); msg != "" {
				fail(cond.expr, km.Offset, opPath+"["+quote(km.Key)+"]", "%s", msg)
				continue
			}
			if cond.kind == keyBad {
				fail(cond.expr, km.Offset, opPath, "%s is not a condition key: keys are \"<issuer host/path>:<claim>\" (e.g. token.actions.githubusercontent.com:sub) or global keys such as aws:SourceIp", escape.Quoted(km.Key))
				continue
			}
			if base == opOther && cond.kind == keyProvider {
				fail(cond.expr, km.Offset, opPath, "oidcscope does not evaluate %s on a token claim (it evaluates the String…, Null and Bool operators); check this condition by hand", om.Key)
				continue
			}
			s.conds = append(s.conds, cond)
		}
	}
	return errs
}

// compileValues reads the condition's values: a string or an array, where
// numbers and booleans count as their text (IAM accepts "true" and true
// alike). vars says whether the document reads policy variables (Version
// 2012-10-17); AWS reads them only under the string operators ("You can't
// use a policy variable with other operators, such as Numeric, Date,
// Boolean, Binary, IP Address, or Null operators"). It returns a message
// when the values cannot be used.
func (cond *condition) compileValues(v decode.Value, vars bool) string {
	items := []decode.Value{v}
	if v.Kind == decode.Array {
		items = v.Items
		if len(items) == 0 {
			return "the condition has an empty list of values; IAM needs at least one"
		}
	}
	for _, it := range items {
		switch it.Kind {
		case decode.String, decode.Number, decode.Bool:
			cond.values = append(cond.values, it.Text)
		default:
			return fmt.Sprintf("condition values must be strings (or numbers and booleans), not a %s", it.Kind)
		}
	}
	if cond.base == opNull || cond.base == opBool {
		for _, x := range cond.values {
			if !isBool(x) {
				return fmt.Sprintf("%s takes true or false, not %s", cond.op, compact(v))
			}
		}
	}
	if cond.base == opNull {
		if cond.ifExist || cond.set != setNone {
			return fmt.Sprintf("%s: Null takes no IfExists suffix and no set prefix", cond.op)
		}
		if len(cond.values) != 1 {
			return fmt.Sprintf("%s takes one value, true or false, not %s", cond.op, compact(v))
		}
		cond.boolVal = strings.EqualFold(cond.values[0], "true")
	}
	str := cond.base != opNull && cond.base != opBool && cond.base != opOther
	hasVar := false
	for _, x := range cond.values {
		cv := parseValue(x, cond.like(), vars && str)
		hasVar = hasVar || cv.hasVar
		cond.vals = append(cond.vals, cv)
	}
	if !hasVar {
		cond.static = make([]resolvedValue, len(cond.vals))
		for i := range cond.vals {
			cond.static[i] = resolvedValue{pat: cond.vals[i].pattern()}
		}
		cond.shown = cond.values // a plain value shows as written
		for i := range cond.vals {
			if !cond.vals[i].plain {
				cond.shown = shownValues(cond.static, cond.like())
				break
			}
		}
	}
	return ""
}

func isBool(s string) bool { return strings.EqualFold(s, "true") || strings.EqualFold(s, "false") }
