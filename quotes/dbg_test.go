package quotes
import ("testing";"fmt")
func TestDbg(t *testing.T) {
	for _, text := range []string{
		"The National Meteorological Institute said 212 millimetres of rain fell in 18 hours, more than San Aurelio usually receives in three months. The institute had issued a red warning on Sunday evening, labelling the storm \"an exceptional and life-threatening event.\"",
		"In 2023 the commission labeled a much smaller tie-up between two cold-storage operators \"a matter of serious concern for exporters\".",
	} {
		for _, q := range Extract(docOf(text, false)) { fmt.Printf("%.30q %q %q\n", q.Text, q.Speaker.Name, q.Speaker.Mention) }
	}
}
