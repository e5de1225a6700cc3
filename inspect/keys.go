package inspect

import (
	"context"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/verify"
)

// Keys is what FetchKeys found for one token: the key set, or why there is
// none. It is the only input of verification that may come from the
// network, so the terminal UI fetches it once and re-verifies with it.
type Keys struct {
	Set   *verify.KeySet // nil: no keys (none given, or the source failed)
	Given bool           // keys were given or an explicit source was named
	Err   error          // the key source could not be used
}

// FetchKeys loads the keys opts gives for tok: the preloaded set (the
// demo), or the key source's, network included unless the source is
// offline.
func FetchKeys(ctx context.Context, tok *decode.Token, opts Options) Keys {
	k := Keys{Set: opts.Keys, Given: opts.Keys != nil || opts.Source.Explicit()}
	if k.Set == nil {
		k.Set, k.Err = opts.Source.Load(ctx, tok)
	}
	return k
}
