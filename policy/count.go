package policy

import "fmt"

// Count is n of what in words: "1 condition", "3 conditions". Summaries,
// diagnoses and lint messages count with it, so no provider keeps its own
// plural.
func Count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
