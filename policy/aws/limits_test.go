package aws

import (
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policytest"
)

const ghKey = "token.actions.githubusercontent.com"

// keysPolicy is a trust policy with n condition keys in one operator (the
// shape of the review's 16.7 MB, 300,000-key document).
func keysPolicy(n int) string {
	var b strings.Builder
	b.Grow(n * (2*len(ghKey) + 24))
	b.WriteString(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:oidc-provider/` + ghKey +
		`"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"` + ghKey + `:sub":"repo:o/r:ref:refs/heads/main"`)
	var num []byte
	for i := range n - 1 {
		num = strconv.AppendInt(num[:0], int64(i), 10)
		b.WriteString(`,"` + ghKey + `:k`)
		b.Write(num)
		b.WriteString(`":"v`)
		b.Write(num)
		b.WriteByte('"')
	}
	b.WriteString(`}}}]}`)
	return b.String()
}

// rolesOf is list-roles output with one role per document.
func rolesOf(docs ...string) string {
	var b strings.Builder
	b.WriteString(`{"Roles":[`)
	for i, d := range docs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"RoleName":"r%d","AssumeRolePolicyDocument":%s}`, i, d)
	}
	b.WriteString(`]}`)
	return b.String()
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestDocumentWorkBounded: compiling and evaluating a trust policy costs
// memory in proportion to its statements, condition keys and values, about
// a hundred times the document's size, and a document may be 64 MiB. Past
// the caps Parse answers with ErrTooLarge naming the cap (or, for one role
// of a list, that role evaluates to an error), having spent little. The
// review's document is read with the real caps, the other shapes with
// small ones.
func TestDocumentWorkBounded(t *testing.T) {
	small := keysPolicy(3)                                                                        // 10 items
	padded := strings.TrimSuffix(small, "}") + `,"Padding":[` + strings.Repeat("0,", 100) + `0]}` // few items, many values
	tiny := limits{input: 400, policy: 40, list: 100}
	tests := []struct {
		name     string
		caps     limits
		doc      string
		roleErr  int    // with no Parse error: the index of the role that evaluates to an error, -1 for none
		mentions string // the cap the error names; "" for no error
		maxAlloc uint64 // bytes Parse may allocate; 0 for no check
	}{
		{"the review's 300,000 condition keys", limits{}, keysPolicy(300_000), -1, fmt.Sprint(MaxInputValues), 1 << 20},
		{"values beside the policies", limits{}, `{"Roles":[{"RoleName":"r","AssumeRolePolicyDocument":` + small + `,"Tags":[` + strings.Repeat("0,", MaxInputValues) + `0]}]}`, -1, fmt.Sprint(MaxInputValues), 1 << 20},
		{"within every cap", tiny, rolesOf(small, small), -1, "", 0},
		{"one policy past the per-policy cap", tiny, keysPolicy(20), -1, "40", 0},
		{"a role past the per-policy cap, in a list", tiny, rolesOf(small, keysPolicy(20), small), 1, "40", 0},
		{"a URL-encoded policy past the per-policy cap", tiny, `{"Role":{"RoleName":"r","AssumeRolePolicyDocument":"` + url.QueryEscape(keysPolicy(20)) + `"}}`, -1, "40", 0},
		{"URL-encoded policies past the input cap", tiny, rolesOf(repeat(`"`+url.QueryEscape(padded)+`"`, 4)...), -1, "400", 0},
		{"roles within the per-policy cap, past the list cap", tiny, rolesOf(repeat(keysPolicy(15), 3)...), -1, "100", 0},
		{"URL-encoded roles past the list cap", tiny, rolesOf(repeat(`"`+url.QueryEscape(keysPolicy(15))+`"`, 3)...), -1, "100", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.doc)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			pols, err := provider{limits: tc.caps}.Parse("doc.json", data)
			runtime.ReadMemStats(&after)
			if alloc := after.TotalAlloc - before.TotalAlloc; tc.maxAlloc > 0 && alloc > tc.maxAlloc {
				t.Errorf("Parse allocated %d MB for a %.1f MB document, want at most %d MB", alloc>>20, float64(len(data))/(1<<20), tc.maxAlloc>>20)
			}
			if tc.roleErr < 0 && tc.mentions != "" {
				if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.mentions) {
					t.Fatalf("Parse: %d policies, error %v; want ErrTooLarge naming %s", len(pols), err, tc.mentions)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range pols {
				r := p.Evaluate(policytest.FixtureToken(t, "push-main"))
				if got := r.Verdict == policy.Error && strings.Contains(r.Error, tc.mentions); got != (i == tc.roleErr) {
					t.Errorf("role %d: %s %s", i, r.Verdict, policy.Shorten(r.Error, 200))
				}
			}
		})
	}
}

// TestCapsAdmitTheBenchmark: the 10,000-role benchmark (100 times 100
// roles) is within the default caps.
func TestCapsAdmitTheBenchmark(t *testing.T) {
	data := manyRoles(100)
	root, errs := decode.ParseJSON("roles", data)
	if root.Kind != decode.Object {
		t.Fatal(errs)
	}
	roles, _ := root.Get("Roles")
	items := 0
	for _, r := range roles.Items {
		doc, _ := r.Get("AssumeRolePolicyDocument")
		items += policyItems(doc, MaxPolicyItems)
	}
	if values := countValues(data, 1<<30); 100*values > MaxInputValues || 100*items > MaxListItems {
		t.Errorf("10,000 roles hold %d JSON values (cap %d) and %d items (cap %d)", 100*values, MaxInputValues, 100*items, MaxListItems)
	}
}

// TestCountValues: the text scan counts what the decoder builds: every
// value and every key.
func TestCountValues(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `"a"`, `-1.5e+3`, `[true,false,null,0]`, `{"a":{"b":["c\"d\\",1]},"e\\":"\\\\\""}`,
		" { \"k\" : [ 1 , 2 ] } ", `{"s":"a]}[{,:\u0022"}`, keysPolicy(5), rolesOf(keysPolicy(2), `"%7B%7D"`),
		string(manyRoles(20)),
	}
	for _, d := range docs {
		v, errs := decode.ParseJSON("doc", []byte(d))
		for _, e := range errs {
			if !errors.Is(e, decode.ErrDuplicateKey) { // ManyAWSRoles repeats StringEquals in some roles
				t.Fatalf("%.60q: %v", d, e)
			}
		}
		want := treeValues(v)
		if got := countValues([]byte(d), 1<<30); got != want {
			t.Errorf("countValues(%.60q) = %d, the decoder builds %d", d, got, want)
		}
		if got := countValues([]byte(d), 2); want > 3 && got != 3 {
			t.Errorf("countValues(%.60q, 2) = %d, want it to stop at 3", d, got)
		}
	}
}

func treeValues(v decode.Value) int {
	n := 1
	for _, it := range v.Items {
		n += treeValues(it)
	}
	for _, m := range v.Members {
		n += 1 + treeValues(m.Value)
	}
	return n
}
