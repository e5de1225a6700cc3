package inspect_test

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/oidcscope/oidcscope/claims"
	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/fixtures"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/testseeds"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/policyset"
	"github.com/oidcscope/oidcscope/policy/policytest"
	"github.com/oidcscope/oidcscope/verify"
)

// The benchmarks below measure each stage of the pipeline on the push-main
// fixture token (RS256, a 2048-bit key, the claims of a GitHub Actions
// token) and compare it with BenchmarkRSAVerifyFloor, the one signature
// check that cannot be avoided. scripts/bench-budget runs them and prints
// the ratios the README's performance budget is written in.

// benchPolicies is one fixture policy per provider, each allowing
// push-main, so that every condition is evaluated (a deny can stop early).
var benchPolicies = map[string]string{
	policy.AWS:     "aws/get-role-deploy-main.json",
	policy.Entra:   "entra/push-main-sts-audience.json",
	policy.GCP:     "gcp/octo-repo-main.json",
	policy.K8s:     "k8s/octo-repo-main.yaml",
	policy.OctoSTS: "octo-sts/octo-repo-main.sts.yaml",
	policy.Vault:   "vault/deploy.json",
}

// benchPublishers: one trusted publisher per registry. Each expects its
// registry's own audience, and push-main's is sts.amazonaws.com, so most
// deny it; the work measured (every claim the registry reads) is the same.
var benchPublishers = map[string]string{
	policy.PyPI:     "pypi/octo-repo-deploy.yml",
	policy.CratesIO: "crates.io/octo-repo-release.yml",
	policy.RubyGems: "rubygems/octo-repo-deploy.yml",
	policy.NPM:      "npm/octo-repo-deploy.yml",
	policy.NuGet:    "nuget/octo-repo-deploy.yml",
	policy.JSR:      "jsr/octo-pkg.yml",
	policy.PubDev:   "pub.dev/octo-repo-tags.yml",
}

// benchToken is push-main as pasted: the file's text, newline included.
func benchToken(b *testing.B) []byte {
	b.Helper()
	return staticToken(b, "push-main")
}

// benchOptions verify with the demo keys, offline, at the static instant,
// checking issuer and audience as a user who gives them would.
func benchOptions(b *testing.B) inspect.Options {
	return inspect.Options{
		Keys: demoKeys(b), Source: verify.Source{Offline: true}, At: fixtures.StaticNow(),
		Issuer: gitHubIssuer, Audiences: []string{"sts.amazonaws.com"},
		Providers: policyset.All(), // what the command layer passes
	}
}

func loadPolicies(b *testing.B, files ...string) *policyset.Set {
	b.Helper()
	root, err := testseeds.ModuleRoot()
	if err != nil {
		b.Fatal(err)
	}
	var paths []string
	for _, f := range files {
		paths = append(paths, filepath.Join(root, "fixtures", "policies", f))
	}
	set := policyset.Loader{}.Load(paths, nil, nil)
	if set.Failed() {
		b.Fatalf("policies: %+v", set.Failures())
	}
	return set
}

// BenchmarkRSAVerifyFloor is the floor: hashing the signing input and one
// RSA-2048 PKCS #1 v1.5 verification, with the key already parsed.
func BenchmarkRSAVerifyFloor(b *testing.B) {
	tok := string(benchToken(b))
	dot := strings.LastIndexByte(tok, '.')
	sig, err := base64.RawURLEncoding.DecodeString(tok[dot+1:])
	if err != nil {
		b.Fatal(err)
	}
	block, _ := pem.Decode(fixtures.DemoPublicKeyPEM())
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		b.Fatal(err)
	}
	key := pub.(*rsa.PublicKey)
	input := []byte(tok[:dot])
	for b.Loop() {
		h := sha256.Sum256(input)
		if err := rsa.VerifyPKCS1v15(key, crypto.SHA256, h[:], sig); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExtract: finding the token in a pasted Authorization header.
func BenchmarkExtract(b *testing.B) {
	in := append([]byte("Authorization: Bearer "), benchToken(b)...)
	in = append(in, '\n')
	for b.Loop() {
		if _, err := decode.Extract(in, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecode: splitting, base64url and order-keeping JSON.
func BenchmarkDecode(b *testing.B) {
	tok := benchToken(b)
	for b.Loop() {
		if _, err := decode.Decode(tok, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVerifyLoadedJWKS: the signature and every registered-claim check
// with the JWKS already parsed.
func BenchmarkVerifyLoadedJWKS(b *testing.B) {
	tok, err := decode.Decode(benchToken(b), 0)
	if err != nil {
		b.Fatal(err)
	}
	opts := verify.Options{Keys: demoKeys(b), Issuer: gitHubIssuer, Audiences: []string{"sts.amazonaws.com"}, At: fixtures.StaticNow()}
	for b.Loop() {
		if r := verify.Verify(tok, opts); r.Signature.Status != verify.StatusValid || r.Failed() {
			b.Fatalf("signature %s", r.Signature.Status)
		}
	}
}

// BenchmarkExplain: the catalog's reading of every claim, sub anatomy and
// links.
func BenchmarkExplain(b *testing.B) {
	tok, err := decode.Decode(benchToken(b), 0)
	if err != nil {
		b.Fatal(err)
	}
	cat, err := claims.Default()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if a := cat.Analyze(tok.Payload, claims.Options{}); a.Profile.ID != "github-actions" {
			b.Fatalf("profile %q", a.Profile.ID)
		}
	}
}

// BenchmarkPolicyEvaluate: one compiled policy per provider against the
// token, each in its own sub-benchmark.
func BenchmarkPolicyEvaluate(b *testing.B) {
	tok, err := decode.Decode(benchToken(b), 0)
	if err != nil {
		b.Fatal(err)
	}
	ptok := policy.NewToken(tok.Payload)
	// Every registered provider but the IAM OIDC provider documents,
	// which have no sample folder of their own.
	for _, id := range policy.ProviderIDs() {
		file, publisher := benchPublishers[id]
		if !publisher {
			file = benchPolicies[id]
		}
		if file == "" {
			continue
		}
		b.Run(id, func(b *testing.B) {
			set := loadPolicies(b, file)
			for b.Loop() {
				for _, r := range set.Evaluate(ptok) {
					if r.Verdict == policy.Error || !publisher && r.Verdict != policy.Allow {
						b.Fatalf("%s: %s", r.Source, r.Summary)
					}
				}
			}
		})
	}
}

// BenchmarkPipeline: inspect.Run, paste to Report, with the keys loaded and
// one policy per provider (the budget's "full pipeline"), and without
// policies (where each claim lists what it would satisfy instead).
func BenchmarkPipeline(b *testing.B) {
	tok := benchToken(b)
	var files []string
	for _, f := range benchPolicies {
		files = append(files, f)
	}
	for _, bc := range []struct {
		name string
		set  *policyset.Set
	}{
		{"OnePolicyPerProvider", loadPolicies(b, files...)},
		{"NoPolicies", nil},
	} {
		b.Run(bc.name, func(b *testing.B) {
			opts := benchOptions(b)
			opts.Input = tok
			if bc.set != nil { // a nil *Set in the interface is not "no policies"
				opts.Policies = bc.set
			}
			for b.Loop() {
				if r := inspect.Run(context.Background(), opts); r.ExitCode() != 0 {
					b.Fatalf("exit code %d", r.ExitCode())
				}
			}
		})
	}
}

// BenchmarkPipelineAWSRoles: "which of these roles can this token assume",
// 1,000 and 10,000 trust policies from one list-roles document, parsed
// once.
func BenchmarkPipelineAWSRoles(b *testing.B) {
	tok := benchToken(b)
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			set := &policyset.Set{}
			set.Add(policyset.All(), "roles.json", policytest.ManyAWSRoles(n, 74)) // the last role lets push-main in
			if set.Failed() || set.Len() != n {
				b.Fatalf("%d policies, failures %+v", set.Len(), set.Failures())
			}
			opts := benchOptions(b)
			opts.Input, opts.Policies, opts.PoliciesAny = tok, set, true
			for b.Loop() {
				if r := inspect.Run(context.Background(), opts); r.ExitCode() != 0 {
					b.Fatalf("exit code %d", r.ExitCode())
				}
			}
		})
	}
}

// BenchmarkDecode1MiB and BenchmarkJSONValid1MiB: decoding a token at the
// size limit against the cheapest possible look at its payload.
func BenchmarkDecode1MiB(b *testing.B) {
	tok, _ := testseeds.LargeToken(b, decode.DefaultMaxSize)
	b.SetBytes(int64(len(tok)))
	for b.Loop() {
		if _, err := decode.Decode(tok, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkJSONValid1MiB(b *testing.B) {
	tok, payload := testseeds.LargeToken(b, decode.DefaultMaxSize)
	b.SetBytes(int64(len(tok)))
	for b.Loop() {
		if !json.Valid(payload) {
			b.Fatal("invalid")
		}
	}
}

// BenchmarkPipeline1MiB: the whole pipeline on a token at the size limit.
func BenchmarkPipeline1MiB(b *testing.B) {
	tok, _ := testseeds.LargeToken(b, decode.DefaultMaxSize)
	opts := benchOptions(b)
	opts.Input = tok
	b.SetBytes(int64(len(tok)))
	for b.Loop() {
		if r := inspect.Run(context.Background(), opts); r.ExitCode() != 0 {
			b.Fatalf("exit code %d", r.ExitCode())
		}
	}
}

// BenchmarkRetime1MiB is the terminal UI's clock tick on the largest
// token: the time checks evaluated again at the next second.
func BenchmarkRetime1MiB(b *testing.B) {
	tok, _ := testseeds.LargeToken(b, decode.DefaultMaxSize)
	opts := benchOptions(b)
	opts.Input = tok
	opts.At = time.Time{}
	r := inspect.Run(context.Background(), opts)
	at := r.At
	for b.Loop() {
		at = at.Add(time.Second)
		if inspect.Retime(r, opts, at) == r {
			b.Fatal("not re-timed")
		}
	}
}
