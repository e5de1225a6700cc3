package view_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/aws"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/report/view"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fitWidths are the terminal widths issue 16 names.
var fitWidths = []int{60, 80, 120}

// awsSubPolicy is a role trusting one subject, StringEquals.
const awsSubPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",
"Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
"Action":"sts:AssumeRoleWithWebIdentity",
"Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions.githubusercontent.com:sub":%q}}}]}`

// fitCases are real AWS diagnoses of a sub the role does not trust.
var fitCases = []struct{ name, policySub, tokenSub string }{
	{"aws-long-sub",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines:environment:production-eu-west-1",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines:environment:production-eu-west-2"},
	{"aws-longer-than-any-screen",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-region-and-account:environment:prod-eu-west-1",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-region-and-account:environment:prod-eu-west-2"},
	{"cyrillic-confusable",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-region:ref:refs/heads/main",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-regi\u043en:ref:refs/heads/main"},
	{"wide-cjk",
		"repo:例え-組織/本番環境デプロイパイプライン-東京リージョン:environment:本番環境-東京",
		"repo:例え-組織/本番環境デプロイパイプライン-東京リージョン:environment:本番環境-大阪"},
	{"escaped-hostile",
		"repo:example-platform-engineering/infrastructure\u202e-deployment-pipelines-for-every-region:ref:refs/heads/main",
		"repo:example-platform-engineering/infrastructure\u202e-deployment-pipelines-for-every-region:ref:refs/heads/mainline"},
	{"escapes-differ",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-region:ref:refs/heads/main\u202e",
		"repo:example-platform-engineering/infrastructure-deployment-pipelines-for-every-region:ref:refs/heads/main\u202d"},
}

// failedConditionLines is a failed condition as a pane shows it: the
// expression, the token's value and the diagnosis, indented under it.
func failedConditionLines(t *testing.T, policySub, tokenSub string) []string {
	t.Helper()
	pol := policytest.ParseOne(t, aws.New(), "role.json", fmt.Sprintf(awsSubPolicy, policySub))
	tok := policytest.Payload(t, fmt.Sprintf(`{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","sub":%q}`, tokenSub))
	p := view.PolicyOf(&inspect.Report{}, pol.Evaluate(tok))
	for _, c := range p.Conditions {
		if c.Failed {
			lines := []string{"✗ fail " + c.Expression, "    token " + strings.Join(c.Claims, ", ") + ": " + c.Actual}
			for _, d := range c.Diagnosis {
				lines = append(lines, "    "+d)
			}
			return lines
		}
	}
	t.Fatalf("no failed condition for sub %q", tokenSub)
	return nil
}

// TestFitDiffGolden: at 60, 80 and 120 columns the first difference
// keeps each value on one line, within the width, with the caret under
// the differing character; nothing is cut at a hyphen.
func TestFitDiffGolden(t *testing.T) {
	for _, tc := range fitCases {
		in := failedConditionLines(t, tc.policySub, tc.tokenSub)
		for _, w := range fitWidths {
			name := fmt.Sprintf("%s-%d", tc.name, w)
			t.Run(name, func(t *testing.T) {
				got := view.Fit(in, w)
				checkCaret(t, got)
				checkWidth(t, got, w)
				checkGolden(t, filepath.Join("testdata", "fit", name+".txt"),
					strings.Repeat("-", w)+"|\n"+strings.Join(got, "\n")+"\n")
			})
		}
	}
}

// TestFitDiffCaretAtEveryWidth: between the goldens' widths too, down to
// a width narrower than the labels, the caret stays under the difference.
func TestFitDiffCaretAtEveryWidth(t *testing.T) {
	for _, tc := range fitCases {
		in := failedConditionLines(t, tc.policySub, tc.tokenSub)
		for w := 10; w <= 140; w++ {
			checkCaret(t, view.Fit(in, w))
		}
	}
}

// checkCaret fails unless each caret line's ^ stands under the first
// character (an escape such as \u202e counting as one) where the expected
// and token lines above it differ.
func checkCaret(t *testing.T, lines []string) {
	t.Helper()
	carets := 0
	for i := 2; i < len(lines); i++ {
		if strings.TrimLeft(lines[i], " ") != "^" || !strings.Contains(lines[i-2], "expected: ") {
			continue
		}
		carets++
		col := ansi.StringWidth(lines[i]) - 1
		ePre, e := splitAtColumn(lines[i-2], col)
		tPre, tk := splitAtColumn(lines[i-1], col)
		if strings.Replace(ePre, "expected: ", "token:    ", 1) != tPre || escapedChar.FindString(e) == escapedChar.FindString(tk) {
			t.Errorf("caret at column %d is not under the first difference:\n%s\n%s\n%s", col, lines[i-2], lines[i-1], lines[i])
		}
	}
	if carets != 1 {
		t.Errorf("%d caret lines, want 1:\n%s", carets, strings.Join(lines, "\n"))
	}
}

// escapedChar is one character as escape.Text shows it.
var escapedChar = regexp.MustCompile(`^(\\(x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|.)|.)`)

// splitAtColumn cuts l where display column col starts.
func splitAtColumn(l string, col int) (before, after string) {
	at := 0
	for i, r := range l {
		if at >= col {
			return l[:i], l[i:]
		}
		at += ansi.StringWidth(string(r))
	}
	return l, ""
}

// checkWidth fails when a line is wider than w but could have been broken
// at a space: only a single word (a value kept whole) may stand out.
func checkWidth(t *testing.T, lines []string, w int) {
	t.Helper()
	for _, l := range lines {
		if ansi.StringWidth(l) > w && strings.Contains(strings.TrimLeft(l, " "), " ") {
			t.Errorf("line of %d columns in %d has a space to break at: %q", ansi.StringWidth(l), w, l)
		}
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run with -update to see):\n%s", path, got)
	}
}

// TestFitWrapsOnlyAtSpaces: lines other than a first difference break at
// spaces, never inside a value, and continue at their indent.
func TestFitWrapsOnlyAtSpaces(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		width int
		want  []string
	}{
		{"fits", "  short line", 20, []string{"  short line"}},
		{"breaks at spaces, continues at the indent", "    the token's sub is in environment form", 24,
			[]string{"    the token's sub is", "    in environment form"}},
		{"an ARN stands alone, uncut", "  Federated arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com trusted", 40,
			[]string{"  Federated", "  arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com", "  trusted"}},
		{"a link stands alone, uncut", "see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments here", 30,
			[]string{"see", "https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments", "here"}},
		{"a quoted string with spaces is one word", `  pattern "repo:o/r:ref:refs/heads/my branch name" differs only in case`, 30,
			[]string{"  pattern", `  "repo:o/r:ref:refs/heads/my branch name"`, "  differs only in case"}},
		{"an unclosed quote is no word", `  the token's value differs here`, 20,
			[]string{"  the token's value", "  differs here"}},
		{"prose wider than the width is cut", "  abcdefghijklmnopqrstuvwxyz", 12,
			[]string{"  abcdefghij", "  klmnopqrst", "  uvwxyz"}},
		{"a deep indent is not kept", "              key  value-that-is-long", 20,
			[]string{"              key", "value-that-is-long"}},
		{"columns inside a line are kept", "  ✓ pass  sub   repo:o/r", 40, []string{"  ✓ pass  sub   repo:o/r"}},
		{"styling stays with its words", "    \x1b[2mtoken sub: repo:octo-org/octo-repo:ref:refs/heads/main\x1b[0m", 30,
			[]string{"    \x1b[2mtoken sub:", "    repo:octo-org/octo-repo:ref:refs/heads/main\x1b[0m"}},
		{"wide characters count two columns", "  本番環境 東京リージョン", 16, []string{"  本番環境", "  東京リージョン"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := view.Fit([]string{tc.line}, tc.width)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("Fit(%q, %d) =\n%q\nwant\n%q", tc.line, tc.width, got, tc.want)
			}
		})
	}
}

// TestFitDiffKeepsStyling: an alignment drawn dim and indented (the claim
// detail's diagnoses) is recognised and keeps its indent and styling.
func TestFitDiffKeepsStyling(t *testing.T) {
	dim := func(s string) string { return "    \x1b[2m" + s + "\x1b[0m" }
	var in []string
	for _, l := range policy.Align("repo:octo-org/octo-repo:environment:production-eu-west-1", "repo:octo-org/octo-repo:environment:production-eu-west-2") {
		in = append(in, dim(l))
	}
	got := view.Fit(in, 40)
	want := []string{
		dim("first difference at character 56:"),
		dim("  expected: …t:production-eu-west-1"),
		dim("  token:    …t:production-eu-west-2"),
		dim("                                  ^"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Fit =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
