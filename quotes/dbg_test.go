package quotes
import ("testing";"fmt")
func TestDbg(t *testing.T) {
	for _, text := range []string{
		"Jett Morrow was not done. He posted on Instagram: \"Told you to slow down, babe. You never listen.\"",
		"A Westmarch Electoral Commission spokesperson said that the recount was \"routine\" and said the result would be declared \"before breakfast\".",
		"In March, the Valmont Council of State labelled short-term rentals «a structural threat to housing for residents».",
	} {
		doc := docOf(text, false)
		fmt.Println(speakers(text, false))
		fr := buildFrames(newTexts(text), doc, scanSpans(doc))
		for _, f := range fr { for _, tk := range f.toks { fmt.Printf("%d:%q ", tk.kind, text[tk.start:tk.end]) }; fmt.Println(f.sentences) }
	}
}
