// Package regexlang lists strings a regular expression's syntax tree
// accepts, for the two places that read a pattern by its values: reach
// names the environments an alternation stands for (Finite, the exact
// language, which a star or any-character ends), and octo-sts checks a
// rewritten pattern against sample values of the old one (Witnesses, which
// reads through repetition). Both are one walk of the tree, bounded by the
// caller's count; the cartesian product and the reading of a character
// class are shared.
package regexlang
