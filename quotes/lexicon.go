package quotes

import "strings"

// cueVerbs maps every form of a verb that introduces speech to its
// lemma ("said" -> "say"). Built once from cueTable.
var cueVerbs = buildCues(cueTable)

// cueTable lists speech verbs, one per line: the lemma first, then its
// other forms. Regular -s/-ed/-ing forms are added automatically.
const cueTable = `
say said says saying
add
tell told
write wrote written writes writing
tweet
post
state
note
warn
insist
acknowledge
argue
claim
describe
call
label labelled labeled labelling labeling labels
urge
ask
reply replied replies
explain
recall
concede
announce
declare
vow
pledge
stress
maintain
admit admitted admitting
confess
caution
quip quipped quipping
continue
repeat
reiterate
emphasise
emphasize
observe
remark
comment
respond
answer
complain
boast
confirm
deny denied denies
promise
predict
suggest
shout
whisper
joke
lament
testify testified testifies
allege
brand
dub dubbed dubbing
term
hail
praise
slam slammed slamming
blast
fume
gush
plead pleaded pled
demand
mutter
recount
agree
assure
conclude
counter
retort
exclaim
tout
dismiss
scoff
sigh
laugh
proclaim
characterise
characterize
opine
muse
wonder
affirm
assert
contend
boom
yell
roar
rage
bellow
thunder
snap snapped snapping
`

// buildCues expands a cue table into a map of forms to lemmas.
func buildCues(table string) map[string]string {
	m := make(map[string]string)
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		lemma := f[0]
		for _, form := range append(regularForms(lemma), f...) {
			m[form] = lemma
		}
	}
	return m
}

// regularForms returns the -s, -ed and -ing forms of a regular verb.
func regularForms(v string) []string {
	switch {
	case strings.HasSuffix(v, "e"):
		return []string{v, v + "s", v + "d", v[:len(v)-1] + "ing"}
	case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay"):
		return []string{v, v[:len(v)-1] + "ies", v[:len(v)-1] + "ied", v + "ing"}
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"):
		return []string{v, v + "es", v + "ed", v + "ing"}
	}
	return []string{v, v + "s", v + "ed", v + "ing"}
}

// Two-word cues whose first word is not a cue by itself.
var phrasalCues = map[string]string{
	"pointed out": "point out", "points out": "point out", "point out": "point out",
	"went on": "go on", "goes on": "go on",
	"according to": "according to",
	"words of":     "in the words of",
	"hit out":      "hit out", "hits out": "hit out", "hitting out": "hit out",
	"hit back": "hit back", "hits back": "hit back", "hitting back": "hit back",
	"lashed out": "lash out", "lashes out": "lash out", "lashing out": "lash out",
}

// pronouns that can be the subject of a speech verb.
var pronouns = map[string]string{
	"he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s",
}

// roleNouns are nouns naming what a person or body is; a noun phrase
// headed by one can name a speaker ("the spokesperson", "a State
// Department official"). Synonyms in the same line resolve to each other.
var roleNouns, roleSynonyms = buildRoles(`
spokesperson spokesman spokeswoman spokespeople spokesmen
envoy representative ambassador pointman emissary diplomat
minister secretary
president
premier chancellor
prime
chairman chairwoman chair chairperson
chief executive ceo boss
director head
official officials officer
commissioner
governor
mayor
senator lawmaker legislator congressman congresswoman mp councillor councilor alderman
leader
coach manager
captain skipper
player striker midfielder defender goalkeeper batsman bowler forward winger keeper
referee umpire
rider driver runner swimmer boxer jockey athlete cyclist
director-general secretary-general attorney-general
editor columnist reporter correspondent critic
judge justice magistrate
rector provost dean
vice-president
vice-chancellor
vice-rector
vice-chair vice-chairman vice-chairwoman
vice-captain
vice-principal
master
prosecutor prosecutors
lawyer attorney counsel barrister solicitor
analyst analysts economist economists expert experts
researcher scientist professor academic
doctor physician surgeon nurse
founder owner agent
member
resident residents witness witnesses survivor victim neighbour neighbor
mother father son daughter wife husband brother sister widow
friend colleague rival
source sources
general commander colonel officer
agency
ministry department
company firm
bosses management
group
government administration
court tribunal
police
army military
bank
council
committee
union
party
organisation organization
office bureau
service
authority regulator
board
commission
network
newspaper broadcaster
campaigner campaigners activist activists protester protesters
teacher student worker workers farmer chef actor actress singer star
investor investors trader traders shareholder shareholders
cabinet
mission operation
`)

// buildRoles reads the role table: every word is a role noun, and the
// words of a line are synonyms.
func buildRoles(table string) (map[string]bool, map[string][]string) {
	nouns := make(map[string]bool)
	syn := make(map[string][]string)
	for _, line := range strings.Split(table, "\n") {
		f := strings.Fields(line)
		for _, w := range f {
			nouns[w] = true
			syn[w] = f
		}
	}
	return nouns, syn
}

// generic role nouns name nobody in particular: "a source", "residents".
var genericRoles = setOf("source sources resident residents witness witnesses official officials analyst analysts expert experts economists campaigners activists protesters investors traders shareholders workers prosecutors")

// bodyNouns are the heads of the names of organisations.
var bodyNouns = setOf("charity ngo operation holdings systems industries partners capital ventures airlines airways motors energy water gas power electric electricity telecom telecoms foods logistics freight shipping technologies labs media pharmaceuticals insurance solutions brewing brewery rail transit alliance coalition front movement institute observatory station exchange arena centre center theatre theater museum gallery mission valley river street road square island bay park county city town village lake mountain bridge port harbour harbor airport station stadium hall agency ministry department company firm group government court police army bank council committee union party organisation organization office service bureau authority regulator board commission network administration cabinet inc ltd corp corporation plc llc fc club association federation league university institute foundation fund trust society house senate parliament assembly congress forces navy force command intelligence tribunal school hospital centre center")

// modifiers may stand inside a role or title in lower case: "US special
// envoy", "the deputy finance minister".
var modifiers = setOf("special deputy acting former senior chief top interim caretaker foreign interior finance defence defense health home justice education trade economy economic environment energy transport labour labor culture sports tourism information state federal national regional local provincial district city county municipal assistant vice associate executive managing general head junior principal lead first second third new outgoing incoming elected presidential royal military police press public civil legal medical scientific technical security intelligence team club party union")

// titles precede a person's name: "Interior Minister Rana Khan".
var titles = setOf("cllr clr councillor cr insp supt det sgt pc mr mrs ms miss mx dr prof professor sir dame lord lady president minister secretary senator sen rep representative governor gov mayor judge justice coach captain commissioner deputy chancellor premier ambassador envoy general gen colonel col lieutenant lt major maj sergeant sgt captain capt admiral commander detective inspector superintendent constable officer chief director chairman chairwoman chair ceo king queen prince princess sheikh emir bishop archbishop pope father rev reverend rabbi imam cardinal speaker leader pm spokesperson spokesman spokeswoman attorney prosecutor councillor councilor alderman dean provost rector president-elect vice prime foreign interior finance defence defense health home army staff affairs special caretaker state federal acting former")

// connectors join the words of a name or title: "Minister for Foreign
// Affairs", "Ludwig van Beethoven", "Mohammed bin Salman".
var connectors = setOf("of for de da del della di van der den von bin bint ibn al el la le du dos das y and-the the")

// nameParticles stand inside personal names in lower case.
var nameParticles = setOf("van der den von de da del della di du dos das bin bint ibn al el la le ter ten zu mac")

// postnominals follow a name without being part of it.
var postnominals = setOf("kc qc mp mep msp jr sr jnr snr obe mbe cbe phd md esq iii ii")

// possessivePronouns map to the pronoun of their owner.
var possessivePronouns = map[string]string{"his": "he", "her": "she", "their": "they", "its": "it"}

// relativeWords open a relative clause.
var relativeWords = setOf("who whose whom which that where when")

// subordinators open a clause with a subject of its own: "as the judge
// added", "because Kowal did".
var subordinators = setOf("as because while whereas although though when once unless until")

// coordinators join a second verb to a sentence's subject.
var coordinators = setOf("and but or yet then while")

// openers are words that may open a sentence before its subject.
var openers = setOf("but and yet so still meanwhile however even also then now later earlier instead")

// determiners open a noun phrase.
var determiners = setOf("the a an his her its their our one another this that these those")

// skippable words may stand between a speaker and the speech verb: "he
// later said", "Okafor has repeatedly warned".
var skippable = setOf("also later then has had have was were is are once again further previously earlier recently reportedly repeatedly simply only quickly angrily flatly publicly privately separately bluntly firmly softly quietly calmly proudly openly sharply tearfully cheerfully laughingly herself himself themselves itself yesterday today tonight will would could should had already still even just clearly immediately subsequently eventually finally afterwards not never")

// prepositions that open a phrase the attribution reads past: "said on
// Saturday", "in a statement".
var prepositions = setOf("in on at during via through over after before from to with outside inside near into following under across behind beside towards toward against about")

// titleNouns announce a title, not speech: the film "The Long Night".
var titleNouns = setOf("book novel memoir film movie song album single record report series show programme program play musical documentary poem column podcast exhibition operation campaign initiative slogan headline hashtag motto play opera painting track episode anthem brand project plan scheme bill act strategy doctrine manifesto tour festival award prize game app newsletter magazine")

// titleCues announce a name or a word as a word: known as "Shorty",
// the so-called "reform", the word "resilience".
var titleCues = []string{"known as", "nicknamed", "dubbed", "so-called", "so called", "titled", "entitled", "named", "the name", "the title", "alias", "aliases", "the word", "the term", "the phrase", "the label", "the slogan", "the hashtag", "reading", "reads", "read", "the words", "words such as", "title", "him as", "her as", "called him", "called her", "calls him", "calls her", "call him", "call her", "nickname"}

// timeOpeners begin a time phrase without a preposition: "last year".
var timeOpeners = setOf("last this next every each that one")

// weekdays and months appear in time phrases: "on Saturday".
var timeWords = setOf("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec morning afternoon evening night weekend week day year month")
