package main

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress draws a one-line progress bar on a terminal. It draws nothing
// when w is not a terminal, when quiet, or for a handful of inputs.
type progress struct {
	w     io.Writer
	total int
	on    bool
	last  time.Time
	drawn bool
}

// minProgress is the number of inputs from which a bar is drawn.
const minProgress = 4

func newProgress(w io.Writer, total int, quiet bool) *progress {
	return &progress{w: w, total: total, on: !quiet && total >= minProgress && isTerminal(w)}
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

// draw redraws the bar for done of total with text after it, at most
// ten times a second.
func (p *progress) draw(done int, text string) {
	if !p.on || p.total == 0 || (done < p.total && time.Since(p.last) < 100*time.Millisecond) {
		return
	}
	p.last = time.Now()
	const width = 30
	n := width * min(done, p.total) / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %s", strings.Repeat("=", n), strings.Repeat(" ", width-n), text)
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
