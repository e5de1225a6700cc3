package cli

import (
	"encoding/json"
	"testing"
)

// reportClaims are the claims of a --json report, by name.
func reportClaims(t *testing.T, out string) map[string]any {
	t.Helper()
	var doc struct {
		Claims []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"claims"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]any{}
	for _, c := range doc.Claims {
		got[c.Name] = c.Value
	}
	return got
}
