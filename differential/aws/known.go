package aws

import (
	"slices"
	"strings"
)

// KnownClass is a kind of disagreement that is understood: the simulator
// departs from AWS's documented behaviour, or AWS's behaviour is
// undocumented and oidcscope says so. README mirrors this table by ID.
type KnownClass struct {
	ID     string
	What   string // the disagreement, in one sentence
	Reason string // why oidcscope answers as it does
	Source string // where AWS's behaviour is documented (or that it is not)
	// SimWrong: AWS documents the answer and the simulator departs from
	// it; otherwise AWS's behaviour is undocumented and oidcscope's
	// diagnosis names both readings.
	SimWrong bool
	// Fits reports whether a case (with the simulator's answer, which
	// carries the request context) has the feature the class is about.
	Fits func(Case, Outcome) bool
	// Without takes that feature out of a case. A disagreement belongs to
	// the class only if the two sides agree once the feature is gone, so
	// that a class cannot hide an unrelated disagreement.
	Without func(Case, Outcome) Case
}

// knownClasses is the table.
var knownClasses = []KnownClass{
	{
		ID:       "sim-account-deny",
		SimWrong: true,
		What:     "a Deny statement whose principal is the role's own account (arn:aws:iam::<account>:root or the bare account id) denies the web identity caller in the simulator",
		Reason:   "an account principal stands for the IAM users and roles of that account; a web identity caller is the federated principal of the OIDC provider, not one of them, so the statement does not apply to it. The simulator matches any caller whose ARN carries the account id (principal/principal.js, AccountLevelMatch) and turns a matching Deny into DeniedForAccount",
		Source:   docPrincipal + " (\"AWS account principals\", \"Federated principals\"); issue 14 lists it as simulator-wrong, out of scope",
		Fits:     func(c Case, _ Outcome) bool { return len(accountDenies(c)) > 0 },
		Without:  withoutAccountDenies,
	},
	{
		ID:       "sim-escape-in-equals",
		SimWrong: true,
		What:     "${*}, ${?} or ${$} in a value of StringEquals, StringNotEquals or their IgnoreCase forms",
		Reason:   "AWS reads them as the characters *, ? and $ wherever policy variables are allowed, which includes every string condition value; the simulator substitutes them only for StringLike/StringNotLike and compares the six characters literally under the equality operators (util.js replacementValue with replaceWildcards false)",
		Source:   docVariables + " (\"Special characters\": \"These predefined policy variables can be used in any string where you can use regular policy variables\")",
		Fits:     func(c Case, _ Outcome) bool { return hasEscapeInEquality(c) },
		Without:  func(c Case, _ Outcome) Case { return unescapeEquality(c) },
	},
	{
		ID:       "sim-valueless-variable-negated",
		SimWrong: true,
		What:     "a negated operator (StringNotEquals, StringNotLike, StringNotEqualsIgnoreCase) with a value whose policy variable has no value in the request (absent, empty, or a multivalued key such as an array aud, which AWS says cannot be a variable) and no default",
		Reason:   "AWS: such a value is effectively null, and \"inverted condition operators like StringNotEquals or StringNotLike do match against a null value\", so the value excludes nothing; the simulator marks the value as an error that fails the negated test (util.js: \"This will never match\"), which makes the whole condition false",
		Source:   docVariables + " (\"Policy variables with no value\")",
		Fits:     func(c Case, o Outcome) bool { return len(valuelessInNegated(c, o.Sim.Context)) > 0 },
		Without:  withoutValuelessInNegated,
	},
	{
		ID:       "sim-empty-default",
		SimWrong: true,
		What:     "a policy variable with an empty default, ${key, ''}, whose key has no value",
		Reason:   "AWS substitutes the default when the key has no value, and an empty default is a default; the simulator tests the default for JavaScript truthiness (util.js: else if (defaultValue)), so '' counts as no default and the value never matches",
		Source:   docVariables + " (\"Specifying default values\")",
		Fits:     func(c Case, o Outcome) bool { return hasEmptyDefault(c, o.Sim.Context) },
		Without:  substituteEmptyDefaults,
	},
	{
		ID:      "federated-wildcard",
		What:    "a statement whose principal is {\"Federated\": \"*\"}",
		Reason:  "AWS's Principal documentation gives \"*\" and {\"AWS\": \"*\"} as wildcards and is silent on {\"Federated\": \"*\"}; AWS's own IAM Access Analyzer policy-check samples read it as trusting every identity provider, and oidcscope does too (the statement applies to any token's provider); the simulator compares the Federated value to the caller's provider ARN literally, so it never applies",
		Source:  docPrincipal + " (silent); aws-samples/iam-access-analyzer-custom-policy-check-samples, resource-policies/role-trust-policies/allow-list-federated-access-oidc.md (\"allows access to all OIDC providers\")",
		Fits:    func(c Case, _ Outcome) bool { return hasFederatedStar(c) },
		Without: namedFederated,
	},
	{
		ID:      "ignorecase-non-ascii",
		What:    "StringEqualsIgnoreCase/StringNotEqualsIgnoreCase where a character outside ASCII folds to an ASCII letter (ſ and s, the Kelvin sign K and k)",
		Reason:  "AWS does not document which case folding the IgnoreCase operators use; oidcscope folds with Unicode simple case folding (Go's strings.EqualFold, as Java's equalsIgnoreCase also matches these pairs) and says in the diagnosis that AWS documents no folding rule; the simulator uses JavaScript's non-Unicode /i, which never folds a non-ASCII character to an ASCII one",
		Source:  docOperators + " (\"Exact matching, ignoring case\": no folding rule given); undocumented, both readings possible",
		Fits:    holding(foldsToASCII),
		Without: func(c Case, _ Outcome) Case { return mapStrings(c, asciiFold) },
	},
	{
		ID:       "sim-utf16-wildcard",
		SimWrong: true,
		What:     "a ? of StringLike/StringNotLike meets a character outside the Basic Multilingual Plane (an emoji in a workflow name)",
		Reason:   "IAM's ? matches one character, and oidcscope counts characters as Unicode code points; the simulator compiles patterns to JavaScript regular expressions without the u flag, where . matches one UTF-16 code unit, half of such a character",
		Source:   docOperators + " (String condition operators: ? matches a single character); issue 14 lists it as simulator-wrong, out of scope",
		Fits:     holding(isAstral),
		Without:  replacing(isAstral, 'Ω'),
	},
	{
		ID:       "sim-line-terminator",
		SimWrong: true,
		What:     "a * or ? of StringLike/StringNotLike meets a line break in a claim (a workflow name over two lines)",
		Reason:   "IAM's * matches any sequence of characters and ? any one character, line breaks included, as oidcscope does; the simulator's JavaScript regular expressions use . without the s flag, which never matches \\n, \\r, U+2028 or U+2029",
		Source:   docOperators + " (String condition operators)",
		Fits:     holding(isLineTerminator),
		Without:  replacing(isLineTerminator, ' '),
	},
}

// Classify finds the known classes that explain a disagreement: one class
// whose feature, taken out, makes the two sides agree; else several
// features of the case together. It returns nil when nothing explains it.
// agree judges a case with features taken out.
func Classify(c Case, o Outcome, agree func(Case) (bool, error)) ([]*KnownClass, error) {
	var fitting []*KnownClass
	for i := range knownClasses {
		k := &knownClasses[i]
		if !k.Fits(c, o) {
			continue
		}
		fitting = append(fitting, k)
		ok, err := agree(k.Without(c, o))
		if err != nil || ok {
			return []*KnownClass{k}, err
		}
	}
	if len(fitting) < 2 {
		return nil, nil
	}
	without := func(ks []*KnownClass) Case {
		n := c
		for _, k := range ks {
			n = k.Without(n, o)
		}
		return n
	}
	ok, err := agree(without(fitting))
	if err != nil || !ok {
		return nil, err
	}
	// Keep only the features needed: drop each one the sides still
	// agree without.
	for i := 0; i < len(fitting) && len(fitting) > 2; {
		fewer := slices.Delete(slices.Clone(fitting), i, i+1)
		ok, err := agree(without(fewer))
		if err != nil {
			return nil, err
		}
		if ok {
			fitting = fewer
			continue
		}
		i++
	}
	return fitting, nil
}

// classKey names a set of classes, e.g. "federated-wildcard+sim-account-deny".
func classKey(ks []*KnownClass) string {
	ids := make([]string, len(ks))
	for i, k := range ks {
		ids[i] = k.ID
	}
	return strings.Join(ids, "+")
}

// allSimWrong: every class of the set is the simulator's departure from
// AWS's documentation.
func allSimWrong(ks []*KnownClass) bool {
	for _, k := range ks {
		if !k.SimWrong {
			return false
		}
	}
	return len(ks) > 0
}
