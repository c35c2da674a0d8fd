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
	if !p.on || (done < p.total && time.Since(p.last) < 100*time.Millisecond) {
		return
	}
	p.last = time.Now()
	const width = 30
	n := width * done / p.total
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d inputs, %d articles", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, p.total, articles)
	p.drawn = true
}

// done clears the bar.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
