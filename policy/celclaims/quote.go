package celclaims

import "github.com/oidcscope/oidcscope/policy"

// Quote writes s as a single-quoted CEL string literal: quotes,
// backslashes and every control or invisible character escaped, so a
// hostile claim value cannot end the literal or hide in the terminal. The
// rule is policy.QuoteCEL's (the core fills lint examples with it and
// cannot import this package).
func Quote(s string) string { return policy.QuoteCEL(s) }
