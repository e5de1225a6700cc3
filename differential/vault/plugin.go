package vault

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/go-hclog"
	jwtauth "github.com/hashicorp/vault-plugin-auth-jwt"
	"github.com/hashicorp/vault/sdk/logical"
)

// plugin is one mount of Vault's JWT auth backend, in process.
type plugin struct {
	b       logical.Backend
	storage logical.Storage
}

// newPlugin creates the backend through the plugin's exported Factory and
// writes its config: the test public key, and bound_issuer when not "".
func newPlugin(ctx context.Context, pubPEM, boundIssuer string) (*plugin, error) {
	storage := &logical.InmemStorage{}
	b, err := jwtauth.Factory(ctx, &logical.BackendConfig{
		Logger:      hclog.NewNullLogger(),
		System:      &logical.StaticSystemView{DefaultLeaseTTLVal: time.Hour, MaxLeaseTTLVal: 24 * time.Hour},
		StorageView: storage,
	})
	if err != nil {
		return nil, fmt.Errorf("creating the backend: %w", err)
	}
	p := &plugin{b: b, storage: storage}
	cfg := map[string]any{"jwt_validation_pubkeys": []string{pubPEM}}
	if boundIssuer != "" {
		cfg["bound_issuer"] = boundIssuer
	}
	resp, err := p.request(ctx, logical.UpdateOperation, "config", cfg)
	if err != nil {
		return nil, fmt.Errorf("writing the config: %w", err)
	}
	if resp != nil && resp.IsError() {
		return nil, fmt.Errorf("writing the config: %w", resp.Error())
	}
	return p, nil
}

// errPanicked marks a request the plugin panicked on; Vault's HTTP server
// would drop the connection, so the caller sees a failure.
var errPanicked = errors.New("the plugin panicked")

func (p *plugin) request(ctx context.Context, op logical.Operation, path string, data map[string]any) (resp *logical.Response, err error) {
	defer func() {
		if v := recover(); v != nil {
			resp, err = nil, fmt.Errorf("%w: %v", errPanicked, v)
		}
	}()
	return p.b.HandleRequest(ctx, &logical.Request{
		Operation:  op,
		Path:       path,
		Data:       data,
		Storage:    p.storage,
		Connection: &logical.Connection{RemoteAddr: remoteAddr},
	})
}

// decodeBody reads a request body as Vault's HTTP layer does: JSON with
// numbers kept as json.Number.
func decodeBody(body string) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader([]byte(body)))
	dec.UseNumber()
	var data map[string]any
	if err := dec.Decode(&data); err != nil {
		return nil, fmt.Errorf("decoding the role body: %w", err)
	}
	return data, nil
}

// writeRole creates role/<name> as `vault write` does (Vault's router
// turns a write to an absent path into a create). refusal is the
// plugin's error response, "" when it stored the role.
func (p *plugin) writeRole(ctx context.Context, name, body string) (refusal string, err error) {
	data, err := decodeBody(body)
	if err != nil {
		return "", err
	}
	resp, err := p.request(ctx, logical.CreateOperation, "role/"+name, data)
	switch {
	case err != nil && resp != nil && resp.IsError():
		return resp.Error().Error(), nil // an error response with ErrInvalidRequest
	case err != nil:
		return "", fmt.Errorf("writing role %s: %w", name, err)
	case resp != nil && resp.IsError():
		return resp.Error().Error(), nil
	}
	return "", nil
}

// readRole returns role/<name> in the `vault read -format=json` shape.
func (p *plugin) readRole(ctx context.Context, name string) (string, error) {
	resp, err := p.request(ctx, logical.ReadOperation, "role/"+name, nil)
	if err != nil {
		return "", fmt.Errorf("reading role %s: %w", name, err)
	}
	if resp == nil || resp.IsError() {
		return "", fmt.Errorf("reading role %s: no role (%v)", name, resp)
	}
	env := map[string]any{
		"request_id": "00000000-0000-0000-0000-000000000000", "lease_id": "", "lease_duration": 0,
		"renewable": false, "data": resp.Data, "warnings": nil,
	}
	b, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return "", fmt.Errorf("encoding role %s: %w", name, err)
	}
	return string(b), nil
}

// login logs in with a token; refusal is Vault's answer when it refuses.
func (p *plugin) login(ctx context.Context, name, jwt string) (allowed bool, refusal string, err error) {
	resp, err := p.request(ctx, logical.UpdateOperation, "login", map[string]any{"role": name, "jwt": jwt})
	switch {
	case errors.Is(err, errPanicked):
		return false, err.Error(), nil
	case errors.Is(err, logical.ErrPermissionDenied):
		return false, err.Error(), nil
	case err != nil:
		return false, "", fmt.Errorf("logging in to %s: %w", name, err)
	case resp == nil:
		return false, "", fmt.Errorf("logging in to %s: no response", name)
	case resp.IsError():
		return false, resp.Error().Error(), nil
	case resp.Auth == nil:
		return false, "", fmt.Errorf("logging in to %s: a response without auth: %v", name, resp.Data)
	}
	return true, "", nil
}

// readConfig returns the config in the `vault read -format=json` data
// shape, for oidcscope's {"config":…,"roles":…} document.
func (p *plugin) readConfig(ctx context.Context) (map[string]any, error) {
	resp, err := p.request(ctx, logical.ReadOperation, "config", nil)
	if err != nil || resp == nil || resp.IsError() {
		return nil, fmt.Errorf("reading the config: %v %v", resp, err)
	}
	return resp.Data, nil
}

// deleteRole removes a case's role, so that storage stays small; a
// failure only leaves it there.
func (p *plugin) deleteRole(ctx context.Context, name string) {
	_, _ = p.request(ctx, logical.DeleteOperation, "role/"+name, nil)
}
