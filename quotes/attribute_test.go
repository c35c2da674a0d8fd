package quotes

import (
	"fmt"
	"reflect"
	"testing"
)

// speakers returns "speaker|channel" for every quote of text.
func speakers(text string, headline bool) []string {
	var out []string
	for _, q := range Extract(docOf(text, headline)) {
		s := q.Speaker.Name
		if s == "" {
			s = "?"
		}
		if q.Speaker.Channel != "" {
			s += "|" + q.Speaker.Channel
		}
		out = append(out, s)
	}
	return out
}

func TestAttribution(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"pronoun_after_quote",
			"Deputy Mayor Ines Duarte spoke first.\n\n“We will rebuild,” she said.",
			[]string{"Ines Duarte"}},
		{"said_name_after_quote",
			`“We will rebuild,” said Ines Duarte.`,
			[]string{"Ines Duarte"}},
		{"role_noun_after_quote",
			"A Health Ministry spokesperson confirmed the figures.\n\n“The numbers are stable,” the spokesperson added.",
			[]string{"Health Ministry spokesperson"}},
		{"according_to_role",
			"Trade envoy Kwame Mensah left Accra on Monday.\n\n“Talks were productive,” according to the envoy.",
			[]string{"Kwame Mensah"}},
		{"channel_x",
			"Kwame Mensah posted late on Friday.\n\n“Talks were productive,” he wrote on X (formerly Twitter).",
			[]string{"Kwame Mensah|X"}},
		{"statement_after_name",
			`“We regret the delay,” Zhang Wei said in a statement.`,
			[]string{"Zhang Wei|statement"}},
		{"colon_before_quote",
			`Finance Minister José María Álvarez said: “The budget is balanced.”`,
			[]string{"José María Álvarez"}},
		{"said_in_a_statement_that",
			`The Port Authority said in a statement that “operations resume at noon.”`,
			[]string{"Port Authority|statement"}},
		{"appositive_channel_between_speaker_and_verb",
			`A Foreign Office spokesperson, in an email to Harbour Herald, said: “We are monitoring the situation.”`,
			[]string{"Foreign Office spokesperson|email to Harbour Herald"}},
		{"appositive_role_between_speaker_and_verb",
			`Amara Okafor, the deputy finance minister, said: “We will not default.”`,
			[]string{"Amara Okafor"}},
		{"split_quote_new_sentence",
			`“We tried,” Siobhán Ní Bhriain said. “We failed.”`,
			[]string{"Siobhán Ní Bhriain", "Siobhán Ní Bhriain"}},
		{"split_quote_comma",
			`“We tried,” Siobhán Ní Bhriain said, “and we failed.”`,
			[]string{"Siobhán Ní Bhriain", "Siobhán Ní Bhriain"}},
		{"partials_carry_across_coordinated_verbs",
			`Labour Minister Priya Raghunathan said the scheme can “work” and describes the talks as “difficult but honest”.`,
			[]string{"Priya Raghunathan", "Priya Raghunathan"}},
		{"standalone_quote_after_speaker_sentence",
			"Oluwaseun Adeyemi visited the camp. He praised “brave volunteers” for their work. “They kept this place alive.”",
			[]string{"Oluwaseun Adeyemi", "Oluwaseun Adeyemi"}},
		{"label_by_a_body",
			`The Interior Ministry labelled the group “a threat to public order.”`,
			[]string{"Interior Ministry"}},
		{"surname_after_full_name",
			"Nguyễn Thị Lan chairs the panel.\n\nLan said the report was “overdue”.",
			[]string{"Nguyễn Thị Lan"}},
		{"question_with_verb_first",
			`“Why now?” asked Jean-Pierre Dubois.`,
			[]string{"Jean-Pierre Dubois"}},
		{"dash_line",
			`“The river will be cleaned by spring.” — Commissioner Anna-Lena van der Berg`,
			[]string{"Anna-Lena van der Berg"}},
		{"possessive_colon_line",
			"Minister Kwame Mensah spoke on Monday.\n\nFrom the minister's statement: “We owe the valley a bridge.”",
			[]string{"Kwame Mensah"}},
		{"anonymous_source_is_unknown",
			`“The deal is dead,” a source said.`,
			[]string{"?"}},
		{"pronoun_after_a_time_phrase",
			`Kwame Mensah, the trade envoy, drew applause on the first day when he told delegates that “tariffs are a tax on our own people.”`,
			[]string{"Kwame Mensah"}},
		{"told_an_outlet_is_an_interview",
			`“We were never asked,” Ines Duarte told the Harbour Herald.`,
			[]string{"Ines Duarte|interview with Harbour Herald"}},
		{"age_and_relative_clause_before_verb",
			`Frank Osei, 68, who has run the pub since 1987, said the rent had left him with ‘no other option’.`,
			[]string{"Frank Osei"}},
		{"spokesperson_for_a_body_named_before",
			"The Millbrook Water Authority has replaced four miles of pipe.\n\nIn an email, a spokesperson for the authority said: “We share residents’ frustration.”",
			[]string{"Millbrook Water Authority spokesperson"}},
		{"spokesperson_for_a_body_not_named_before",
			`A spokesperson for the state energy ministry said the island had been consulted “in three public hearings”.`,
			[]string{"State Energy Ministry spokesperson"}},
		{"speech_verb_as_a_noun_is_no_cue",
			`“We face a long winter,” Chief Executive Chiara Bellandi told analysts on a conference call, “and I’d rather say so now.”`,
			[]string{"Chiara Bellandi|conference call", "Chiara Bellandi|conference call"}},
		{"participle_takes_the_sentence_subject",
			`The Harbour Authority issued a red warning on Sunday, labelling the storm "an exceptional event."`,
			[]string{"Harbour Authority"}},
		{"quote_before_a_coordinated_speech_verb",
			`Tessaro Group kept its target of a margin “in the 6 to 7 percent range,” but said it expected to land “at the lower end.”`,
			[]string{"Tessaro Group", "Tessaro Group"}},
		{"plural_noun_is_nobody_but_a_known_surname_is_somebody",
			"Dana Sanders runs the venue.\n\nPromoters said refunds would go “to anyone who asks”. Sanders said it was “a hard call”.",
			[]string{"?", "Dana Sanders"}},
		{"name_before_an_appositive_role_stays_the_subject",
			"Farah D’Costa, Marcus Hale’s lawyer, countered that her client was “a builder, not a bookkeeper” and argued he was kept “in the dark”.",
			[]string{"Farah D’Costa", "Farah D’Costa"}},
		{"compound_role_before_name",
			`“It's a good start,” said Civic Alliance campaign director Marguerite Olayinka-Ross.`,
			[]string{"Marguerite Olayinka-Ross"}},
		{"in_the_words_of",
			`For the skippers it is, in the words of their chairman, Callum MacAskill, “the biggest threat to this harbour in memory.”`,
			[]string{"Callum MacAskill"}},
		{"relative_clause_after_an_appositive",
			`Opposition is led by the Alliance for a Living Valley, a coalition of farmers’ unions, which has labelled the project «an answer to a question nobody asked».`,
			[]string{"Alliance for a Living Valley"}},
		{"possessive_role_then_name_is_the_subject",
			"Ana Quiroga promised an inquiry.\n\nEcheverría's neighbour, Pilar Mendizábal, 71, spent the night on her roof. \"The water came up the stairs.\"",
			[]string{"Pilar Mendizábal"}},
		{"role_introduced_outside_a_quote_is_remembered",
			"A spokesperson for the State Emergency Management Office said teams would begin on Tuesday. “Our priority is shelter,” the spokesperson said.",
			[]string{"State Emergency Management Office spokesperson"}},
		{"council_member_title",
			`Council member Akosua Boateng, who chairs the transport committee, called the pilot "a mess we can fix" and said the rules would "put pedestrians first."`,
			[]string{"Akosua Boateng", "Akosua Boateng"}},
		{"subject_after_an_opening_time_phrase",
			"The United Transport Workers’ Union called a strike.\n\nOn Tuesday evening the union announced two further strikes, saying members had been left with “no choice”.",
			[]string{"United Transport Workers’ Union"}},
		{"press_conference_channel",
			`Coach Marta Silva told a press conference: “We were not good enough.”`,
			[]string{"Marta Silva|press conference"}},
		{"confess_is_a_speech_verb",
			"Ravi Menon ran the kitchen for a decade.\n\n‘I cut corners, and I knew it,’ he confessed.",
			[]string{"Ravi Menon"}},
		{"rival_before_a_name_is_a_role",
			"Chef Tomasz Brandt was quick to gloat. Old rival Ilario Castellane was quicker. ‘Some of us wash our hands,’ he wrote on X.",
			[]string{"Ilario Castellane|X"}},
		{"capitalised_speech_noun_after_a_name_is_no_verb",
			`Farid Haddad, a welder from Tyneside who has worked at the yard for 20 years, told the Northern Post that morale was “lower than ever.”`,
			[]string{"Farid Haddad|interview with Northern Post"}},
		{"possessive_pronoun_late_in_a_colon_line",
			`Mayor Ines Duarte closed the meeting with a line that brought the room to its feet: “We rebuild together, or not at all.”`,
			[]string{"Ines Duarte"}},
		{"opening_but_before_a_relative_clause",
			`“It is a disgrace,” said Tomás Rey, a commuter. But Halima Yusuf, who runs a bakery on the square, was more forgiving: “They work hard for very little.”`,
			[]string{"Tomás Rey", "Halima Yusuf"}},
		{"participle_after_an_opening_phrase_takes_the_subject",
			`Speaking on a local radio show, Transit Workers Union president Declan Achterberg defended the crews, saying they had “done nothing wrong” and were “as upset as anyone.”`,
			[]string{"Declan Achterberg", "Declan Achterberg"}},
		{"possessive_chain_before_an_appositive_name",
			`The Workers' Reform Party's election agent, Ilse Brandvold, called the count “a farce” and demanded that it be “done again by hand”.`,
			[]string{"Ilse Brandvold", "Ilse Brandvold"}},
		{"comma_closing_an_opening_phrase_is_no_appositive",
			"Pavel Novak has conceded.\n\nSpeaking to supporters in his home village of Santa Rosalia, the outgoing mayor said: “I leave with no regrets.”",
			[]string{"Pavel Novak"}},
		{"role_noun_before_a_name_marks_a_person",
			"Defence lawyer Jana Horvat described the firm’s chief operating officer Trần Minh Châu as “the architect of the scheme.”\n\nTrần, 51, pleaded guilty in May. In her plea deal, she admitted that she had “moved the money as instructed.”",
			[]string{"Jana Horvat", "Trần Minh Châu"}},
		{"used_to_before_a_speech_verb",
			`My first editor, Margit Olafsen, used to tell us, “Check it twice, then check it again.”`,
			[]string{"Margit Olafsen"}},
		{"the_statement_speaks_for_its_author",
			"A Transport Ministry spokesperson said in a statement that the ministry was “reviewing every contract.”\n\n“Passenger safety comes first,” the statement added.",
			[]string{"Transport Ministry spokesperson|statement", "Transport Ministry spokesperson|statement"}},
		{"their_report_speaks_for_its_authors",
			"Inspectors from Dunmore County Council visited the plant in May.\n\nTheir final report, seen by this newspaper, described the machinery as “dangerously neglected”.",
			[]string{"Dunmore County Council"}},
		{"indefinite_role_named_later_in_the_story",
			"A bakery chain was fined £40,000 for what a judge called a “shameful” breach of hygiene law.\n\nSentencing, Judge Marion Achebe said the company had shown “no remorse at all.”",
			[]string{"Marion Achebe", "Marion Achebe"}},
		{"possessive_role_named_later_by_its_full_title",
			"Shares in Norberg Tools fell 9% on Thursday after the toolmaker cut its dividend and its chief executive warned of “a difficult spring.”\n\nChief Executive Hanne Lier spoke to analysts on Thursday. Chief Financial Officer Ola Brekke also joined the call.",
			[]string{"Hanne Lier"}},
		{"body_named_in_full_then_short",
			"The Northshire Electoral Commission announced the turnout at midnight.\n\nAn Electoral Commission spokesperson said the count was “on schedule”.",
			[]string{"Northshire Electoral Commission spokesperson"}},
		{"nickname_inside_a_name",
			"Her manager, Pia Lindqvist, said the singer was “exhausted.” The singer toured for years with guitarist Dez “The Hammer” Calloway.\n\nAnd Calloway had the last word. He posted on Instagram: “Get well soon, kid.”",
			[]string{"Pia Lindqvist", "?", "Dez Calloway|Instagram"}},
		{"club_prefix_is_part_of_the_name",
			`The town's football club, AD Villaflor, posted on Facebook that its ground would open as a shelter: “Our doors are open to anyone who needs a bed.”`,
			[]string{"AD Villaflor|Facebook"}},
		{"tabloid_speech_verbs",
			"Union chief Tomasz Wren faced the crowd.\n\n‘We will not back down,’ Wren boomed. ‘Not now!’ he yelled. ‘Never!’ Wren roared, and ‘This is theft,’ he raged.",
			[]string{"Tomasz Wren", "Tomasz Wren", "Tomasz Wren", "Tomasz Wren"}},
		{"hit_out_before_a_colon",
			"Striker Ansel Marek was dropped on Friday.\n\n‘Nobody told me why,’ he hit back.",
			[]string{"Ansel Marek"}},
		{"object_pronoun_is_someone_else",
			"Bogdan Rusk was jailed for six years.\n\nJudge Marit Olsen turned on him in court. ‘You lied to everyone,’ she said.\n\nShe told him: ‘You will pay it back.’",
			[]string{"Marit Olsen", "Marit Olsen"}},
		{"subordinate_clause_is_no_time_phrase",
			"Judge Marit Olsen passed sentence on Bogdan Rusk.\n\nRusk looked at the floor as the judge added: ‘You have shown no shame.’",
			[]string{"Marit Olsen"}},
		{"name_not_yet_known_as_a_person",
			"Top cop Odalys Brenn said the raids had worked. ‘We found what we came for,’ she said.\n\nBrenn was in no doubt. ‘This gang is finished,’ the commissioner declared.",
			[]string{"Odalys Brenn", "Odalys Brenn"}},
		{"role_skips_a_holder_of_another_office",
			"Aurelio Mant runs the central bank.\n\nThe finance minister, Petter Quist, has criticised the bank. Asked about that, the governor said: “He is entitled to his view.”",
			[]string{"Aurelio Mant"}},
		{"bare_role_is_not_its_ranked_holder",
			"Police Commissioner Lyra Fenn led the inquiry.\n\n“Nobody else is wanted,” Assistant Commissioner Tobiah Grane said. “Patrols will continue,” the commissioner said.",
			[]string{"Tobiah Grane", "Lyra Fenn"}},
		{"rank_word_reaches_over_a_modifier",
			"Transport Minister Carla Veen opened the new line.\n\nLater the deputy transport minister, Joris Palm, spoke to reporters. “Trains will run every ten minutes,” Mr Palm said.\n\nThe minister ended with a promise of “cheaper fares by spring”.",
			[]string{"Joris Palm", "Carla Veen"}},
		{"vice_holder_is_not_the_role",
			"Professor Idun Saal leads the university.\n\nThe vice-rector, Professor Marius Korn, spoke to students. “Your courses are safe,” Professor Korn said.\n\nThe rector ended on a personal note. “My door is open,” she wrote.",
			[]string{"Marius Korn", "Idun Saal"}},
		{"capitalised_bare_title_is_no_name",
			"In her letter on Monday, Professor Saal wrote that cuts were coming.\n\nOn jobs, the Rector says “redundancies are a last resort”.",
			[]string{"Saal"}},
		{"plural_group_is_not_she",
			"Old Harbour residents fear the dredging.\n\nThe port’s harbour master, Ines Varro, struck a softer note. “We have listened,” she said.",
			[]string{"Ines Varro"}},
		{"sentence_opening_pronoun_is_the_subject",
			"“I gave everything,” Marsh wrote.\n\nShe addressed the club’s new chair, Dagny Fell, directly. “I hope the new chair means it,” she wrote.",
			[]string{"Marsh", "Marsh"}},
		{"place_after_a_particle_is_no_colonel",
			"Lena Marsh announced her retirement on Wednesday.\n\nShe singled out the fans on the Col de Brise in 2022, when she won the stage. “I heard every one of you,” she wrote.",
			[]string{"Lena Marsh"}},
		{"and_inside_a_body_name",
			"Tarn Fire and Rescue Service chief Aurel Danek urged people to stay home. “Do not drive through floodwater,” he said.",
			[]string{"Aurel Danek"}},
		{"utility_and_the_company",
			"Northvale Water issued a boil notice on Tuesday. “The risk is low,” the company said. ‘There is no danger,’ the firm said. And bosses claimed: ‘We are on top of it.’",
			[]string{"Northvale Water", "Northvale Water", "Northvale Water"}},
		{"honorific_opening_a_sentence_gives_a_gender",
			"The housing minister, Oskar Lund, praised the plan.\n\nMr Lund’s colleague at the treasury, Signe Amar, was quick to respond. “Rents are too high,” she said.",
			[]string{"Signe Amar"}},
		{"pronoun_after_an_opening_phrase_without_comma",
			"Governor Amadou Sarr spoke on the radio.\n\nOn housing he was blunter, saying rent was “not something rates can fix”.",
			[]string{"Amadou Sarr"}},
		{"object_pronoun_before_a_participle_cue",
			"Finance Minister Oskar Lund gave his budget speech.\n\nOne shared graphic has him saying “the plan would raise rates”, and another quoted him as promising that “homes will be built”.",
			[]string{"Oskar Lund", "Oskar Lund"}},
		{"subject_of_a_clause_before_a_colon",
			"Judge Marit Olsen sentenced Rusk on Monday.\n\nHis victims cheered as the judge finished with three words: ‘Take him down!’",
			[]string{"Marit Olsen"}},
		{"possessive_pronoun_owns_the_words_before_a_colon",
			"Rector Idun Haal wrote to staff on Monday.\n\nHer account of the finances was stark: “Our reserves are almost gone.”",
			[]string{"Idun Haal"}},
		{"colon_line_naming_nobody_carries_the_subject",
			"Judge Marit Olsen went above the guideline.\n\nThe reasoning is in one paragraph, which some reports have compressed to: “It was a gross breach of trust.”",
			[]string{"Marit Olsen"}},
		{"subject_of_a_because_clause",
			"Let's start with the numbers, because Bettina Kowalik did. “Eighty per cent voted to strike.”",
			[]string{"Bettina Kowalik"}},
		{"subject_after_a_colon",
			"Credit where it is due: Dario Venn did not hide. “We were poor.” That was his first answer.",
			[]string{"Dario Venn"}},
		{"sentence_subject_without_a_speech_verb",
			"Judge Marit Olsen sentenced Rusk on Monday.\n\nJudge Olsen placed the case “in the highest category”. On mitigation, the judge accepted the plea for mercy but found that “it does not outweigh the harm”. Her demand is that he “pay back every penny”.",
			[]string{"Marit Olsen", "Marit Olsen", "Marit Olsen"}},
		{"adjectives_before_a_name_after_the_quote",
			`“We will not close the clinic,” a defiant Ilse Varga said.`,
			[]string{"Ilse Varga"}},
		{"appositive_name_after_a_role_after_the_quote",
			"Mayor Ines Duarte opened the briefing.\n\n“The water is falling,” her deputy, Paolo Brandt, told reporters.",
			[]string{"Paolo Brandt|told reporters"}},
		{"participle_after_an_appositive_name",
			"Ola Brack runs the firm.\n\nAn email showed the site supervisor, Dariusz Nowak, warning Brack that the ties were ‘not fit for purpose’.",
			[]string{"Dariusz Nowak"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakers(tt.text, false); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestHeadlineSpeakerComesFromTheStory(t *testing.T) {
	text := "'We will rebuild,' vows mayor\n\nMayor Ines Duarte toured the flooded streets on Sunday."
	got := Extract(docOf(text, true))
	if len(got) != 1 || got[0].Speaker.Name != "Ines Duarte" || got[0].Speaker.Method != HeadlineCue {
		t.Fatalf("got %+v", got)
	}
}

func TestHeadlineLabelNamesTheSpeaker(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"role_label_then_words",
			"Port boss: New quay ‘our biggest investment in fifty years’\n\nPort chief executive Bram Vossen unveiled the plan on Monday.",
			[]string{"Bram Vossen"}},
		{"capitals_label",
			"MAYOR: FLOOD SHAME ‘IS ON US’\n\nMayor Odile Marsault faced questions on Wednesday.",
			[]string{"Odile Marsault"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := speakers(tt.text, true); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func ExampleExtract() {
	text := "“We will rebuild,” Mayor Ines Duarte said in a statement. “The bridge comes first.”"
	doc := Document{Text: text, Blocks: []Block{{Start: 0, End: len(text)}}}
	for _, q := range Extract(doc) {
		fmt.Printf("%s (%s): %q via %s\n", q.Speaker.Name, q.Kind, q.Text, q.Speaker.Method)
	}
	// Output:
	// Ines Duarte (direct): "We will rebuild," via explicit
	// Ines Duarte (direct): "The bridge comes first." via carried-over
}
