package k8s

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	api "k8s.io/apiserver/pkg/apis/apiserver"
	"k8s.io/apiserver/pkg/apis/apiserver/install"
	"k8s.io/apiserver/pkg/apis/apiserver/validation"
	authenticationcel "k8s.io/apiserver/pkg/authentication/cel"
	"k8s.io/apiserver/plugin/pkg/authenticator/token/oidc"

	"github.com/oidcscope/oidcscope/policy"
)

// kubeUser is the user kube-apiserver's JWT authenticator returns (before
// the union adds system:authenticated).
type kubeUser struct {
	name, uid string
	groups    []string
	extra     map[string][]string
}

// kubeAnswer is kube-apiserver's answer to one case: the configuration
// refused (Error), the token refused (Deny) or authenticated (Allow).
type kubeAnswer struct {
	verdict policy.Verdict
	msg     string // the refusal
	user    kubeUser
}

// kube holds what kube-apiserver builds once: the configuration scheme
// with strict decoding, and the default CEL compiler.
type kube struct {
	codecs   serializer.CodecFactory
	compiler authenticationcel.Compiler
	keys     *staticKeySet
}

func newKube(keys *staticKeySet) *kube {
	scheme := runtime.NewScheme()
	install.Install(scheme)
	return &kube{
		codecs:   serializer.NewCodecFactory(scheme, serializer.EnableStrict),
		compiler: authenticationcel.NewDefaultCompiler(),
		keys:     keys,
	}
}

// load is kube-apiserver's loadAuthenticationConfigFromData
// (pkg/kubeapiserver/options/authentication.go): the strict universal
// decoder, converted to the internal type.
func (k *kube) load(data []byte) (*api.AuthenticationConfiguration, error) {
	if len(data) == 0 {
		return nil, errors.New("empty config data")
	}
	obj, err := runtime.Decode(k.codecs.UniversalDecoder(), data)
	if err != nil {
		return nil, err
	}
	cfg, ok := obj.(*api.AuthenticationConfiguration)
	if !ok {
		return nil, fmt.Errorf("expected AuthenticationConfiguration, got %T", obj)
	}
	return cfg, nil
}

// answer decodes and validates the configuration, builds its JWT
// authenticators and authenticates the token with them in order, as
// kube-apiserver's token union does: the first that authenticates wins,
// refusals are collected, an authenticator for another issuer abstains.
func (k *kube) answer(ctx context.Context, doc []byte, jwt string) kubeAnswer {
	cfg, err := k.load(doc)
	if err != nil {
		return kubeAnswer{verdict: policy.Error, msg: err.Error()}
	}
	if errs := validation.ValidateAuthenticationConfiguration(k.compiler, cfg, nil); len(errs) > 0 {
		return kubeAnswer{verdict: policy.Error, msg: errs.ToAggregate().Error()}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var refusals []string
	for _, a := range cfg.JWT {
		authn, err := oidc.New(ctx, k.options(a))
		if err != nil {
			return kubeAnswer{verdict: policy.Error, msg: err.Error()}
		}
		resp, ok, err := authn.AuthenticateToken(ctx, jwt)
		if err != nil {
			refusals = append(refusals, err.Error())
			continue
		}
		if ok {
			u := resp.User
			return kubeAnswer{verdict: policy.Allow, user: kubeUser{name: u.GetName(), uid: u.GetUID(), groups: u.GetGroups(), extra: u.GetExtra()}}
		}
	}
	if len(refusals) == 0 {
		return kubeAnswer{verdict: policy.Deny, msg: "no authenticator for the token's issuer"}
	}
	return kubeAnswer{verdict: policy.Deny, msg: strings.Join(refusals, "; ")}
}

// options are oidc.New's options for one authenticator with the test key
// set. Discovery, egress and the certificate authority only say how keys
// are fetched, which a static key set replaces: oidc.New refuses a key
// set beside a discoveryURL, so that and the egress selector are taken out
// of the copy given to New, after the whole configuration has been
// validated with them (validation parses the certificateAuthority too).
// The HTTP client refuses every request: nothing is fetched.
func (k *kube) options(a api.JWTAuthenticator) oidc.Options {
	a.Issuer.DiscoveryURL = ""
	a.Issuer.EgressSelectorType = ""
	return oidc.Options{JWTAuthenticator: a, KeySet: k.keys, Compiler: k.compiler, Client: &http.Client{Transport: noNetwork{}}}
}

// noNetwork is a transport that sends nothing.
type noNetwork struct{}

func (noNetwork) RoundTrip(req *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("the differential harness makes no requests (%s)", req.URL.Redacted())
}
