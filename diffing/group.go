package diffing

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// An Entry is one rendering of a quote offered to Group.
type Entry struct {
	// Text is the quote as printed; Before and After are the reporter's
	// words around it, which help place a fragment (both may be empty).
	Text, Before, After string
	// Speaker is the canonical speaker the article gives, or "".
	Speaker string
	// Article identifies the article the quote is in.
	Article string
	// Published is when the article came out; zero when unknown.
	Published time.Time
	// Primary marks a primary source: a transcript or the speaker's own
	// statement. A family's primary source is its reference.
	Primary bool
}

// A Member is one rendering in a family, with how it stands to the
// family's reference.
type Member struct {
	Entry int
	Result
}

// A Family is every rendering of one utterance found in a set of
// entries. Members lists the reference first.
type Family struct {
	Reference int
	Members   []Member
}

// Findings returns the members whose relation is a finding.
func (f Family) Findings() []Member {
	var out []Member
	for _, m := range f.Members {
		if m.Relation.Finding() {
			out = append(out, m)
		}
	}
	return out
}

// Grouper groups renderings into families. Its zero value is ready.
type Grouper struct {
	// Progress, if set, is called now and then with the number of
	// entries done and the total.
	Progress func(done, total int)
	// Edits asks for each member's word diff against the reference.
	// Without it only relations and similarities are computed, which is
	// much faster on large sets.
	Edits bool
}

// maxContextQuote is the most tokens a quote may have for the words
// around it to be used in placing it.
const maxContextQuote = 8

// candidatesPerEntry is how many of its best candidates each entry is
// compared with.
const candidatesPerEntry = 3

// minCandidateScore is the least weight of shared grams that makes two
// entries worth comparing: about two grams.
const minCandidateScore = 2.0

// Group puts the entries that render one utterance into families. Only
// candidate pairs from an n-gram index are compared, so the cost grows
// near-linearly with the number of entries. Two quotes that share a
// common phrase but say different things are never in one family; a
// fragment found inside several quotes joins only the family of the one
// it most likely came from. Entries that are in no family are left out.
func (g *Grouper) Group(entries []Entry) []Family {
	gr := newGrouping(entries, g.Progress)
	gr.linkDuplicates()
	gr.idx = NewIndex(gr.words)
	gr.linkCandidates()
	gr.linkFragments()
	gr.attach()
	return gr.families(g.Edits)
}

// grouping is the state of one call to Group.
type grouping struct {
	idx      *Index
	entries  []Entry
	speakers []string // normalised speaker names
	texts    []Text
	words    [][]string
	parent   []int32
	attachTo []attachment
	cmp      Comparer
	progress func(done, total int)
	// done counts the steps of the work done, of total: each entry
	// is tokenized, given candidates and linked.
	done, total int
}

// attachment is a weak link: child lies inside parent.
type attachment struct {
	child, parent int
	parentSet     int // the parent's set before any attaching
	rank          int
	score         float64
}

// newGrouping tokenizes the entries, on all cores, each entry its own
// set to begin with.
func newGrouping(entries []Entry, progress func(done, total int)) *grouping {
	gr := &grouping{
		progress: progress,
		entries:  entries,
		texts:    make([]Text, len(entries)),
		words:    make([][]string, len(entries)),
		parent:   make([]int32, len(entries)),
		speakers: make([]string, len(entries)),
	}
	gr.total = 3 * len(entries)
	for i := range entries {
		gr.parent[i] = int32(i)
	}
	gr.blocks(func(_ *worker, i int) {
		gr.speakers[i] = Normalize(entries[i].Speaker)
		gr.texts[i] = NewText(entries[i].Text)
		gr.words[i] = gr.texts[i].Words()
	})
	return gr
}

// find returns the root of the set of entry i, halving paths.
func (gr *grouping) find(i int) int {
	for int(gr.parent[i]) != i {
		gr.parent[i] = gr.parent[gr.parent[i]]
		i = int(gr.parent[i])
	}
	return i
}

// union joins the sets of i and j, the lower root winning so results do
// not depend on order.
func (gr *grouping) union(i, j int) {
	a, b := gr.find(i), gr.find(j)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	gr.parent[b] = int32(a)
}

// linkDuplicates joins entries with the same words.
func (gr *grouping) linkDuplicates() {
	first := make(map[string]int, len(gr.entries))
	for i, w := range gr.words {
		if len(w) == 0 {
			continue
		}
		key := strings.Join(w, " ")
		if j, ok := first[key]; ok {
			gr.union(j, i)
			continue
		}
		first[key] = i
	}
}

// linkCandidates compares each entry of three words or more with its
// best candidates from the n-gram index. The work is shared among the
// machine's cores, block by block; the links are then made in entry
// order, so the result does not depend on the number of cores.
func (gr *grouping) linkCandidates() {
	idx := gr.idx
	n := len(gr.entries)
	cands := make([][]Candidate, n)
	gr.blocks(func(w *worker, i int) {
		cs := idx.candidates(i, candidatesPerEntry, &w.lookup)
		for len(cs) > 0 && cs[len(cs)-1].Score < minCandidateScore {
			cs = cs[:len(cs)-1]
		}
		cands[i] = cs
	})
	links := make([][]link, n)
	gr.blocks(func(w *worker, i int) {
		w.anyMiss = true // unrelated or unsourced: no link either way
		for _, cd := range cands[i] {
			if cd.ID < i && slices.ContainsFunc(cands[cd.ID], func(x Candidate) bool { return x.ID == i }) {
				continue // judged from the other side
			}
			if l := gr.judge(&w.Comparer, i, cd.ID, cd.Score); l.join != noJoin {
				links[i] = append(links[i], l)
			}
		}
	})
	for _, ls := range links {
		for _, l := range ls {
			if l.join == unite {
				gr.union(l.src, l.ren)
				continue
			}
			gr.attachTo = append(gr.attachTo, attachment{child: l.ren, parent: l.src, rank: gr.rank(l.ren, l.src), score: l.score})
		}
	}
}

// blockSize is how many entries a core takes at a time.
const blockSize = 4096

// worker is the scratch space of one core.
type worker struct {
	Comparer
	lookup
}

// blocks calls f for every entry, on all cores, each core with its own
// worker, and reports progress between blocks.
func (gr *grouping) blocks(f func(w *worker, i int)) {
	gr.blocksOf(len(gr.entries), true, f)
}

// blocksOf calls f for 0 to n-1 as blocks does, with Comparers that
// leave out word diffs if skipEdits is set.
func (gr *grouping) blocksOf(n int, skipEdits bool, f func(w *worker, i int)) {
	workers := runtime.GOMAXPROCS(0)
	cmps := make([]worker, workers)
	for k := range cmps {
		cmps[k].skipEdits = skipEdits
	}
	for lo := 0; lo < n; lo += blockSize * workers {
		var wg sync.WaitGroup
		for k := range workers {
			start := lo + k*blockSize
			end := min(n, start+blockSize)
			if start >= end {
				break
			}
			wg.Go(func() {
				for i := start; i < end; i++ {
					f(&cmps[k], i)
				}
			})
		}
		wg.Wait()
		gr.done += min(n, lo+blockSize*workers) - lo
		if gr.progress != nil {
			gr.progress(gr.done, gr.total)
		}
	}
}

// joinKind says how a link joins two entries.
type joinKind uint8

const (
	noJoin joinKind = iota
	unite           // one renders the other: one family
	attach          // the shorter is a part of the longer
)

// link is the verdict on a candidate pair: src is the longer entry.
type link struct {
	src, ren int
	join     joinKind
	score    float64
}

// judge compares two entries, the longer (or the first) as the source:
// one family when
// one renders the other, an attachment when the shorter is a part of
// the longer (a part may lie inside several quotes).
func (gr *grouping) judge(c *Comparer, i, j int, score float64) link {
	l := link{src: min(i, j), ren: max(i, j), score: score}
	if len(gr.words[l.ren]) > len(gr.words[l.src]) {
		l.src, l.ren = l.ren, l.src
	}
	if containsRun(gr.words[l.src], gr.words[l.ren]) {
		l.join = attach // or the same words, which linkDuplicates joined
		return l
	}
	r := c.Compare(gr.texts[l.src], wholeText(gr.texts[l.ren]))
	switch r.Relation {
	case Excerpt, Elided:
		l.join = attach
	case Verbatim, Punctuation, Bracketed, Spliced:
		l.join = unite
	case Altered:
		if r.Similarity >= gr.linkSimilarity(l.src, l.ren) {
			l.join = unite
		}
	}
	return l
}

// speakerOf returns the normalised speaker of entry i.
func (gr *grouping) speakerOf(i int) string { return gr.speakers[i] }

// linkSimilarity is the least similarity at which altered quotes i and
// j join one family. Two speakers saying like things ("That is a
// question for the board, not for me") are two utterances, and an
// unknown speaker asks for more likeness than a known shared one.
func (gr *grouping) linkSimilarity(i, j int) float64 {
	a, b := gr.speakers[i], gr.speakers[j]
	switch {
	case a == "" || b == "":
		return minLinkSimilarity + 0.25
	case sameSpeakerNorm(a, b):
		return minLinkSimilarity
	}
	return 2 // never
}

// minLinkSimilarity is the least similarity at which an altered quote
// of the same speaker joins a family: below it, two quotes that share a phrase ("I am not
// going to ...") would be taken for one utterance. The pairwise relation
// can still call such a pair altered; grouping asks more.
const minLinkSimilarity = 0.6

// containsRun reports whether the words of part stand together in whole.
func containsRun(whole, part []string) bool {
	if len(part) == 0 || len(part) > len(whole) {
		return false
	}
	for i := 0; i+len(part) <= len(whole); i++ {
		if whole[i] == part[0] && slices.Equal(whole[i:i+len(part)], part) {
			return true
		}
	}
	return false
}

// rank orders the possible parents of a part: the same article first,
// then the same speaker.
func (gr *grouping) rank(child, parent int) int {
	c, p := gr.entries[child], gr.entries[parent]
	r := 0
	if c.Article != "" && c.Article == p.Article {
		r += 2
	}
	if sameSpeakerNorm(gr.speakers[child], gr.speakers[parent]) {
		r++
	}
	return r
}

// linkFragments attaches quotes of one to three words to the quotes
// that contain them (a single word only to a quote of the same article
// or speaker), and a fragment contained nowhere to the quote of
// the same speaker in the same article it best resembles.
func (gr *grouping) linkFragments() {
	contain := gr.idx.Contain()
	byArticle := make(map[string][]int)
	for i, e := range gr.entries {
		if e.Article != "" && len(gr.words[i]) > gramSize {
			byArticle[e.Article] = append(byArticle[e.Article], i)
		}
	}
	gr.cmp.skipEdits = true
	for i, w := range gr.words {
		if len(w) == 0 || len(w) > gramSize {
			continue
		}
		if parents := contain[i]; len(parents) > 0 {
			for _, p := range parents {
				if r := gr.rank(i, p); len(w) > 1 || r > 0 {
					gr.attachTo = append(gr.attachTo, attachment{child: i, parent: p, rank: r})
				}
			}
			continue
		}
		gr.linkLoose(i, byArticle[gr.entries[i].Article])
	}
}

// minAnchors is how many words, its own and its context's, a fragment
// must share in order with a quote to be taken for an altered rendering
// of it.
const minAnchors = 3

// linkLoose joins fragment i to the quote of the same speaker among
// others that it renders, altered, when there is one.
func (gr *grouping) linkLoose(i int, others []int) {
	e := gr.entries[i]
	r := NewRendering(e.Before, e.Text, e.After)
	best, bestSim := -1, 0.0
	for _, o := range others {
		if !sameSpeakerNorm(gr.speakers[i], gr.speakers[o]) {
			continue
		}
		res := gr.cmp.Compare(gr.texts[o], r)
		if res.Relation.Related() && res.Anchors >= minAnchors && res.Similarity > bestSim {
			best, bestSim = o, res.Similarity
		}
	}
	if best >= 0 {
		gr.union(best, i)
	}
}

// attach joins each part to the family of its best parent only, so a
// common phrase never bridges two families. Parts that were already one
// set before attaching (two outlets' copies of one fragment) attach
// once, through the best parent of any of them.
func (gr *grouping) attach() {
	for i := range gr.attachTo {
		gr.attachTo[i].child = gr.find(gr.attachTo[i].child)
		gr.attachTo[i].parentSet = gr.find(gr.attachTo[i].parent)
	}
	slices.SortFunc(gr.attachTo, func(a, b attachment) int {
		return cmp.Or(a.child-b.child, b.rank-a.rank, cmp.Compare(b.score, a.score), a.parent-b.parent)
	})
	done := -1 // the last child set attached
	for _, a := range gr.attachTo {
		if a.child == done || a.parentSet == a.child {
			continue // attached already, or a part of its own set
		}
		gr.union(a.parent, a.child)
		done = a.child
	}
}

// families collects the sets of two or more entries and compares each
// member with the family's reference.
func (gr *grouping) families(edits bool) []Family {
	sets := make(map[int][]int)
	var roots []int
	for i := range gr.entries {
		r := gr.find(i)
		if len(sets[r]) == 0 {
			roots = append(roots, r)
		}
		sets[r] = append(sets[r], i)
	}
	var multi [][]int
	for _, r := range roots {
		if len(sets[r]) > 1 {
			multi = append(multi, sets[r])
		}
	}
	fams := make([]Family, len(multi))
	gr.total += len(multi)
	gr.blocksOf(len(multi), !edits, func(w *worker, i int) {
		fams[i] = family(&w.Comparer, gr.entries, gr.texts, gr.speakerOf, multi[i], gr.reference(multi[i]))
	})
	return fams
}

// family builds the family of the entries in set, against ref.
func family(c *Comparer, entries []Entry, texts []Text, speaker func(int) string, set []int, ref int) Family {
	f := Family{Reference: ref}
	for _, i := range set {
		f.Members = append(f.Members, Member{Entry: i, Result: compareMember(c, entries, speaker, texts[ref], texts[i], ref, i)})
	}
	slices.SortStableFunc(f.Members, func(a, b Member) int {
		return cmp.Or(boolOrder(a.Entry != ref, b.Entry != ref), entries[a.Entry].Published.Compare(entries[b.Entry].Published), a.Entry-b.Entry)
	})
	return f
}

// compareMember says how entry i, whose text is t, stands to the
// reference ref, whose text is src; speaker gives an entry's normalised
// speaker. The reporter's words around a short quote help place it; a
// longer one places itself. Speakers are compared only across articles:
// an article names one speaker several ways.
func compareMember(c *Comparer, entries []Entry, speaker func(int) string, src, t Text, ref, i int) Result {
	e := entries[i]
	if i == ref {
		return Result{Relation: Verbatim, Similarity: 1, End: len(e.Text), Closest: e.Text}
	}
	r := wholeText(t)
	if len(t.Tokens) <= maxContextQuote && (e.Before != "" || e.After != "") {
		r = NewRendering(e.Before, e.Text, e.After)
	}
	res := c.Compare(src, r)
	if r := entries[ref]; r.Article == "" || r.Article != e.Article {
		res.Relation = attribute(res.Relation, speaker(ref), speaker(i))
	}
	return res
}

// Explain returns f, grouped from entries without word diffs, with each
// member's word diff against the reference: for the families shown out
// of a large set.
func Explain(entries []Entry, f Family) Family {
	var c Comparer
	src := NewText(entries[f.Reference].Text)
	speaker := func(i int) string { return Normalize(entries[i].Speaker) }
	out := Family{Reference: f.Reference, Members: make([]Member, len(f.Members))}
	for k, m := range f.Members {
		t := NewText(entries[m.Entry].Text)
		out.Members[k] = Member{Entry: m.Entry, Result: compareMember(&c, entries, speaker, src, t, f.Reference, m.Entry)}
	}
	return out
}

// boolOrder orders false before true.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// reference picks a family's reference: a primary source if there is
// one, otherwise the earliest dated of the fullest renderings (those
// with at least 95% of the longest one's words), one with a known
// speaker if there is one.
func (gr *grouping) reference(set []int) int {
	longest := 0
	for _, i := range set {
		if gr.entries[i].Primary {
			return i
		}
		longest = max(longest, len(gr.words[i]))
	}
	best := -1
	for _, i := range set {
		if len(gr.words[i])*20 < longest*19 {
			continue
		}
		if best < 0 || gr.before(i, best) {
			best = i
		}
	}
	return best
}

// before orders reference candidates: a known speaker first, then the
// earlier date.
func (gr *grouping) before(i, j int) bool {
	a, b := gr.entries[i], gr.entries[j]
	if (a.Speaker == "") != (b.Speaker == "") {
		return a.Speaker != ""
	}
	return earlier(a, b)
}

// earlier reports whether a came out before b; an unknown date comes
// last.
func earlier(a, b Entry) bool {
	switch {
	case a.Published.IsZero():
		return false
	case b.Published.IsZero():
		return true
	}
	return a.Published.Before(b.Published)
}

// Attribute turns a faithful relation into Misattributed when the two
// renderings name different speakers. An unknown speaker differs from
// no one.
func Attribute(r Relation, sourceSpeaker, speaker string) Relation {
	return attribute(r, Normalize(sourceSpeaker), Normalize(speaker))
}

// attribute is Attribute of two normalised names.
func attribute(r Relation, sourceSpeaker, speaker string) Relation {
	if r.Faithful() && sourceSpeaker != "" && speaker != "" && !sameSpeakerNorm(sourceSpeaker, speaker) {
		return Misattributed
	}
	return r
}

// SameSpeaker reports whether two speaker names name one speaker: equal
// after normalisation, or one is the other's last word or words ("West"
// and "Tom West").
func SameSpeaker(a, b string) bool {
	return sameSpeakerNorm(Normalize(a), Normalize(b))
}

// sameSpeakerNorm is SameSpeaker of two normalised names.
func sameSpeakerNorm(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.HasSuffix(b, " "+a)
}
