package remote_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/policy"
	"github.com/oidcscope/oidcscope/policy/gcp"
	"github.com/oidcscope/oidcscope/policy/gcp/gcpinfo"
	"github.com/oidcscope/oidcscope/policy/k8s"
	"github.com/oidcscope/oidcscope/policy/k8s/k8sinfo"
	"github.com/oidcscope/oidcscope/policy/remote"
)

const testVersion = "v0.0.0-test"

// pipeDialer serves the real providers over in-memory pipes, as the helper
// does over its standard streams.
func pipeDialer(t testing.TB) remote.Dialer {
	t.Helper()
	reqR, reqW := io.Pipe()
	respR, respW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := remote.Serve(reqR, respW, testVersion, gcp.New(), k8s.New())
		respW.CloseWithError(errors.New("helper stopped"))
		done <- err
	}()
	conn, err := remote.NewConn(respR, reqW, reqW, testVersion)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		conn.Close()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return func() (*remote.Conn, error) { return conn, nil }
}

// pair is one provider in process and the same one through the helper.
type pair struct {
	name          string
	local, remote policy.Provider
	mentions      func([]byte) bool
}

func pairs(t testing.TB) []pair {
	dial := pipeDialer(t)
	return []pair{
		{"gcp", gcp.New(), remote.Registration(gcpinfo.Registration(), remote.Local{Mentions: gcpinfo.Mentions, Snippets: gcpinfo.Snippets}, dial).New(),
			gcpinfo.Mentions},
		{"k8s", k8s.New(), remote.Registration(k8sinfo.Registration(), remote.Local{Mentions: k8sinfo.Mentions, Snippets: k8sinfo.Snippets}, dial).New(),
			k8sinfo.Mentions},
	}
}

// documents are every fixture document of the provider, each also cut
// short at three points (syntax errors, with their line and column), and
// the other provider's documents (which neither detects).
func documents(t testing.TB) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	for _, glob := range []string{"../../fixtures/policies/gcp/*", "../../fixtures/policies/k8s/*", "../../fixtures/policies/aws/*.json"} {
		files, err := filepath.Glob(glob)
		if err != nil || len(files) == 0 {
			t.Fatalf("no documents at %s (%v)", glob, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			docs[f] = data
			for _, cut := range []int{len(data) / 3, len(data) / 2, len(data) - 2} {
				if cut > 0 {
					docs[fmt.Sprintf("%s@%d", f, cut)] = data[:cut]
				}
			}
		}
	}
	return docs
}

// tokens are the fixture tokens' claims and a few hostile ones: claims
// given twice, numbers where strings belong, an aud array with a number.
func tokens(t testing.TB) map[string]policy.Token {
	t.Helper()
	toks := map[string]policy.Token{}
	files, err := filepath.Glob("../../fixtures/testdata/static/*.jwt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture tokens (%v)", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tok, err := decode.Parse(string(data))
		if err != nil {
			t.Fatal(err)
		}
		toks[filepath.Base(f)] = policy.NewToken(tok.Payload)
		// Each claim dropped in turn, and each changed: the conditions
		// that pass on the fixture fail one by one.
		for i, m := range tok.Payload.Members {
			without := tok.Payload
			without.Members = append(append([]decode.Member{}, tok.Payload.Members[:i]...), tok.Payload.Members[i+1:]...)
			toks[filepath.Base(f)+" without "+m.Key] = policy.NewToken(without)
			changed := tok.Payload
			changed.Members = append([]decode.Member{}, tok.Payload.Members...)
			changed.Members[i].Value = decode.Value{Kind: decode.String, Text: "changed-" + m.Value.Text}
			toks[filepath.Base(f)+" with another "+m.Key] = policy.NewToken(changed)
		}
	}
	for name, payload := range map[string]string{
		"duplicated sub": `{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","sub":"repo:octo-org/octo-repo:ref:refs/heads/main","sub":"repo:evil/x:ref:refs/heads/main","repository_id":"74"}`,
		"numbers":        `{"iss":"https://token.actions.githubusercontent.com","aud":["https://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/github/providers/octo-repo",7],"repository_id":74,"repository_owner_id":65.0,"ref":"refs/heads/main","repository":"octo-org/octo-repo","actor":null}`,
		"hostile text":   `{"iss":"https://token.actions.githubusercontent.com","aud":"sts.amazonaws.com","sub":"repo:octo-org/octo-repo:ref:refs/heads/\u202emain\u0000","repository":"octo-org/octo-repo' || true || '","environment":"\ud83d\ude00 \"prod\""}`,
		"empty":          `{}`,
	} {
		v, _ := decode.ParseJSON("payload", []byte(payload))
		toks[name] = policy.NewToken(v)
	}
	return toks
}

// TestSameAsInProcess: every answer through the helper is the provider's
// own answer, to the byte, for every document and token above.
func TestSameAsInProcess(t *testing.T) {
	docs, toks := documents(t), tokens(t)
	compared := 0
	for _, pr := range pairs(t) {
		for name, data := range docs {
			if got, want := pr.remote.Detect(data), pr.local.Detect(data); got != want {
				t.Errorf("%s: Detect(%s) = %v, in process %v", pr.name, name, got, want)
			}
			if !pr.local.Detect(data) && !pr.mentions(data) {
				continue // Parse is only called on detected documents; these are other providers'
			}
			want, werr := pr.local.Parse(name, data)
			got, gerr := pr.remote.Parse(name, data)
			if fmt.Sprint(gerr) != fmt.Sprint(werr) {
				t.Errorf("%s: Parse(%s) error %q, in process %q", pr.name, name, gerr, werr)
				continue
			}
			if len(got) != len(want) {
				t.Errorf("%s: Parse(%s) gave %d policies, in process %d", pr.name, name, len(got), len(want))
				continue
			}
			for i := range want {
				if got[i].Provider() != want[i].Provider() || got[i].Source() != want[i].Source() || got[i].Name() != want[i].Name() {
					t.Errorf("%s: %s #%d is %s %s %s, in process %s %s %s", pr.name, name, i,
						got[i].Provider(), got[i].Source(), got[i].Name(), want[i].Provider(), want[i].Source(), want[i].Name())
				}
				_, gh := got[i].(policy.AudienceHinter)
				_, wh := want[i].(policy.AudienceHinter)
				if gh != wh || !reflect.DeepEqual(policy.Audiences(got[i]), policy.Audiences(want[i])) {
					t.Errorf("%s: %s #%d audiences %#v (hints %v), in process %#v (hints %v)", pr.name, name, i,
						policy.Audiences(got[i]), gh, policy.Audiences(want[i]), wh)
				}
				for tname, tok := range toks {
					g, w := policy.SafeEvaluate(got[i], tok), policy.SafeEvaluate(want[i], tok)
					compared++
					if !reflect.DeepEqual(g, w) {
						t.Errorf("%s: %s #%d on %s:\n got %#v\nwant %#v", pr.name, name, i, tname, g, w)
					}
				}
			}
		}
		for tname, tok := range toks {
			for _, scope := range policy.Scopes {
				g, gerr := pr.remote.Suggest(tok, scope)
				w, werr := pr.local.Suggest(tok, scope)
				compared++
				if fmt.Sprint(gerr) != fmt.Sprint(werr) || !reflect.DeepEqual(g, w) {
					t.Errorf("%s: Suggest(%s, %s) = %#v, %v; in process %#v, %v", pr.name, tname, scope, g, gerr, w, werr)
				}
			}
			if g, w := pr.remote.Snippets(tok), pr.local.Snippets(tok); !reflect.DeepEqual(g, w) {
				t.Errorf("%s: Snippets(%s) differ:\n got %#v\nwant %#v", pr.name, tname, g, w)
			}
		}
	}
	if compared < 5000 {
		t.Errorf("only %d evaluations and suggestions compared; the fixtures went missing", compared)
	}
	t.Logf("%d evaluations and suggestions compared", compared)
}
