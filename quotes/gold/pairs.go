package gold

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Pair is one gold variant pair: a source wording A, a rendering B, the
// speakers each is given to, and the relation of B to A.
type Pair struct {
	ID, A, B           string
	SpeakerA, SpeakerB string
	Relation           string
	Story, Note        string
	Line               int
}

// ReadPairs reads a gold file of variant pairs, JSON lines, one pair a
// line, as FORMAT.md describes. relations lists the relation names
// allowed. Problems come back as an ErrorList, like Read's.
func ReadPairs(r io.Reader, name string, relations []string) ([]Pair, error) {
	p := parser{name: name, seen: map[string]int{}}
	var pairs []Pair
	err := p.lines(r, func(f map[string]json.RawMessage) string {
		pr := Pair{Line: p.line}
		pr.ID = p.str(f, "", "id", required)
		pr.A = p.str(f, "", "a", required)
		pr.B = p.str(f, "", "b", required)
		pr.SpeakerA = p.str(f, "", "speaker_a", optional)
		pr.SpeakerB = p.str(f, "", "speaker_b", optional)
		pr.Story = p.str(f, "", "story", optional)
		pr.Note = p.str(f, "", "note", optional)
		pr.Relation = p.str(f, "", "relation", required)
		if pr.Relation != "" && !slices.Contains(relations, pr.Relation) {
			p.fail("relation", "unknown relation %q (want one of %s)", pr.Relation, strings.Join(relations, ", "))
		}
		pairs = append(pairs, pr)
		return pr.ID
	})
	if err != nil {
		return nil, err
	}
	return pairs, nil
}

// PairReport scores predicted relations against gold pairs.
type PairReport struct {
	// Right and Total count the pairs.
	Right, Total int
	// Confusion counts pairs by gold relation, then predicted relation.
	Confusion map[string]map[string]int
	// Wrong lists the pairs predicted wrong, with the prediction.
	Wrong []PairMiss
}

// PairMiss is a pair whose predicted relation is not the gold one.
type PairMiss struct {
	Pair
	Got string
}

// Accuracy is the share of pairs predicted right, 0 when there are none.
func (r PairReport) Accuracy() float64 {
	if r.Total == 0 {
		return 0
	}
	return float64(r.Right) / float64(r.Total)
}

// ScorePairs predicts the relation of every pair with predict and
// compares it with the gold relation.
func ScorePairs(pairs []Pair, predict func(Pair) string) PairReport {
	r := PairReport{Confusion: map[string]map[string]int{}}
	for _, p := range pairs {
		got := predict(p)
		if r.Confusion[p.Relation] == nil {
			r.Confusion[p.Relation] = map[string]int{}
		}
		r.Confusion[p.Relation][got]++
		r.Total++
		if got == p.Relation {
			r.Right++
			continue
		}
		r.Wrong = append(r.Wrong, PairMiss{Pair: p, Got: got})
	}
	return r
}

// String returns "RIGHT/TOTAL (ACCURACY)".
func (r PairReport) String() string {
	return fmt.Sprintf("%d/%d (%.3f)", r.Right, r.Total, r.Accuracy())
}
