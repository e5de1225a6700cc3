package ui

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/oidcscope/oidcscope/decode"
	"github.com/oidcscope/oidcscope/inspect"
	"github.com/oidcscope/oidcscope/internal/teakey"
	"github.com/oidcscope/oidcscope/internal/testseeds"
)

// benchModel opens the inspector, demo keys and policies loaded, on the
// push-main token and on a token at the 1 MiB size limit, sized w×h.
func benchModel(b *testing.B, large bool, w, h int) Model {
	b.Helper()
	tok := staticToken(b, "push-main")
	if large {
		tok, _ = testseeds.LargeToken(b, decode.DefaultMaxSize)
	}
	s := inspect.NewSession(demoOptions(b)).WithPolicies(demoPolicySet(b))
	m, _ := newTestModel(b, s, tok, w, h)
	if m.report == nil {
		// newTestModel waits 100 ms for each command, less than a large
		// token may take on a busy machine; deliver the report as the
		// program would.
		m = send(b, m, reportMsg{gen: m.gen, report: s.Inspect(context.Background(), tok)})
	}
	if m.report == nil || m.report.Token == nil {
		b.Fatal("no report")
	}
	return m
}

// BenchmarkView: one frame of the inspector's claim list. The budget: at
// most 2 ms at 200×60, and the 1 MiB token costs what is on screen, not
// its size.
func BenchmarkView(b *testing.B) {
	for _, large := range []bool{false, true} {
		for _, size := range [][2]int{{80, 24}, {200, 60}} {
			name := "token"
			if large {
				name = "1MiB"
			}
			b.Run(fmt.Sprintf("%s/%dx%d", name, size[0], size[1]), func(b *testing.B) {
				m := benchModel(b, large, size[0], size[1])
				for b.Loop() {
					_ = m.View()
				}
			})
		}
	}
}

// BenchmarkViewDetail: one frame of the selected claim's detail (sub: the
// longest, with its anatomy and every policy condition reading it).
func BenchmarkViewDetail(b *testing.B) {
	m := benchModel(b, false, 200, 60)
	m = selectClaim(b, m, "sub")
	m = keys(b, m, "enter")
	for b.Loop() {
		_ = m.View()
	}
}

// BenchmarkUpdateKey: a key press moving the selection down and up; the
// program redraws after each, so View is part of the cost a user feels.
func BenchmarkUpdateKey(b *testing.B) {
	for _, large := range []bool{false, true} {
		name := "token"
		if large {
			name = "1MiB"
		}
		b.Run(name, func(b *testing.B) {
			m := benchModel(b, large, 200, 60)
			down, up := teakey.Msg("down"), teakey.Msg("up")
			i := 0
			for b.Loop() {
				msg := tea.Msg(down)
				if i%2 == 1 {
					msg = up
				}
				i++
				next, _ := m.Update(msg)
				m = next.(Model)
				_ = m.View()
			}
		})
	}
}
