package store

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/sources"
)

// genSpeakers are the speakers of generated articles.
var genSpeakers = []struct{ name, role string }{
	{"Tom West", "US special representative for Afghanistan"},
	{"Ishaq Dar", "foreign minister"}, {"Maria Lopez", "senator"},
	{"Ahmed Khan", "police chief"}, {"Sarah Connor", "campaign director"},
	{"Li Wei", "trade envoy"}, {"John Smith", "mayor"}, {"Amina Yusuf", "UN deputy secretary general"},
	{"Pierre Dubois", "minister of finance"}, {"Olga Petrova", "spokeswoman"},
	{"State Department", ""}, {"Ministry of Interior", ""}, {"Kofi Mensah", "economist"},
	{"Hana Sato", "central bank governor"}, {"Carlos Ruiz", "union leader"}, {"Fatima Zahra", "lawyer"},
}

// genOutlets are the outlets of generated articles, with their hosts.
var genOutlets = []struct{ name, host string }{
	{"Dawn", "www.dawn.com"}, {"The Express Tribune", "tribune.com.pk"},
	{"Reuters", "www.reuters.com"}, {"Geo TV", "www.geo.tv"}, {"The Guardian", "www.theguardian.com"},
}

// genWords is the vocabulary of generated text.
var genWords = strings.Fields(`the government said security forces would continue operations
against militant groups in the region while officials warned of new attacks on
border posts and called for talks with neighbouring countries about trade energy
water prices inflation budget deficit reforms elections parliament court ruling
police protest march rally minister president envoy spokesperson statement report
week month year people families villages cities schools hospitals roads bridges
funding aid support partnership cooperation threat challenge crisis response plan`)

// genDocument returns the nth generated document: an article of about 4 KB
// in 12 paragraphs with 8 quotes, attributed the way the quote engine
// would (full name first, then surname or pronoun, one unattributed).
// Every n gives a different article.
func genDocument(n int) Document {
	r := rand.New(rand.NewPCG(uint64(n), 0x9e3779b97f4a7c15))
	outlet := genOutlets[n%len(genOutlets)]
	a := &sources.Article{
		Outlet:    outlet.name,
		URL:       fmt.Sprintf("https://%s/news/%d", outlet.host, n),
		Title:     genSentence(r, 9),
		Byline:    "Staff Reporter",
		Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.FixedZone("PKT", 5*3600)).Add(time.Duration(n) * time.Hour),
		Origin:    fmt.Sprintf("gen/%d.txt", n),
		Format:    "txt",
	}
	speakers := [3]int{r.IntN(len(genSpeakers)), r.IntN(len(genSpeakers)), r.IntN(len(genSpeakers))}
	mentioned := map[int]bool{}
	var b strings.Builder
	var qs []quotes.Quote
	fmt.Fprintf(&b, "Report %d. ", n)
	for p := range 12 {
		if p > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(genSentence(r, 24))
		b.WriteByte(' ')
		if p%3 != 0 { // 8 of 12 paragraphs carry a quote
			sp := speakers[r.IntN(len(speakers))]
			q := genQuote(r, &b, sp, mentioned[sp], len(qs) == 4)
			q.Block = p
			mentioned[sp] = true
			qs = append(qs, q)
		}
		b.WriteString(genSentence(r, 16))
		a.Paragraphs = append(a.Paragraphs, sources.Paragraph{Start: start, End: b.Len()})
	}
	a.Text = b.String()
	a.Seal()
	return Document{Article: a, Quotes: qs}
}

// genQuote writes an attributed quote to b and returns it.
func genQuote(r *rand.Rand, b *strings.Builder, speaker int, mentioned, unattributed bool) quotes.Quote {
	sp := genSpeakers[speaker]
	mention := sp.name
	if mentioned {
		mention = "he"
		if i := strings.LastIndexByte(sp.name, ' '); i > 0 && r.IntN(2) == 0 {
			mention = sp.name[i+1:]
		}
	}
	fmt.Fprintf(b, "%s said in a statement: “", mention)
	text := genSentence(r, 18)
	q := quotes.Quote{Text: text, Start: b.Len(), End: b.Len() + len(text), Kind: quotes.Direct,
		Speaker: quotes.Attribution{Name: sp.name, Role: sp.role, Mention: mention, Cue: "said",
			Channel: "statement", Method: quotes.Explicit, Confidence: 0.9}}
	if unattributed {
		q.Speaker = quotes.Attribution{}
	}
	b.WriteString(text)
	b.WriteString("” ")
	return q
}

// genSentence returns a sentence of about n words.
func genSentence(r *rand.Rand, n int) string {
	words := make([]string, n/2+r.IntN(n))
	for i := range words {
		words[i] = genWords[r.IntN(len(genWords))]
	}
	words[0] = strings.ToUpper(words[0][:1]) + words[0][1:]
	return strings.Join(words, " ") + "."
}
