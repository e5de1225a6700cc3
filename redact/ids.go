package redact

import (
	"strconv"
	"strings"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
)

// idWords finds the values --redact ids hides: jti, and every claim named
// *_id whose value is a decimal number (GitHub's repository_id, actor_id,
// run_id, check_run_id, enterprise_id…, GitLab's project_id…), as a
// string or a JSON number. Each distinct value gets one placeholder named
// after the first claim that holds it, <repository_id>; a second value
// under the same name gets <name-2>. The placeholders say which claim was
// there without saying anything of its value: no hash of a small number,
// which anyone could reverse by trying them all.
func idWords(claims []inspect.Claim) []pair {
	var out []pair
	byValue := map[string]bool{}
	perName := map[string]int{}
	for _, c := range claims {
		v, ok := idValue(c)
		if !ok || byValue[v] {
			continue
		}
		byValue[v] = true
		perName[c.Name]++
		name := c.Name
		if n := perName[c.Name]; n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		out = append(out, pair{old: v, new: "<" + name + ">"})
	}
	return out
}

func idValue(c inspect.Claim) (string, bool) {
	v := c.Value
	switch {
	case c.Name == "jti" && v.Kind == decode.String && strings.TrimSpace(v.Text) != "":
		return v.Text, true
	case strings.HasSuffix(c.Name, "_id") && (v.Kind == decode.String || v.Kind == decode.Number) && digits(v.Text):
		return v.Text, true
	}
	return "", false
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
