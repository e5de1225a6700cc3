package vault

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/oidcscope/oidcscope/decode"
)

// fields reads role or config fields the way Vault's field schema does.
// Each reader returns an error message (empty when fine); JSON null and an
// absent field read as unset, as `vault read` prints unset fields.
type fields struct {
	obj   decode.Value
	where string // "role" or "config", for messages
}

// get returns a field, or an error when it is duplicated.
func (f fields) get(key string) (decode.Value, bool, string) {
	v, ok := f.obj.Get(key)
	if n := f.obj.Count(key); n > 1 {
		return v, ok, fmt.Sprintf("the %s names %s %d times; Vault's JSON decoding keeps only the last, oidcscope will not guess: remove the duplicate", f.where, key, n)
	}
	return v, ok && v.Kind != decode.Null, ""
}

// str reads a string field (framework.TypeString).
func (f fields) str(key string) (string, string) {
	v, ok, err := f.get(key)
	if err != "" || !ok {
		return "", err
	}
	if v.Kind != decode.String {
		return "", fmt.Sprintf("%s is %s, not a string", key, boundValue(v).describe())
	}
	return v.Text, ""
}

// boolean reads a boolean field (framework.TypeBool also takes "true").
func (f fields) boolean(key string) (bool, string) {
	v, ok, err := f.get(key)
	if err != "" || !ok {
		return false, err
	}
	switch v.Kind {
	case decode.Bool:
		return v.Text == "true", ""
	case decode.String:
		if b, perr := strconv.ParseBool(v.Text); perr == nil {
			return b, ""
		}
	}
	return false, fmt.Sprintf("%s is %s, not a boolean", key, boundValue(v).describe())
}

// commaList reads a framework.TypeCommaStringSlice field: a list, or one
// string of comma-separated values; each value is trimmed of spaces, and
// numbers and booleans are taken as their text (weak decoding).
func (f fields) commaList(key string) ([]string, string) {
	v, ok, err := f.get(key)
	if err != "" || !ok {
		return nil, err
	}
	var raw []string
	switch v.Kind {
	case decode.String:
		if v.Text == "" {
			return nil, ""
		}
		raw = strings.Split(v.Text, ",")
	case decode.Number, decode.Bool:
		raw = []string{v.Text}
	case decode.Array:
		for _, it := range v.Items {
			switch it.Kind {
			case decode.String, decode.Number, decode.Bool:
				raw = append(raw, it.Text)
			default:
				return nil, fmt.Sprintf("%s holds %s; Vault expects strings", key, boundValue(it).describe())
			}
		}
	default:
		return nil, fmt.Sprintf("%s is %s, not a list of strings", key, boundValue(v).describe())
	}
	out := make([]string, len(raw))
	for i, s := range raw {
		out[i] = strings.TrimSpace(s)
	}
	return out, ""
}

// object reads a map field (bound_claims, claim_mappings); unset reads as
// an empty object.
func (f fields) object(key string) (decode.Value, string) {
	v, ok, err := f.get(key)
	if err != "" || !ok {
		return decode.Value{Kind: decode.Object}, err
	}
	if v.Kind != decode.Object {
		return decode.Value{Kind: decode.Object}, fmt.Sprintf("%s is %s, not an object", key, boundValue(v).describe())
	}
	return v, ""
}

// leeways are the role's time tolerances, for the summary only.
type leeways struct {
	expiration, notBefore, clockSkew time.Duration // 0 when disabled
}

// readLeeways reads the three leeway fields: seconds as a number, or a
// duration string ("150s", "2m", "150"); 0 or unset means the default and a
// negative value disables the leeway (path_role.go, cap jwt.go).
func readLeeways(f fields) leeways {
	return leeways{
		expiration: leeway(f, "expiration_leeway", DefaultExpirationLeeway),
		notBefore:  leeway(f, "not_before_leeway", DefaultNotBeforeLeeway),
		clockSkew:  leeway(f, "clock_skew_leeway", DefaultClockSkewLeeway),
	}
}

func leeway(f fields, key string, def time.Duration) time.Duration {
	v, ok, _ := f.get(key)
	if !ok {
		return def
	}
	var d time.Duration
	switch v.Kind {
	case decode.Number:
		n, err := strconv.ParseInt(v.Text, 10, 64)
		if err != nil || n > 1<<32 || n < -(1<<32) {
			return def
		}
		d = time.Duration(n) * time.Second
	case decode.String:
		if n, err := strconv.ParseInt(v.Text, 10, 32); err == nil {
			d = time.Duration(n) * time.Second
		} else if pd, err := time.ParseDuration(v.Text); err == nil {
			d = pd.Truncate(time.Second)
		} else {
			return def
		}
	default:
		return def
	}
	switch {
	case d < 0:
		return 0
	case d == 0:
		return def
	}
	return d
}

func (l leeways) String() string {
	return fmt.Sprintf("%s clock skew on exp, nbf and iat; the %s/%s expiration/not-before leeways only replace a missing exp/nbf",
		seconds(l.clockSkew), seconds(l.expiration), seconds(l.notBefore))
}

func seconds(d time.Duration) string {
	if d == 0 {
		return "off"
	}
	return fmt.Sprintf("%d s", int64(d/time.Second))
}
