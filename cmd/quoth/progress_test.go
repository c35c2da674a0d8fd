package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock that moves only when told to.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestProgressBar(t *testing.T) {
	type step struct {
		after time.Duration // time since the previous step
		done  int
	}
	tests := []struct {
		name  string
		total int
		on    bool
		width int
		steps []step
		want  string
	}{
		{
			name: "off_draws_nothing", total: 10, on: false,
			steps: []step{{0, 1}, {time.Second, 10}},
			want:  "",
		},
		{
			name: "draws_and_clears", total: 4, on: true,
			steps: []step{{0, 1}, {time.Second, 2}, {time.Second, 4}},
			want: "\r[=======                       ] 1/4 inputs, 3 articles\x1b[K" +
				"\r[===============               ] 2/4 inputs, 6 articles\x1b[K" +
				"\r[==============================] 4/4 inputs, 12 articles\x1b[K" +
				"\r\x1b[K",
		},
		{
			name: "at_most_ten_times_a_second_but_always_the_end", total: 10, on: true,
			steps: []step{{0, 1}, {50 * time.Millisecond, 2}, {40 * time.Millisecond, 3}, {20 * time.Millisecond, 4}, {time.Millisecond, 10}},
			want: "\r[===                           ] 1/10 inputs, 3 articles\x1b[K" +
				"\r[============                  ] 4/10 inputs, 12 articles\x1b[K" +
				"\r[==============================] 10/10 inputs, 30 articles\x1b[K" +
				"\r\x1b[K",
		},
		{
			name: "cut_to_a_narrow_terminal", total: 4, on: true, width: 40,
			steps: []step{{0, 4}},
			want:  "\r[==============================] 4/4 i…\x1b[K\r\x1b[K",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			clock := &fakeClock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
			p := newBar(&buf, tt.total, tt.on, tt.width)
			p.now = clock.now
			for _, s := range tt.steps {
				clock.t = clock.t.Add(s.after)
				p.set(s.done, 3*s.done)
			}
			p.done()
			if got := buf.String(); got != tt.want {
				t.Errorf("bar drew\n%q\nwant\n%q", got, tt.want)
			}
			for _, line := range strings.Split(buf.String(), "\r") {
				if tt.width > 0 && textWidth(strings.TrimSuffix(line, "\x1b[K")) >= tt.width {
					t.Errorf("line %q does not fit in %d columns", line, tt.width)
				}
			}
		})
	}
}

func TestProgressOffWhenPiped(t *testing.T) {
	var buf bytes.Buffer
	for _, quiet := range []bool{false, true} {
		p := newProgress(&buf, 100, quiet)
		p.count(50, "grouping steps")
		p.count(100, "grouping steps")
		p.done()
	}
	if buf.Len() != 0 {
		t.Errorf("a bar on a pipe: %q", buf.String())
	}
}
