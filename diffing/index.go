package diffing

import (
	"math"
	"math/bits"
	"slices"
)

// gramSize is the length in words of the n-grams that link candidates.
const gramSize = 3

// Index is an inverted index of word n-grams over a set of texts, for
// finding the candidate renderings of a quote without comparing all
// pairs. Grams that many texts share weigh little (inverse document
// frequency), so common phrases such as "the United States" do not link
// everything, and a text looks only at its nearest neighbours in each
// gram's posting list, so even a very common gram costs a constant.
//
// The postings are one sorted slice of keys, each a gram's hash in the
// high bits and a text's number in the low bits: about 8 bytes a gram.
type Index struct {
	words  [][]string
	keys   []uint64
	idBits uint
	// dir[p] is the first key whose top dirBits bits are p, so a lookup
	// searches only its bucket.
	dir     []uint32
	dirBits uint
	// df[k] is the number of texts that have the gram of keys[k], so a
	// lookup needs one search and no more.
	df []uint32
}

// NewIndex indexes texts, each given as its normalised words. Text i is
// known to the index as i. Texts shorter than three words have no grams
// and no candidates; find fragments with Contain.
func NewIndex(texts [][]string) *Index {
	x := &Index{words: texts, idBits: uint(max(1, bits.Len(uint(len(texts)))))}
	n := 0
	for _, w := range texts {
		n += max(0, len(w)-gramSize+1)
	}
	x.keys = make([]uint64, 0, n)
	var gs []uint64
	for id, w := range texts {
		gs = x.grams(gs[:0], w)
		for _, g := range gs {
			x.keys = append(x.keys, g|uint64(id))
		}
	}
	slices.Sort(x.keys)
	x.buildDir()
	x.buildDF()
	return x
}

// buildDF fills df, one pass over the sorted keys.
func (x *Index) buildDF() {
	x.df = make([]uint32, len(x.keys))
	mask := ^uint64(0) << x.idBits
	for lo := 0; lo < len(x.keys); {
		hi := lo + 1
		for hi < len(x.keys) && x.keys[hi]&mask == x.keys[lo]&mask {
			hi++
		}
		for k := lo; k < hi; k++ {
			x.df[k] = uint32(hi - lo)
		}
		lo = hi
	}
}

// buildDir fills the directory of key prefixes, about one bucket for
// every four keys.
func (x *Index) buildDir() {
	x.dirBits = uint(min(24, max(1, bits.Len(uint(len(x.keys)/4)))))
	x.dir = make([]uint32, 1<<x.dirBits+1)
	k := 0
	for p := range 1 << x.dirBits {
		for k < len(x.keys) && x.keys[k]>>(64-x.dirBits) < uint64(p) {
			k++
		}
		x.dir[p] = uint32(k)
	}
	x.dir[1<<x.dirBits] = uint32(len(x.keys))
}

// search returns the index of the first key not below k.
func (x *Index) search(k uint64) int {
	p := k >> (64 - x.dirBits)
	lo, hi := int(x.dir[p]), int(x.dir[p+1])
	i, _ := slices.BinarySearch(x.keys[lo:hi], k)
	return lo + i
}

// grams appends the distinct gram hashes of words to dst, with the low
// idBits cleared.
func (x *Index) grams(dst []uint64, words []string) []uint64 {
	start := len(dst)
	mask := ^uint64(0) << x.idBits
	for i := 0; i+gramSize <= len(words); i++ {
		dst = append(dst, hashWords(words[i:i+gramSize])&mask)
	}
	g := dst[start:]
	slices.Sort(g)
	return dst[:start+len(slices.Compact(g))]
}

// fnvOffset starts an FNV-1a hash.
const fnvOffset = uint64(14695981039346656037)

// hashWords is the FNV-1a hash of words, each followed by a zero byte.
func hashWords(words []string) uint64 {
	h := fnvOffset
	for _, w := range words {
		h = hashWord(h, w)
	}
	return h
}

// hashWord extends the hash h with the word w and a zero byte.
func hashWord(h uint64, w string) uint64 {
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h * 1099511628211
}

// A Candidate is a text that shares grams with another, with the sum of
// the shared grams' weights.
type Candidate struct {
	ID    int
	Score float64
}

// neighbours is how many postings on each side of a text are looked at
// in each of its grams' lists.
const neighbours = 4

// Candidates returns up to limit texts that share grams with text id,
// best first. Only texts near id in each gram's posting list are seen,
// which keeps the cost per text constant however common a gram is; a
// family of renderings stays connected because each member links to its
// neighbours.
func (x *Index) Candidates(id, limit int) []Candidate {
	var s lookup
	return x.candidates(id, limit, &s)
}

// lookup is scratch space for candidates, reused from one text to the
// next by one goroutine.
type lookup struct{ hits, grams []uint64 }

// candidates is Candidates with scratch space s.
func (x *Index) candidates(id, limit int, s *lookup) []Candidate {
	// Each hit is packed as the other text's number over the gram's
	// weight in millis, so one integer sort groups the hits by text.
	hits := s.hits[:0]
	idMask := uint64(1)<<x.idBits - 1
	s.grams = x.grams(s.grams[:0], x.words[id])
	for _, g := range s.grams {
		at := x.search(g | uint64(id)) // the text's own posting
		df := int(x.df[at])
		if df < 2 {
			continue
		}
		w := uint64(1000 * (math.Log(float64(len(x.words))/float64(df)) + 1))
		for k := at - 1; k >= max(0, at-neighbours) && x.keys[k]&^idMask == g; k-- {
			hits = append(hits, (x.keys[k]&idMask)<<32|w)
		}
		for k := at + 1; k <= min(len(x.keys)-1, at+neighbours) && x.keys[k]&^idMask == g; k++ {
			hits = append(hits, (x.keys[k]&idMask)<<32|w)
		}
	}
	slices.Sort(hits)
	s.hits = hits
	return best(hits, limit)
}

// best sums the packed hits of each text and returns the limit texts
// with the highest sums, best first, lower numbers first on ties.
func best(hits []uint64, limit int) []Candidate {
	top := make([]Candidate, 0, limit+1)
	for i := 0; i < len(hits); {
		id, sum := hits[i]>>32, 0.0
		for ; i < len(hits) && hits[i]>>32 == id; i++ {
			sum += float64(hits[i]&(1<<32-1)) / 1000
		}
		c := Candidate{ID: int(id), Score: sum}
		at := len(top)
		for at > 0 && top[at-1].Score < c.Score {
			at--
		}
		if at < limit {
			top = slices.Insert(top, at, c)
			top = top[:min(len(top), limit)]
		}
	}
	return top
}

// maxContainers caps how many containing texts Contain reports for one
// fragment.
const maxContainers = 16

// Contain finds, for every text of one to three words, the longer texts
// that hold it as a contiguous run of words ("grave threat", "fully"),
// up to 16 each, lowest numbers first. It reads every text once. A bit
// filter of the fragments' hashes spares most lookups, and a fragment
// with its 16 containers found is dropped from the search, so a common
// word costs nothing once it is placed.
func (x *Index) Contain() map[int][]int {
	c := containment{frags: make(map[uint64][]int), out: make(map[int][]int)}
	for id, w := range x.words {
		if len(w) > 0 && len(w) <= gramSize {
			h := hashWords(w)
			c.frags[h] = append(c.frags[h], id)
		}
	}
	if len(c.frags) == 0 {
		return c.out
	}
	c.refilter()
	var seen []int
	for id, w := range x.words {
		seen = seen[:0]
		for i := range w {
			h := fnvOffset
			for n := 1; n <= gramSize && i+n <= len(w) && n < len(w); n++ {
				h = hashWord(h, w[i+n-1])
				if c.filter.has(h) {
					seen = c.visit(x, h, id, w[i:i+n], seen)
				}
			}
		}
	}
	return c.out
}

// containment is the state of one Contain.
type containment struct {
	frags   map[uint64][]int // fragment hash -> fragments still searched for
	out     map[int][]int
	filter  bitFilter
	dropped int // fragments' hashes dropped since the filter was built
}

// refilter builds the bit filter of the hashes still searched for.
func (c *containment) refilter() {
	c.filter = newBitFilter(len(c.frags))
	for h := range c.frags {
		c.filter.add(h)
	}
	c.dropped = 0
}

// visit records text id, whose words run holds, as a container of the
// fragments with hash h, and drops the hash once they are all full.
func (c *containment) visit(x *Index, h uint64, id int, run []string, seen []int) []int {
	fs, ok := c.frags[h]
	if !ok {
		return seen
	}
	full := true
	for _, f := range fs {
		if !slices.Contains(seen, f) && len(c.out[f]) < maxContainers && slices.Equal(x.words[f], run) {
			seen = append(seen, f)
			c.out[f] = append(c.out[f], id)
		}
		full = full && len(c.out[f]) >= maxContainers
	}
	if full {
		delete(c.frags, h)
		if c.dropped++; c.dropped*8 > len(c.frags) && len(c.frags) > 0 {
			c.refilter()
		}
	}
	return seen
}

// bitFilter is a one-hash Bloom filter of 64-bit hashes.
type bitFilter struct {
	bits  []uint64
	shift uint
}

// newBitFilter returns a filter sized for n hashes, about 16 bits each.
func newBitFilter(n int) bitFilter {
	b := uint(max(6, bits.Len(uint(n*16))))
	return bitFilter{bits: make([]uint64, 1<<(b-6)), shift: 64 - b}
}

// add records h.
func (f bitFilter) add(h uint64) {
	i := h >> f.shift
	f.bits[i>>6] |= 1 << (i & 63)
}

// has reports whether h may have been added.
func (f bitFilter) has(h uint64) bool {
	i := h >> f.shift
	return f.bits[i>>6]&(1<<(i&63)) != 0
}
