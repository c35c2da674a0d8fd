package diffing

// op is one step of an alignment between a source and a rendering.
type op uint8

// The steps of an alignment.
const (
	opMatch op = iota + 1 // the same word on both sides
	opSub                 // a rendering word in place of a source word
	opIns                 // a rendering word with no source word
	opDel                 // a source word the rendering leaves out
)

// A step pairs one source token (S, or -1) with one rendering token (R,
// or -1).
type step struct {
	Op   op
	S, R int
}

// item is one rendering token taking part in an alignment.
type item struct {
	tok     int  // index in the rendering's tokens
	context bool // a word around the quote, not in it
	gapFree bool // an ellipsis or a bracket stands before it
}

// Scores of the alignment. A context word is worth less than a quoted
// word and costs nothing when it has no partner.
const (
	scoreMatch    = 2
	scoreContext  = 1
	costMismatch  = -1
	costGap       = -1
	maxAlignCells = 4 << 20
)

// aligner holds scratch space reused across alignments.
type aligner struct {
	score []int32
	back  []uint8
	steps []step // the last alignment, valid until the next one
}

// align finds the best alignment of all of items, in order, against a
// contiguous part of src: global in the rendering, local in the source.
// Words of src outside the part cost nothing; gaps in the source right
// after an ellipsis or bracket in the rendering cost nothing either.
func (al *aligner) align(src, ren []Token, items []item) []step {
	m, n := len(items), len(src)
	if m == 0 || n == 0 || (m+1)*(n+1) > maxAlignCells {
		return nil
	}
	w := n + 1
	al.grow((m + 1) * w)
	sc, bk := al.score, al.back
	for j := 0; j <= n; j++ {
		sc[j], bk[j] = 0, 0
	}
	for i := 1; i <= m; i++ {
		it := items[i-1]
		ins, hit := int32(costGap), int32(scoreMatch)
		if it.context {
			ins, hit = 0, scoreContext
		}
		del := delCost(items, i)
		word := ren[it.tok].Norm
		row, prev := i*w, (i-1)*w
		sc[row], bk[row] = sc[prev]+ins, uint8(opIns)
		for j := 1; j <= n; j++ {
			best, o := sc[prev+j]+ins, opIns
			diag := sc[prev+j-1] + int32(costMismatch)
			dop := opSub
			if it.context {
				diag = sc[prev+j-1]
			}
			if src[j-1].Norm == word && !src[j-1].Ellipsis {
				diag, dop = sc[prev+j-1]+hit, opMatch
			}
			if diag >= best {
				best, o = diag, dop
			}
			if d := sc[row+j-1] + del; d > best {
				best, o = d, opDel
			}
			sc[row+j], bk[row+j] = best, uint8(o)
		}
	}
	end := 0
	for j := 1; j <= n; j++ {
		if sc[m*w+j] > sc[m*w+end] {
			end = j
		}
	}
	return al.trace(items, m, end, w)
}

// delCost is the cost of skipping a source word at rendering position i
// (between items i-1 and i): free where an ellipsis or bracket stands.
func delCost(items []item, i int) int32 {
	if i < len(items) && items[i].gapFree {
		return 0
	}
	return costGap
}

// trace walks the back pointers from row m, column j.
func (al *aligner) trace(items []item, m, j, w int) []step {
	steps := al.steps[:0]
	i := m
	for i > 0 {
		switch op(al.back[i*w+j]) {
		case opMatch, opSub:
			steps = append(steps, step{op(al.back[i*w+j]), j - 1, items[i-1].tok})
			i, j = i-1, j-1
		case opIns:
			steps = append(steps, step{opIns, -1, items[i-1].tok})
			i--
		case opDel:
			steps = append(steps, step{opDel, j - 1, -1})
			j--
		default:
			i = 0
		}
	}
	for l, r := 0, len(steps)-1; l < r; l, r = l+1, r-1 {
		steps[l], steps[r] = steps[r], steps[l]
	}
	al.steps = steps
	return steps
}

// grow makes the scratch tables hold n cells.
func (al *aligner) grow(n int) {
	if cap(al.score) < n {
		al.score = make([]int32, n)
		al.back = make([]uint8, n)
	}
	al.score, al.back = al.score[:n], al.back[:n]
}
