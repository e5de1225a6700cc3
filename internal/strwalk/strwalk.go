// Package strwalk copies a value with every string in it passed through
// a function, by reflection, so that every string of a Report or a policy
// Result is covered, including fields added to their types later: a
// rewrite that lists the fields it knows would silently miss the next
// one. redact hides IDs with it; policy/remote puts a file name back that
// travelled to its helper as a placeholder.
package strwalk

import (
	"errors"
	"reflect"

	"github.com/oidcscope/oidcscope/decode"
)

// Strings returns a copy of v with every string in it passed through f.
// Only exported fields are rewritten (unexported ones are copied as they
// are: no view can show them), and nothing of the original is modified or
// shared in a way that could be modified.
func Strings[T any](v T, f func(string) string) T {
	return walker{f: f}.value(reflect.ValueOf(&v).Elem()).Interface().(T)
}

type walker struct{ f func(string) string }

var (
	valueType = reflect.TypeFor[decode.Value]()
	errorType = reflect.TypeFor[error]()
)

func (w walker) value(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		if s := w.f(v.String()); s != v.String() {
			out := reflect.New(v.Type()).Elem()
			out.SetString(s)
			return out
		}
		return v
	case reflect.Slice:
		return w.slice(v)
	case reflect.Array:
		out := reflect.New(v.Type()).Elem()
		for i := range v.Len() {
			out.Index(i).Set(w.value(v.Index(i)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(w.value(v.Elem()))
		return out
	case reflect.Struct:
		return w.structure(v)
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(w.value(it.Key()), w.value(it.Value()))
		}
		return out
	case reflect.Interface:
		return w.iface(v)
	}
	return v // numbers, booleans: nothing to hide
}

func (w walker) slice(v reflect.Value) reflect.Value {
	if v.IsNil() {
		return v
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		// Bytes are text here: decoded JSON segments, the raw payload.
		b := []byte(w.f(string(v.Bytes())))
		out := reflect.MakeSlice(v.Type(), len(b), len(b))
		reflect.Copy(out, reflect.ValueOf(b))
		return out
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		out.Index(i).Set(w.value(v.Index(i)))
	}
	return out
}

func (w walker) structure(v reflect.Value) reflect.Value {
	if v.Type() == valueType {
		return reflect.ValueOf(w.decodeValue(v.Interface().(decode.Value)))
	}
	out := reflect.New(v.Type()).Elem()
	out.Set(v)
	for i := range v.NumField() {
		if f := out.Field(i); f.CanSet() {
			f.Set(w.value(v.Field(i)))
		}
	}
	return out
}

// decodeValue rewrites a JSON value; a number whose text became a
// placeholder becomes a string, so the value still renders as valid JSON.
func (w walker) decodeValue(v decode.Value) decode.Value {
	out := v
	out.Text = w.f(v.Text)
	if v.Kind == decode.Number && out.Text != v.Text {
		out.Kind = decode.String
	}
	if v.Items != nil {
		out.Items = make([]decode.Value, len(v.Items))
		for i, it := range v.Items {
			out.Items[i] = w.decodeValue(it)
		}
	}
	if v.Members != nil {
		out.Members = make([]decode.Member, len(v.Members))
		for i, m := range v.Members {
			m.Key, m.Value = w.f(m.Key), w.decodeValue(m.Value)
			out.Members[i] = m
		}
	}
	return out
}

// iface rewrites what an interface holds. An error is shown by its
// message, so it is replaced by one with the message rewritten that still
// answers errors.Is for its causes; errors.As cannot reach the original,
// whose fields may hold what was rewritten away.
func (w walker) iface(v reflect.Value) reflect.Value {
	if v.IsNil() {
		return v
	}
	out := reflect.New(v.Type()).Elem()
	if err, ok := v.Interface().(error); ok && v.Type().Implements(errorType) {
		if msg := w.f(err.Error()); msg != err.Error() {
			out.Set(reflect.ValueOf(rewrittenError{msg: msg, cause: err}))
			return out
		}
		return v
	}
	out.Set(w.value(v.Elem()))
	return out
}

type rewrittenError struct {
	msg   string
	cause error
}

func (e rewrittenError) Error() string { return e.msg }

func (e rewrittenError) Is(target error) bool { return errors.Is(e.cause, target) }
