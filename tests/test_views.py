"""Views: a source's reported belief, fear, hope, intent or demand (kind "view"), found beside the quotes, never
counted as a quote, and owning the stance terms inside it; sentences written for these tests."""
import pytest

from newslens import corpus_summary, quotes, stance, tables
from newslens.article import parse_article
from newslens.mentions import find_mentions
from newslens.quotes import find_quotes


def views(text):
    """The views of a text, as (holder, view words), found with its mentions like the analyse command does."""
    return [(q.speaker, q.text) for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind == "view"]


@pytest.mark.parametrize("text, holder, words", [
    ("Joe Biden believes that Russia will invade Ukraine within weeks.", "Joe Biden",
     "that Russia will invade Ukraine within weeks"),  # belief
    ("Boris Johnson fears that Moscow could cut the gas supply this winter.", "Boris Johnson",
     "that Moscow could cut the gas supply this winter"),  # fear
    ("Volodymyr Zelensky hopes that the talks will end the fighting soon.", "Volodymyr Zelensky",
     "that the talks will end the fighting soon"),  # hope
    ("Olaf Scholz plans to send more troops to Lithuania next month.", "Olaf Scholz",
     "to send more troops to Lithuania next month"),  # intent
    ("Emmanuel Macron demands that Moscow withdraw its forces from the border.", "Emmanuel Macron",
     "that Moscow withdraw its forces from the border"),  # demand
])
def test_each_family_of_view_verbs_gives_the_holder_and_the_view(text, holder, words):
    assert views(text) == [(holder, words)]


def test_sees_x_as_y_holds_what_x_is_seen_as():
    # the view is what Nato is seen as; "Nato expansion" is the writer's words
    assert views("Vladimir Putin sees Nato expansion as a threat to Russia's security.") == [
        ("Vladimir Putin", "as a threat to Russia's security")]
    assert views("Vladimir Putin sees Nato not as a defensive alliance but as a threat.") == [
        ("Vladimir Putin", "not as a defensive alliance but as a threat")]


@pytest.mark.parametrize("text", ["Joe Biden does not believe that Russia will invade Ukraine this year.",
                                  "Joe Biden doesn't think Russia will invade Ukraine this year."])
def test_a_negated_belief_is_its_holders_view_all_the_same(text):
    assert [holder for holder, _ in views(text)] == ["Joe Biden"]


def test_a_noun_phrase_or_a_topic_is_no_view():
    assert views("Olaf Scholz wants a deal with the other parties.") == []
    assert views("Olaf Scholz thinks about the future of the coalition.") == []


@pytest.mark.parametrize("text", [
    'Boris Johnson said: "Many in the West fear that Russia could invade Ukraine soon."',
    "Boris Johnson said that Vladimir Putin fears that Nato could expand further east.",
])
def test_a_view_inside_a_quote_is_the_speakers_words_not_a_view_of_its_own(text):
    assert views(text) == []
    assert [q.kind for q in find_quotes(text, find_mentions(text)[1], views=True)][0] in {"direct", "reported"}


@pytest.mark.parametrize("text, group", [
    ("Troops gathered in what many in the West fear could be the prelude to an invasion.", "many in the West"),
    ("Many on the left still feel that the alliance raises tensions in the region.", "many on the left"),
    ("Most of the diplomats expect that the talks will fail next week.", "most of the diplomats"),
    ("Some officials believe that the sanctions will not work this time.", "some officials"),
])
def test_a_quantified_group_is_named_as_the_text_names_it(text, group):
    # not "the West" (a whole region), not "diplomats" (all of them)
    assert [holder for holder, _ in views(text)] == [group]


def test_a_quantified_group_speaks_under_the_same_name():
    text = "Many in the West said that the talks in Geneva had failed."
    assert [(q.kind, q.speaker) for q in find_quotes(text, find_mentions(text)[1])] == [
        ("reported", "many in the West")]


SOURCE = ("Joe Biden believes that Russia will invade Ukraine. Liz Truss said that sanctions would follow. "
          "Joe Biden met Liz Truss in London.")


def test_views_are_found_only_on_request_and_leave_the_quotes_as_they_are():
    mentioned = find_mentions(SOURCE)[1]
    said = find_quotes(SOURCE, mentioned)
    both = find_quotes(SOURCE, mentioned, views=True)
    assert [q for q in both if q.kind != "view"] == said
    assert [q.speaker for q in both if q.kind == "view"] == ["Joe Biden"]


def test_views_are_never_counted_as_quotes():
    entities, mentioned = find_mentions(SOURCE)
    table = quotes.quotes_table(find_quotes(SOURCE, mentioned, views=True))
    assert "view" in set(table.kind)
    assert list(quotes.speaker_table(table).speaker) == ["Liz Truss"]
    assert "Joe Biden" in set(quotes.mentioned_not_quoted(entities, table).entity)  # a view reported is no voice
    counted = corpus_summary.speaker_counts(table.assign(key=0, article_id="a"))
    assert list(counted.entity) == ["Liz Truss"] and counted.utterances.sum() == 1
    shown = quotes.views_table(table)
    assert shown[["holder", "cue", "quoted"]].values.tolist() == [["Joe Biden", "believes", False]]


def test_a_stance_term_inside_a_view_belongs_to_its_holder():
    analysed = tables.analyse(parse_article(SOURCE, "views"))
    uses = analysed["stance_occurrences"].set_index("text")
    assert uses.loc["invade", ["owner", "voice"]].tolist() == ["Joe Biden", "view"]
    # counted with the paraphrases, in no quotation marks
    assert analysed["stance"].set_index("term").loc["invasion", ["narrator", "quoted", "reported"]].tolist() == [0, 0, 1]
    assert uses.loc["sanctions", ["owner", "voice"]].tolist() == ["Liz Truss", "reported"]
    # without the views the term is the narrator's
    said = find_quotes(SOURCE, find_mentions(SOURCE)[1])
    alone = stance.occurrence_table(stance.find_occurrences(SOURCE, said)).set_index("text")
    assert alone.loc["invade", "owner"] == stance.NARRATOR


@pytest.mark.parametrize("text", [
    "Russia and Ukraine plan another round of talks on Monday, even though previous talks that agreed a ceasefire failed.",
    "Switzerland is a home for Russian oligarchs seeking to house their cash in its banks.",  # a participle
    "His enthusiasm is an indication of his clear feeling that he has struck gold at last.",  # a noun
    "The general election is widely expected next May and the parties are preparing for it.",  # a passive
    "The prosecutor may bring charges of genocide if he feels there is evidence of intent to destroy the people.",
    "If Stop the War believes that there is nothing progressive about the regime, it should say so.",  # a condition
    "When asked whether he thought the country was well-governed on the whole, Lord Butler replied that it was.",
    "Asked why he thought the warnings were not there, Lord Butler gave no answer at all.",  # a question asked
    "If that requires chemical weapons, as in Syria, who can doubt he will do so again?",  # a question
    "No one wants to start a third world war over the border dispute.",  # nobody
    "Neither the Conservatives nor the Liberal Democrats wished to comment on the speech.",
    "Victors should offer friendship to those they defeated, and thus seek to avoid renewed conflict.",  # no holder
    "As a very young child, I somehow thought that the road belonged with the camps.",  # the writer's own
    "China’s stance crystallises two elements: first, it does not support the Kremlin’s move against Ukraine, and views "
    "Moscow’s actions as a violation of national sovereignty.",  # a possessive names no holder
    "Boris Johnson dodged questions on UK plans to escape the Northern Ireland protocol.",  # a preposition's object
    "Three US insurance executives have pleaded guilty to fraud charges in a New York court.",  # not a view verb
    "The crew of the space station wishes everyone back home a happy Independence Day.",  # a greeting, not a wish to
])
def test_a_verb_form_that_reports_no_view_held_gives_none(text):
    assert views(text) == []


def test_a_view_by_a_finite_verb_after_its_auxiliary_stays():
    assert views("Charles Clarke was not planning to use the house arrest powers straight away.") == [
        ("Charles Clarke", "to use the house arrest powers straight away")]


@pytest.mark.parametrize("text, group", [
    ("Doctors in Athens had wanted to operate on his back immediately after the fall.", "Doctors in Athens"),
    ("GPs in Wales had feared patients could be pushed to the back of another queue.", "GPs in Wales"),
    ("Analysts at Investec think the renewed surge in gas prices could force the regulator to act.",
     "Analysts at Investec"),
    ("A new survey showed 61% of Americans believe higher petrol prices are worth it to beat Russia.",
     "61% of Americans"),
])
def test_a_group_within_a_place_or_body_is_named_as_the_text_names_it(text, group):
    # not "Athens" (a whole city), not "Investec" (the firm), not "Americans" (all of them)
    assert [holder for holder, _ in views(text)] == [group]


def test_a_view_ends_before_an_aside_set_off_by_a_dash():
    assert views("Tony Blair believes the MPs will agree on Monday - a meeting Gordon Brown will attend.") == [
        ("Tony Blair", "the MPs will agree on Monday")]
    assert views("Tony Blair will seek to reassure Labour MPs on Monday - a meeting Gordon Brown will attend.") == [
        ("Tony Blair", "to reassure Labour MPs on Monday")]


def test_a_thing_pledged_or_promised_is_the_sources_undertaking():
    # the noun phrase pledged is the source's; a second verb of the writer's, a circumstance or a sum given is not
    text = "The prime minister, Anna Berg, on Sunday pledged further military support during a visit to Kyiv."
    rows = [q for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind == "view"]
    assert [(q.speaker, q.text) for q in rows] == [("Anna Berg", "further military support")]
    text = "Poland and Germany promised “massive” sanctions, but hours after the invasion, states were still bickering."
    rows = [q for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind != "partial"]
    assert {q.text for q in rows} == {"“massive” sanctions"} and all(q.kind == "view" for q in rows)
    text = "Canada previously pledged C$500m in financial support and agreed on new sanctions."
    assert not [q for q in find_quotes(text, find_mentions(text)[1], views=True)]


def test_what_a_source_calls_a_thing_is_its_view():
    text = "Moscow says its aim is to disarm its neighbour. The west calls that a bogus pretext for a war of aggression."
    rows = [q for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind == "view"]
    assert [(q.speaker, q.text) for q in rows] == [("west", "that a bogus pretext for a war of aggression")]
    for text in ("The union calls for talks with the government.", "She calls on the council to act before May."):
        assert not [q for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind == "view"]


def test_nominal_speech_is_held_as_a_view_of_its_source():
    from newslens.mentions import find_mentions
    from newslens.quotes import find_quotes

    text = ("Despite an announcement from Ruritania's president, Anna Berg, that the army was pushing invading forces "
            "back, the front did not move. Statements by officials that questioned the plan were ignored.")
    held = [q for q in find_quotes(text, find_mentions(text)[1], views=True) if q.kind == "view"]
    assert [(q.speaker, q.text) for q in held] == [("Anna Berg", "that the army was pushing invading forces back")]
    # not a quote: without views nothing is found
    assert find_quotes(text, find_mentions(text)[1]) == []



def test_an_offer_to_act_is_an_undertaking_of_its_source():
    # the view runs past the comma inside a number; an offer to someone or of something is no view
    assert views("Ruritania this week offered to send 2,000 more troops to the border.") == [
        ("Ruritania", "to send 2,000 more troops to the border")]
    assert views("The firm offered to Anna Berg a seat on its board.") == []
    assert views("Ruritania offered to new members a place at the table.") == []


def test_a_view_under_a_modal_of_possibility_is_the_writers_guess():
    # 'would seek', 'may wish': the writer guesses what they would hold; nobody is said to hold it
    assert views("At its core, the alliance would seek to answer any attack in kind.") == []
    assert views("Ruritania may wish to limit the risks of its alignment with Moscow.") == []
    # a modal of another verb before it does not count
    assert views("Ruritania fears that demand could spark a crisis and wants to prevent it with a deal.") == [
        ("Ruritania", "that demand could spark a crisis"), ("Ruritania", "to prevent it with a deal")]
    # a speech verb's undertaking stays: the words are the source's
    assert views("The Labour leader, Anna Berg, could promise to cut the waiting lists.") == [
        ("Anna Berg", "to cut the waiting lists")]


def test_a_view_verbs_s_form_after_a_verb_is_a_plural_noun():
    assert views("Anna Berg defends plans to cut the army by 10,000 soldiers.") == []
    assert views("The ministry unveiled plans to close three bases.") == []
    assert views("A man held in custody for 33 months plans to sue the government.") != []
