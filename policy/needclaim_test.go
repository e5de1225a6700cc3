package policy

import (
	"errors"
	"strings"
	"testing"

	"github.com/oidcscope/oidcscope/decode"
)

func TestNeedClaim(t *testing.T) {
	refused := errors.New("cannot suggest")
	for claims, want := range map[string]string{
		`{"ref":"refs/heads/main"}`: "",
		`{"ref":""}`:                "no single non-empty string ref claim",
		`{"ref":"a","ref":"b"}`:     "no single non-empty string ref claim",
		`{"ref":1}`:                 "no single non-empty string ref claim",
		`{}`:                        "no single non-empty string ref claim",
	} {
		v, _ := decode.ParseJSON("payload", []byte(claims))
		got, err := NeedClaim(NewToken(v), "ref", "the scope pins ref", refused)
		switch {
		case want == "" && (err != nil || got != "refs/heads/main"):
			t.Errorf("%s: %q %v", claims, got, err)
		case want != "" && (!errors.Is(err, refused) || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "the scope pins ref")):
			t.Errorf("%s: %v, want %q", claims, err, want)
		}
	}
}
