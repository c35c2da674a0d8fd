package gold

import (
	"cmp"
	"slices"
	"strings"

	"github.com/quoth-dev/quoth/quotes"
)

// Report is the score of a set of predictions against gold articles.
type Report struct {
	// Total sums the counts of every article.
	Total Counts
	// Articles holds each article's counts and findings, in input order.
	Articles []ArticleReport
}

// Counts are the numbers every score is computed from. A predicted quote
// flagged Title (title-like, scare quotes) is not speech: it is counted
// in TitleLike and left out of everything else.
type Counts struct {
	// Gold is the number of gold quotes.
	Gold int
	// Predicted is the number of predicted quotes scored.
	Predicted int
	// TitleLike is the number of predictions left out as title-like.
	TitleLike int
	// Strict is the number of predictions whose normalised text equals
	// that of a gold quote.
	Strict int
	// Loose is the number of predictions matched strictly or loosely
	// (token-level Dice of at least LooseDice).
	Loose int
	// SpeakerRight is the number of loosely matched quotes whose
	// predicted speaker is right.
	SpeakerRight int
	// Unattributed is the number of loosely matched predictions without
	// a speaker.
	Unattributed int
	// Channels is the number of loosely matched gold quotes that have a
	// channel; ChannelRight is how many of them got it right.
	Channels, ChannelRight int
	// Direct and Partial count the gold quotes of each kind and how many
	// of them were matched.
	Direct, Partial KindCounts
}

// KindCounts counts the gold quotes of one kind and those matched.
type KindCounts struct {
	Gold, Found int
}

// Scores are precision, recall and F1, each between 0 and 1. A score
// whose denominator is zero is 0.
type Scores struct {
	Precision, Recall, F1 float64
}

// prf returns the scores of tp true positives among predicted
// predictions of gold gold items.
func prf(tp, predicted, gold int) Scores {
	s := Scores{Precision: Ratio(tp, predicted), Recall: Ratio(tp, gold)}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Ratio returns n/d, or 0 when d is 0.
func Ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// StrictScores returns extraction precision, recall and F1 counting strict
// matches only.
func (c Counts) StrictScores() Scores { return prf(c.Strict, c.Predicted, c.Gold) }

// LooseScores returns extraction precision, recall and F1 counting strict
// and loose matches.
func (c Counts) LooseScores() Scores { return prf(c.Loose, c.Predicted, c.Gold) }

// EndToEndScores returns precision, recall and F1 of quotes both found
// (loosely) and attributed to the right speaker.
func (c Counts) EndToEndScores() Scores { return prf(c.SpeakerRight, c.Predicted, c.Gold) }

// Attribution returns the share of loosely matched quotes with the
// right speaker.
func (c Counts) Attribution() float64 { return Ratio(c.SpeakerRight, c.Loose) }

// Channel returns the share of matched gold quotes with a channel whose
// predicted channel is right.
func (c Counts) Channel() float64 { return Ratio(c.ChannelRight, c.Channels) }

// add adds the counts of d to c.
func (c *Counts) add(d Counts) {
	c.Gold += d.Gold
	c.Predicted += d.Predicted
	c.TitleLike += d.TitleLike
	c.Strict += d.Strict
	c.Loose += d.Loose
	c.SpeakerRight += d.SpeakerRight
	c.Unattributed += d.Unattributed
	c.Channels += d.Channels
	c.ChannelRight += d.ChannelRight
	c.Direct.Gold += d.Direct.Gold
	c.Direct.Found += d.Direct.Found
	c.Partial.Gold += d.Partial.Gold
	c.Partial.Found += d.Partial.Found
}

// ArticleReport is the score of one article and what went wrong in it.
type ArticleReport struct {
	// ID is the gold article's ID.
	ID string
	// Counts are the article's numbers.
	Counts Counts
	// Missed lists the gold quotes no prediction matched; Want is the
	// gold speaker.
	Missed []Finding
	// Extra lists the predictions that matched no gold quote; Got is the
	// predicted speaker.
	Extra []Finding
	// Loose lists the gold quotes matched only loosely; Want is the gold
	// text, Got the predicted text.
	Loose []Finding
	// WrongSpeaker lists the matched gold quotes whose predicted speaker
	// is wrong or missing; Want is the gold speaker ("" for an unknown
	// one), Got the predicted one ("" for none).
	WrongSpeaker []Finding
	// WrongChannel lists the matched gold quotes with a channel whose
	// predicted channel differs; Want is the gold channel, Got the
	// predicted one.
	WrongChannel []Finding
	// TitleLike lists the predictions left out as title-like; Got is the
	// predicted speaker.
	TitleLike []Finding
}

// Finding is one quote in a report's detail lists.
type Finding struct {
	// Article is the ID of the article the quote is in.
	Article string
	// Text is the quote: the gold text, or the predicted text for Extra
	// and TitleLike.
	Text string
	// Want and Got are what the gold data and the prediction say; their
	// meaning depends on the list (see ArticleReport).
	Want, Got string
	// Start and End are the quote's byte span in the article's text, or
	// -1 when it could not be found there. A gold quote that is matched
	// but not in the text as annotated gets the span of its prediction.
	Start, End int
	// Context is about 80 characters of article text around the quote, on
	// one line, with "…" where it was cut.
	Context string
}

// Score scores, for every article, the quotes predict returns for it
// against the article's gold quotes. The spans of the predicted quotes
// are byte offsets into Article.Text.
func Score(articles []Article, predict func(Article) []quotes.Quote) Report {
	var r Report
	for _, a := range articles {
		ar := ScoreArticle(a, predict(a))
		r.Total.add(ar.Counts)
		r.Articles = append(r.Articles, ar)
	}
	return r
}

// ScoreArticle scores the quotes predicted for a against its gold quotes.
// Each gold quote matches at most one prediction: strict matches are
// made first, in prediction order, then loose ones, best Dice first.
func ScoreArticle(a Article, predicted []quotes.Quote) ArticleReport {
	ar := ArticleReport{ID: a.ID}
	var preds []quotes.Quote
	for _, p := range predicted {
		if p.Title {
			ar.TitleLike = append(ar.TitleLike, predFinding(a, p))
		} else {
			preds = append(preds, p)
		}
	}
	ar.Counts = Counts{Gold: len(a.Quotes), Predicted: len(preds), TitleLike: len(ar.TitleLike)}
	m := match(a.Quotes, preds)
	spans := locateAll(a.Text, a.Quotes)
	for j, g := range a.Quotes {
		f := Finding{Article: a.ID, Text: g.Text, Start: spans[j][0], End: spans[j][1]}
		f.Context = context(a.Text, f.Start, f.End)
		i := m.gold[j]
		ar.Counts.countKind(g.Kind, i >= 0)
		if i < 0 {
			f.Want = g.Speaker
			ar.Missed = append(ar.Missed, f)
			continue
		}
		if f.Start < 0 { // not in the text as annotated: show where the prediction is
			pf := predFinding(a, preds[i])
			f.Start, f.End, f.Context = pf.Start, pf.End, pf.Context
		}
		ar.judge(g, preds[i], m.strict[i], f)
	}
	for i, p := range preds {
		if m.pred[i] < 0 {
			ar.Extra = append(ar.Extra, predFinding(a, p))
		}
	}
	return ar
}

// countKind counts a gold quote of kind k, found or not.
func (c *Counts) countKind(k quotes.Kind, found bool) {
	kc := &c.Direct
	if k == quotes.Partial {
		kc = &c.Partial
	}
	kc.Gold++
	if found {
		kc.Found++
	}
}

// judge counts gold quote g matched by prediction p, strictly or not; f
// is the finding for g.
func (ar *ArticleReport) judge(g Quote, p quotes.Quote, strict bool, f Finding) {
	c := &ar.Counts
	c.Loose++
	if strict {
		c.Strict++
	} else {
		lf := f
		lf.Want, lf.Got = g.Text, p.Text
		ar.Loose = append(ar.Loose, lf)
	}
	name := speakerOf(p)
	if name == "" {
		c.Unattributed++
	}
	if SpeakerRight(name, g) {
		c.SpeakerRight++
	} else {
		sf := f
		sf.Want, sf.Got = g.Speaker, name
		ar.WrongSpeaker = append(ar.WrongSpeaker, sf)
	}
	if g.Channel == "" {
		return
	}
	c.Channels++
	if ChannelRight(p.Speaker.Channel, g.Channel) {
		c.ChannelRight++
	} else {
		cf := f
		cf.Want, cf.Got = g.Channel, p.Speaker.Channel
		ar.WrongChannel = append(ar.WrongChannel, cf)
	}
}

// speakerOf returns the predicted speaker of p, "" for none.
func speakerOf(p quotes.Quote) string {
	return strings.TrimSpace(p.Speaker.Name)
}

// predFinding returns the finding for prediction p in a: Got is its
// speaker.
func predFinding(a Article, p quotes.Quote) Finding {
	start, end := p.Start, p.End
	if start < 0 || start > end || end > len(a.Text) {
		start, end = locate(a.Text, p.Text, 0)
	}
	return Finding{
		Article: a.ID, Text: p.Text, Got: speakerOf(p),
		Start: start, End: end, Context: context(a.Text, start, end),
	}
}

// matching pairs predictions with gold quotes: gold[j] is the prediction
// matched to gold quote j and pred[i] the gold quote matched to
// prediction i, -1 for none; strict[i] tells a strict match.
type matching struct {
	gold, pred []int
	strict     []bool
}

// candidate is a possible loose match and its Dice overlap.
type candidate struct {
	pred, gold int
	dice       float64
}

// match pairs preds with gold quotes, each at most once: first every
// strict match, in prediction order, then the loose ones, best Dice
// first, ties in prediction then gold order.
func match(gold []Quote, preds []quotes.Quote) matching {
	m := matching{gold: filled(len(gold)), pred: filled(len(preds)), strict: make([]bool, len(preds))}
	gn, pn := make([]string, len(gold)), make([]string, len(preds))
	for j, g := range gold {
		gn[j] = Normalize(g.Text)
	}
	for i, p := range preds {
		pn[i] = Normalize(p.Text)
		for j := range gold {
			if m.gold[j] < 0 && pn[i] != "" && pn[i] == gn[j] {
				m.gold[j], m.pred[i], m.strict[i] = i, j, true
				break
			}
		}
	}
	for _, c := range looseCandidates(gold, preds, m) {
		if m.pred[c.pred] < 0 && m.gold[c.gold] < 0 {
			m.gold[c.gold], m.pred[c.pred] = c.pred, c.gold
		}
	}
	return m
}

// looseCandidates returns the pairs of unmatched predictions and gold
// quotes whose Dice overlap is at least LooseDice, best first.
func looseCandidates(gold []Quote, preds []quotes.Quote, m matching) []candidate {
	gt := make([][]string, len(gold))
	for j, g := range gold {
		gt[j] = Tokens(g.Text)
	}
	var cands []candidate
	for i, p := range preds {
		if m.pred[i] >= 0 {
			continue
		}
		pt := Tokens(p.Text)
		for j := range gold {
			if d := Dice(pt, gt[j]); m.gold[j] < 0 && d >= LooseDice {
				cands = append(cands, candidate{pred: i, gold: j, dice: d})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.dice, a.dice), cmp.Compare(a.pred, b.pred), cmp.Compare(a.gold, b.gold))
	})
	return cands
}

// filled returns n times -1.
func filled(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}
