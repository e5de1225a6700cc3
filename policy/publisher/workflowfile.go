package publisher

import "strings"

// workflowFileBeforeAt finds what the registries' unanchored pattern
// `([^/]+\.(yml|yaml))@` captures, in plain string code: a regular
// expression cost its compilation and, run by the backtracker, a bit
// state of tens of kilobytes in every run that suggests conditions
// (TestWorkflowFileMatchesPatterns compares the two).
//
// The leftmost match starts at the start of the first slash-free segment
// that holds a match, and the greedy [^/]+ makes it end at that segment's
// last `@` preceded by at least one character and .yml or .yaml, and
// followed by text (the rest of ref) that accepts.
func workflowFileBeforeAt(ref string, accepts func(after string) bool) (string, bool) {
	for start := 0; start <= len(ref); {
		end := strings.IndexByte(ref[start:], '/')
		if end < 0 {
			end = len(ref)
		} else {
			end += start
		}
		seg := ref[start:end]
		for at := strings.LastIndexByte(seg, '@'); at >= 0; at = strings.LastIndexByte(seg[:at], '@') {
			file := seg[:at]
			named := (strings.HasSuffix(file, ".yml") && len(file) > len(".yml")) ||
				(strings.HasSuffix(file, ".yaml") && len(file) > len(".yaml"))
			if named && accepts(ref[start+at+1:]) {
				return file, true
			}
		}
		start = end + 1
	}
	return "", false
}
