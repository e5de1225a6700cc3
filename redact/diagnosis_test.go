package redact_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/redact"
)

// immutableSubIDs are the IDs of the immutable-sub token that appear in its
// sub, repo:octo-org@65/octo-repo@74:ref:refs/heads/main.
var immutableSubIDs = []string{"65", "74"}

// awsSubPolicy writes an AWS trust policy testing sub with op.
func awsSubPolicy(t *testing.T, op, sub string) string {
	t.Helper()
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
		`"Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},` +
		`"Action":"sts:AssumeRoleWithWebIdentity",` +
		`"Condition":{"` + op + `":{"token.actions.githubusercontent.com:sub":` + strconv.Quote(sub) + `}}}]}`
	p := filepath.Join(t.TempDir(), "role.json")
	if err := os.WriteFile(p, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// renderings are the text, JSON and Markdown views of r.
func renderings(t *testing.T, r *inspect.Report) map[string]string {
	t.Helper()
	txt, js, md := views(t, r, "immutable-sub")
	return map[string]string{"text": txt, "json": jsonDiagnoses(t, []byte(js)), "markdown": md}
}

// jsonDiagnoses is every diagnosis of the JSON view, one line each, as a
// reader of the JSON would print them.
func jsonDiagnoses(t *testing.T, doc []byte) string {
	t.Helper()
	type cond struct {
		Diagnosis []string `json:"diagnosis"`
	}
	var v struct {
		Policies []struct {
			Conditions []cond `json:"conditions"`
		} `json:"policies"`
		Claims []struct {
			Conditions []cond `json:"conditions"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("JSON view: %v", err)
	}
	var b strings.Builder
	for _, p := range v.Policies {
		for _, c := range p.Conditions {
			b.WriteString(strings.Join(c.Diagnosis, "\n") + "\n")
		}
	}
	for _, cl := range v.Claims {
		for _, c := range cl.Conditions {
			b.WriteString(strings.Join(c.Diagnosis, "\n") + "\n")
		}
	}
	return b.String()
}

var firstDiffLine = regexp.MustCompile(`first difference at character ([0-9]+)\\?:`) // Markdown escapes the colon

// checkAlignments asserts that every aligned difference in out points at
// the first difference of the two lines it shows: its position and caret
// say nothing the shown (redacted) lines do not. It returns how many it
// found.
func checkAlignments(t *testing.T, view, out string) int {
	t.Helper()
	lines := strings.Split(out, "\n")
	n := 0
	for i, l := range lines {
		m := firstDiffLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		n++
		// The three lines that follow, past Markdown's blank line and fence.
		var next []string
		for _, l := range lines[i+1:] {
			if strings.Trim(l, " `") != "" && len(next) < 3 {
				next = append(next, l)
			}
		}
		if len(next) < 3 {
			t.Errorf("%s: a truncated alignment: %q", view, lines[i:])
			continue
		}
		e, t2, caret := next[0], next[1], next[2]
		ei, ti := strings.Index(e, "expected: "), strings.Index(t2, "token:    ")
		if ei < 0 || ti != ei {
			t.Errorf("%s: not an alignment:\n%s\n%s\n%s", view, e, t2, caret)
			continue
		}
		exp, tok := []rune(e[ei+len("expected: "):]), []rune(t2[ti+len("token:    "):])
		col := 0
		for col < len(exp) && col < len(tok) && exp[col] == tok[col] {
			col++
		}
		start := utf8.RuneCountInString(e[:ei+len("expected: ")])
		if got, _ := strconv.Atoi(m[1]); got != col+1 || strings.TrimSpace(caret) != "^" || utf8.RuneCountInString(caret)-1 != start+col {
			t.Errorf("%s: the alignment does not point at the first difference of the lines it shows (column %d):\n%s\n%s\n%s\n%s", view, col+1, l, e, t2, caret)
		}
	}
	return n
}

// checkNoIDPrefix asserts that no token line of an alignment ends in a
// cut-off ID: the first digits of a hidden ID.
func checkNoIDPrefix(t *testing.T, view, out string, ids []string) {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		_, tok, ok := strings.Cut(l, "token:    ")
		if !ok {
			continue
		}
		tok = strings.TrimRight(tok, "` ")
		for _, id := range ids {
			for n := 1; n < len(id); n++ {
				if p := id[:n]; strings.HasSuffix(tok, p) && !isWordByte(tok, len(tok)-n-1) {
					t.Errorf("%s: the token line ends in %q, the start of a hidden ID: %s", view, p, l)
				}
			}
		}
	}
}

func isWordByte(s string, i int) bool {
	if i < 0 {
		return false
	}
	c := s[i]
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// TestIDsDiagnosis: with --redact ids, a diagnosis never points into a
// hidden ID. An aligned difference is computed again on the redacted
// values (so its position and caret say nothing of the IDs), a difference
// inside an ID is a sentence without position, and a token line cut short
// does not end in the first digits of an ID. Checked in the text, JSON and
// Markdown views.
func TestIDsDiagnosis(t *testing.T) {
	tok := fixtureToken(t, "immutable-sub")
	tests := []struct {
		name, op, sub string
		inside        bool // the first difference is inside a hidden ID
		aligned       int  // aligned differences each view must show
	}{
		// The policy expects another repository ID: the original said
		// "first difference at character 29" with the caret after the "7" of 74.
		{name: "another repository ID", op: "StringEquals", sub: "repo:octo-org@65/octo-repo@75:ref:refs/heads/main", inside: true},
		// The policy expects an ID that starts like the hidden one.
		{name: "a longer ID", op: "StringEquals", sub: "repo:octo-org@65/octo-repo@745:ref:refs/heads/main", inside: true},
		// Another branch: the position is counted on the redacted text.
		{name: "another branch", op: "StringEquals", sub: "repo:octo-org@65/octo-repo@74:ref:refs/heads/dev", aligned: 1},
		// A pattern whose literal prefix cuts the token line inside 74.
		{name: "pattern cut inside an ID", op: "StringLike", sub: "repo:octo-OR*", aligned: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := inspectVerified(t, tok, awsSubPolicy(t, tt.op, tt.sub))
			if len(orig.Policies) != 1 || orig.Policies[0].Verdict != "deny" {
				t.Fatalf("policy: %+v", orig.Policies)
			}
			red := redact.Report(orig, redact.IDs)
			for view, out := range renderings(t, red) {
				if n := checkAlignments(t, view, out); n < tt.aligned {
					t.Errorf("%s: %d aligned differences, want at least %d:\n%s", view, n, tt.aligned, out)
				}
				checkNoIDPrefix(t, view, out, immutableSubIDs)
				inside := strings.Contains(out, "differs inside a redacted ID (") ||
					strings.Contains(out, `differs inside a redacted ID \(`)
				if inside != tt.inside {
					t.Errorf("%s: a difference inside a redacted ID said so: %v, want %v:\n%s", view, inside, tt.inside, out)
				}
				if tt.inside && firstDiffLine.MatchString(out) {
					t.Errorf("%s: a position is shown for a difference inside a hidden ID:\n%s", view, out)
				}
			}
			// The original keeps its diagnosis.
			if d := strings.Join(orig.Policies[0].Conditions[len(orig.Policies[0].Conditions)-1].Diagnosis, "\n"); !firstDiffLine.MatchString(d) {
				t.Errorf("the original report's diagnosis changed: %s", d)
			}
		})
	}
}
