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
	return x
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

// hashWords is the FNV-1a hash of words, each followed by a zero byte.
func hashWords(words []string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h *= 1099511628211
	}
	return h
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
	var scores []Candidate
	idMask := uint64(1)<<x.idBits - 1
	for _, g := range x.grams(nil, x.words[id]) {
		lo, _ := slices.BinarySearch(x.keys, g)
		hi, _ := slices.BinarySearch(x.keys, g|idMask)
		if hi < len(x.keys) && x.keys[hi] == g|idMask {
			hi++
		}
		if hi-lo < 2 {
			continue
		}
		w := math.Log(float64(len(x.words))/float64(hi-lo)) + 1
		at, _ := slices.BinarySearch(x.keys[lo:hi], g|uint64(id))
		for k := max(0, at-neighbours); k < min(hi-lo, at+neighbours+1); k++ {
			if other := int(x.keys[lo+k] & idMask); other != id {
				scores = append(scores, Candidate{ID: other, Score: w})
			}
		}
	}
	scores = merge(scores)
	slices.SortFunc(scores, func(a, b Candidate) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return a.ID - b.ID
	})
	return scores[:min(limit, len(scores))]
}

// merge sums the scores of each ID in s.
func merge(s []Candidate) []Candidate {
	slices.SortFunc(s, func(a, b Candidate) int { return a.ID - b.ID })
	out := s[:0]
	for _, c := range s {
		if n := len(out); n > 0 && out[n-1].ID == c.ID {
			out[n-1].Score += c.Score
			continue
		}
		out = append(out, c)
	}
	return out
}

// maxContainers caps how many containing texts Contain reports for one
// fragment.
const maxContainers = 16

// Contain finds, for every text of one to three words, the longer texts
// that hold it as a contiguous run of words ("grave threat", "fully"),
// up to 16 each, lowest numbers first. It reads every text once.
func (x *Index) Contain() map[int][]int {
	frags := make(map[uint64][]int)
	for id, w := range x.words {
		if len(w) > 0 && len(w) < gramSize+1 {
			h := hashWords(w)
			frags[h] = append(frags[h], id)
		}
	}
	out := make(map[int][]int)
	if len(frags) == 0 {
		return out
	}
	for id, w := range x.words {
		var seen []int
		for n := 1; n <= gramSize; n++ {
			for i := 0; i+n <= len(w) && n < len(w); i++ {
				for _, f := range frags[hashWords(w[i:i+n])] {
					if !slices.Contains(seen, f) && len(out[f]) < maxContainers && slices.Equal(x.words[f], w[i:i+n]) {
						seen = append(seen, f)
						out[f] = append(out[f], id)
					}
				}
			}
		}
	}
	return out
}

// Len returns the number of texts indexed.
func (x *Index) Len() int { return len(x.words) }
