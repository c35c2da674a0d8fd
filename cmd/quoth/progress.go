package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// progress draws a one-line progress bar on a terminal, on stderr. It
// draws nothing when w is not a terminal, when quiet, or for a handful
// of inputs. A bar is no colour: --color does not change it.
type progress struct {
	w     io.Writer
	total int
	on    bool             // draw at all
	width int              // columns of the terminal; 0: unknown
	now   func() time.Time // the clock, for tests; nil: time.Now
	last  time.Time
	drawn bool
}

// minProgress is the number of inputs from which a bar is drawn.
const minProgress = 4

// newProgress returns a bar for total inputs on w, drawn only when w is
// a terminal, not quiet, and there are enough inputs to wait for.
func newProgress(w io.Writer, total int, quiet bool) *progress {
	on := !quiet && total >= minProgress && isTerminal(w)
	width := 0
	if f, ok := w.(*os.File); ok && on {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil {
			width = cols
		}
	}
	return newBar(w, total, on, width)
}

// newBar returns a bar for total inputs on w, drawn when on, its lines
// cut to width columns (0: not cut).
func newBar(w io.Writer, total int, on bool, width int) *progress {
	return &progress{w: w, total: total, on: on, width: width}
}

// set records that done of total inputs are loaded, with articles
// articles read so far, redrawing at most ten times a second.
func (p *progress) set(done, articles int) {
	p.draw(done, fmt.Sprintf("%d/%d inputs, %d articles", done, p.total, articles))
}

// count records that done of total items are processed.
func (p *progress) count(done int, unit string) {
	p.draw(done, fmt.Sprintf("%d/%d %s", done, p.total, unit))
}

// barWidth is the number of cells in the bar.
const barWidth = 30

// draw redraws the bar for done of total with text after it, at most
// ten times a second, and always when done. The line is kept shorter
// than the terminal, since a line that wraps cannot be redrawn in place.
func (p *progress) draw(done int, text string) {
	if !p.on || p.total == 0 {
		return
	}
	now := time.Now
	if p.now != nil {
		now = p.now
	}
	t := now()
	if done < p.total && p.drawn && t.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = t
	n := barWidth * min(max(done, 0), p.total) / p.total
	line := fmt.Sprintf("[%s%s] %s", strings.Repeat("=", n), strings.Repeat(" ", barWidth-n), text)
	if p.width > 1 {
		line = cut(line, p.width-1)
	}
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
