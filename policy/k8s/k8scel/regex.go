package k8scel

import (
	"regexp"

	"cel.dev/cel-go/cel"
	"cel.dev/cel-go/common/types"
	"cel.dev/cel-go/common/types/ref"
	"cel.dev/cel-go/interpreter"
)

// Regex is Kubernetes' regex library: find() and findAll() with RE2
// syntax. A constant pattern is compiled when the program is built, so a
// bad one refuses the expression up front, as in kube-apiserver.
func Regex() cel.EnvOption {
	findAll := func(s string, re *regexp.Regexp, n int64) ref.Val {
		if n > int64(^uint(0)>>1) {
			n = -1
		}
		matches := re.FindAllString(s, int(n))
		if matches == nil {
			matches = []string{}
		}
		return types.NewStringList(types.DefaultTypeAdapter, matches)
	}
	// Each overload in two forms: pattern compiled per call, and pattern
	// compiled once (the optimisation cel-go applies to constants).
	type impl struct {
		fn, id string
		call   func(args []ref.Val, re *regexp.Regexp) ref.Val
	}
	impls := []impl{
		{"find", "string_find_string", func(args []ref.Val, re *regexp.Regexp) ref.Val {
			return types.String(re.FindString(string(args[0].(types.String))))
		}},
		{"findAll", "string_find_all_string", func(args []ref.Val, re *regexp.Regexp) ref.Val {
			return findAll(string(args[0].(types.String)), re, -1)
		}},
		{"findAll", "string_find_all_string_int", func(args []ref.Val, re *regexp.Regexp) ref.Val {
			n, ok := args[2].(types.Int)
			if !ok {
				return types.MaybeNoSuchOverloadErr(args[2])
			}
			return findAll(string(args[0].(types.String)), re, int64(n))
		}},
	}
	checkStrings := func(args []ref.Val) ref.Val {
		for _, a := range args[:2] {
			if _, ok := a.(types.String); !ok {
				return types.MaybeNoSuchOverloadErr(a)
			}
		}
		return nil
	}
	var compile []cel.EnvOption
	var optimise []*interpreter.RegexOptimization
	byName := map[string][]cel.FunctionOpt{}
	for _, im := range impls {
		argTypes := []*cel.Type{cel.StringType, cel.StringType}
		if im.id == "string_find_all_string_int" {
			argTypes = append(argTypes, cel.IntType)
		}
		byName[im.fn] = append(byName[im.fn], cel.MemberOverload(im.id, argTypes, resultOf(im.fn),
			cel.FunctionBinding(func(args ...ref.Val) ref.Val {
				if bad := checkStrings(args); bad != nil {
					return bad
				}
				re, err := regexp.Compile(string(args[1].(types.String)))
				if err != nil {
					return types.WrapErr(err)
				}
				return im.call(args, re)
			})))
		optimise = append(optimise, &interpreter.RegexOptimization{
			Function: im.fn, OverloadID: im.id, RegexIndex: 1,
			Factory: func(call interpreter.InterpretableCall, pattern string) (interpreter.InterpretableCall, error) {
				re, err := regexp.Compile(pattern)
				if err != nil {
					return nil, err
				}
				return interpreter.NewCall(call.ID(), call.Function(), call.OverloadID(), call.Args(),
					func(args ...ref.Val) ref.Val {
						if bad := checkStrings(args); bad != nil {
							return bad
						}
						return im.call(args, re)
					}), nil
			},
		})
	}
	for _, name := range []string{"find", "findAll"} {
		compile = append(compile, cel.Function(name, byName[name]...))
	}
	compile = append(compile, cel.ASTValidators(dynPatternValidator{}))
	return cel.Lib(library{name: "regex", compile: compile,
		program: []cel.ProgramOption{cel.OptimizeRegex(optimise...)}})
}

func resultOf(fn string) *cel.Type {
	if fn == "find" {
		return cel.StringType
	}
	return cel.ListType(cel.StringType)
}
