package actions

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestRunnerFromEnv(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     map[string]string
		missing []string
		want    error // nil: no error
	}{
		{"both set", map[string]string{EnvRequestURL: "https://r.example/x?api-version=2.0", EnvRequestToken: "t"}, nil, nil},
		{"a job without id-token: write", map[string]string{EnvActions: "true"}, []string{EnvRequestURL, EnvRequestToken}, ErrNoIDTokenPermission},
		{"a job missing only the token", map[string]string{EnvActions: "true", EnvRequestURL: "https://r.example/"}, []string{EnvRequestToken}, ErrNoIDTokenPermission},
		{"not a job at all", map[string]string{}, []string{EnvRequestURL, EnvRequestToken}, ErrNotInActions},
		{"GITHUB_ACTIONS other than true", map[string]string{EnvActions: "1"}, []string{EnvRequestURL, EnvRequestToken}, ErrNotInActions},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := RunnerFromEnv(func(k string) string { return tc.env[k] })
			if tc.want == nil {
				if err != nil || r.RequestURL != tc.env[EnvRequestURL] || r.RequestToken != "t" {
					t.Fatalf("RunnerFromEnv = %+v, %v", r, err)
				}
				return
			}
			var me *MissingError
			if !errors.As(err, &me) || !slices.Equal(me.Missing, tc.missing) {
				t.Fatalf("err = %v, want a MissingError for %v", err, tc.missing)
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.want)
			}
			for _, v := range tc.missing {
				if !strings.Contains(err.Error(), v) {
					t.Errorf("%q does not name %s", err, v)
				}
			}
			other := ErrNotInActions
			if tc.want == ErrNotInActions {
				other = ErrNoIDTokenPermission
			}
			if errors.Is(err, other) {
				t.Errorf("%v is also %v", err, other)
			}
		})
	}
}
