package celclaims

import (
	"cel.dev/cel-go/common/cost"
)

// StringsCostModels price the functions of ext.Strings for a library
// version below 5, which registers no cost model of its own: without
// them replace(), join() or split() cost one unit whatever they build,
// and the estimate cannot size their results. They are the models cel-go
// registers from version 5, for the overloads of versions 0 to 2
// (format and strings.quote are priced by cel-go's standard models).
// Kubernetes' environment pins version 2; its own estimator prices these
// calls by their receiver alone, which is how a 903-byte replace chain
// used to build ten gigabytes before its first charge.
func StringsCostModels() []cost.OverloadModel {
	t, res, one := cost.Target(), cost.Result(), cost.Const(1)
	call := cost.Const(cost.CallCost)
	// A transform scans its receiver and writes its result.
	transform := cost.EvalCost(cost.Sum(call, cost.StringScan(cost.Length(t)), cost.Length(res)))
	// A search compares the needle at every position of the receiver.
	search := cost.EvalCost(cost.Sum(call, cost.StringScan(cost.Mul(cost.Length(t), cost.Length(cost.Arg(0))))))
	// replace searches, then writes a result of at most (n+1) replacements.
	replace := []cost.OverloadModelOption{
		cost.EvalCost(cost.Sum(call,
			cost.StringScan(cost.Mul(cost.AtLeastOneQuantity(cost.Length(t)), cost.AtLeastOneQuantity(cost.Length(cost.Arg(0))))),
			cost.Length(res))),
		cost.ResultSize(cost.Ranged(cost.Min(t, cost.Arg(1)), cost.Mul(cost.Sum(t, one), cost.Sum(cost.Arg(1), one)))),
	}
	// split writes at most n+1 parts of at most n characters.
	split := []cost.OverloadModelOption{
		cost.EvalCost(cost.AllocList(cost.StringScan(cost.Sum(cost.Length(t), one)), cost.Length(res))),
		cost.ResultSize(cost.Min(
			cost.List(cost.AtMost(cost.Sum(t, one)), cost.AtMost(t)),
			cost.Sum(cost.Scale(t, 2), cost.Const(2)))),
	}
	// join reads the list once and writes the concatenation.
	join := cost.EvalCost(cost.Sum(call, cost.StringScan(cost.Sum(cost.Length(t), one)), cost.Length(res)))
	from := cost.IntArg(0, 0)
	length := cost.Sub(cost.IntArg(1, 0), from)
	return []cost.OverloadModel{
		cost.MemberOverload("string_char_at_int",
			cost.EvalCost(cost.Sum(cost.Const(cost.CallCost+1), cost.StringScan(cost.Length(t)))),
			cost.ResultSize(cost.AtMost(cost.Min(t, cost.Const(4))))),
		cost.MemberOverload("string_index_of_string", search),
		cost.MemberOverload("string_index_of_string_int", search),
		cost.MemberOverload("string_last_index_of_string", search),
		cost.MemberOverload("string_last_index_of_string_int", search),
		cost.MemberOverload("string_lower_ascii", transform, cost.ResultSize(t)),
		cost.MemberOverload("string_upper_ascii", transform, cost.ResultSize(t)),
		cost.MemberOverload("string_trim", transform, cost.ResultSize(cost.AtMost(t))),
		cost.MemberOverload("string_substring_int", transform,
			cost.ResultSize(cost.Ranged(cost.Sub(t, cost.Scale(from, 4)), cost.Sub(t, from)))),
		cost.MemberOverload("string_substring_int_int", transform,
			cost.ResultSize(cost.Ranged(length, cost.Min(cost.Sub(t, from), cost.Scale(length, 4))))),
		cost.MemberOverload("string_replace_string_string", replace...),
		cost.MemberOverload("string_replace_string_string_int", replace...),
		cost.MemberOverload("string_split_string", split...),
		cost.MemberOverload("string_split_string_int", split...),
		cost.MemberOverload("list_join", join, cost.ResultSize(cost.AtMost(cost.ElemTotal(t)))),
		cost.MemberOverload("list_join_string", join,
			cost.ResultSize(cost.AtMost(cost.Sum(cost.ElemTotal(t), cost.Mul(cost.Length(t), cost.Arg(0)))))),
	}
}
