package gold_test

import (
	"fmt"
	"strings"

	"github.com/quoth-dev/quoth/quotes"
	"github.com/quoth-dev/quoth/quotes/gold"
)

func ExampleScore() {
	const file = `{"id": "a1", "text": "\"We stand with Pakistan,\" West said. He called it a \"grave threat\".", "quotes": [` +
		`{"text": "We stand with Pakistan,", "speaker": "Tom West", "kind": "direct"}, ` +
		`{"text": "grave threat", "speaker": "Tom West", "kind": "partial"}]}`
	arts, err := gold.Read(strings.NewReader(file), "gold.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	r := gold.Score(arts, func(a gold.Article) []quotes.Quote {
		return []quotes.Quote{{Text: "We stand with Pakistan", Start: 1, End: 23, Speaker: quotes.Attribution{Name: "West"}}}
	})
	s := r.Total.LooseScores()
	fmt.Printf("P %.2f R %.2f F1 %.2f, attribution %.2f\n", s.Precision, s.Recall, s.F1, r.Total.Attribution())
	for _, f := range r.Articles[0].Missed {
		fmt.Printf("missed %q: %s\n", f.Text, f.Context)
	}
	// Output:
	// P 1.00 R 0.50 F1 0.67, attribution 1.00
	// missed "grave threat": …West said. He called it a "grave threat".
}
