"""Tests for the stance step: word forms, case, hyphenation, multi-word terms, negation, ownership, the seed."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from newslens import audit, paths, stance, stance_scope  # noqa: E402
from newslens.article import load_article  # noqa: E402


@dataclass
class FakeQuote:
    """A stand-in with the attributes stance reads from newslens.quotes.Quote."""

    start: int
    end: int
    speaker: str
    kind: str = "direct"


LEXICON = stance.lexicon_from_frame(pd.DataFrame([
    {"frame": "military action", "term": "invasion", "forms": "invasions|invade|invades|invaded|invading"},
    {"frame": "military action", "term": "build-up", "forms": ""},
    {"frame": "economic pressure", "term": "sanctions", "forms": "sanction|sanctioned"},
    {"frame": "diplomacy", "term": "diplomacy", "forms": "diplomatic"},
    {"frame": "diplomacy", "term": "diplomatic solution", "forms": ""},
]), "test lexicon")
CUES = stance.load_cues()


def occ(text: str, quotes=(), lexicon=LEXICON):
    return stance.find_occurrences(text, quotes, lexicon, CUES)


def terms_found(text: str, lexicon=LEXICON) -> list[tuple[str, str]]:
    return [(m.text, m.term) for m in stance.find_matches(text, lexicon)]


# ------------------------------------------------------------------------------------------------ matching

def test_word_forms_count_under_their_term_and_unlisted_forms_do_not():
    text = "Russia invaded. Invading forces; an invasion, two invasions. The invader waits."
    assert terms_found(text) == [("invaded", "invasion"), ("Invading", "invasion"), ("invasion", "invasion"),
                                 ("invasions", "invasion")]


def test_case_is_ignored_and_text_kept_as_written():
    assert terms_found("SANCTIONS and Sanctioned and sanction") == [
        ("SANCTIONS", "sanctions"), ("Sanctioned", "sanctions"), ("sanction", "sanctions")]


def test_forms_match_on_word_boundaries_only_even_in_glued_sentences():
    # "unsanctioned" and "sanctionsbusting" are other words; "invasion.That" is a glued sentence boundary.
    assert terms_found("unsanctioned sanctionsbusting invasion.That Invade's") == [
        ("invasion", "invasion"), ("Invade", "invasion")]


def test_hyphenated_compounds_and_dashes():
    text = "a pre-invasion build–up, then a build-up and a buildup"
    matches = stance.find_matches(text, LEXICON)
    assert [(m.text, m.term, m.compound) for m in matches] == [
        ("invasion", "invasion", "pre-invasion"), ("build–up", "build-up", ""), ("build-up", "build-up", "")]
    # "buildup" without a hyphen is not listed in this lexicon, so it is not counted


def test_multi_word_terms_across_line_breaks_take_precedence_over_their_parts():
    text = "seeking a diplomatic\nsolution, and more diplomatic efforts"
    assert terms_found(text) == [("diplomatic\nsolution", "diplomatic solution"), ("diplomatic", "diplomacy")]


def test_offsets_point_into_the_text_as_stored():
    text = "Moscow  has denied any plans to INVADE Ukraine; “sanctions” follow."
    for o in occ(text):
        assert text[o.start:o.end] == o.text


# ------------------------------------------------------------------------------------------------ negation

@pytest.mark.parametrize("sentence, word, negated, cue", [
    ("The government has no intention to invade Ukraine.", "invade", True, "no intention"),
    ("Moscow has denied any plans to invade Ukraine.", "invade", True, "denied"),
    ("The Kremlin, which has denied it plans to invade as it did in 2014, insisted.", "invade", True, "denied"),
    ("There will be no sanctions this year.", "sanctions", True, "no"),
    ("An invasion was ruled out by the minister.", "invasion", True, "ruled out"),
    ("Russia will invade Ukraine.", "invade", False, ""),
    # a clause boundary ends the cue's scope
    ("Ukraine is not in NATO, but an invasion would change that.", "invasion", False, ""),
    ("Nobody denied it. Russia will invade.", "invade", False, ""),
    # a pseudo-negation negates nothing
    ("We have no doubt that sanctions will work.", "sanctions", False, ""),
    ("It is not only sanctions that matter.", "sanctions", False, ""),
    # the negation governs "send" and its troops, not the conditional clause's invasion
    ("NATO will not send combat troops to Ukraine in the event that Russia invades the country.", "invades",
     False, ""),
])
def test_negation_and_denial(sentence, word, negated, cue):
    (found,) = [o for o in occ(sentence) if o.text == word]
    assert (found.negated, found.negation_cue) == (negated, cue)


@pytest.mark.parametrize("sentence, hypothetical", [
    ("There will be consequences if Russia invades Ukraine.", True),
    ("NATO is ready should Russia invade Ukraine.", True),
    ("Any incursion would lead to swift sanctions.", True),
    ("Russia invaded Ukraine.", False),
])
def test_conditions_mark_hypothetical_uses(sentence, hypothetical):
    (found,) = occ(sentence)
    assert found.hypothetical is hypothetical and found.negated is False


@pytest.mark.parametrize("sentence, word, cue", [
    ("They staged drills aimed at invading the east.", "invading", "aimed at"),
    ("New sanctions aimed at diplomatic staff were lifted.", "diplomatic", ""),
])
def test_an_aim_is_a_gerund_after_aimed_at_not_a_target(sentence, word, cue):
    (found,) = [o for o in occ(sentence) if o.text == word]
    assert found.condition_cue == cue


def test_an_adjective_in_the_aim_of_an_unreal_act_is_as_unreal_as_its_head():
    (found,) = occ("Once the fighting stops, Kyiv can find a way out through diplomatic channels.")
    assert (found.text, found.condition_cue) == ("diplomatic", "can")


def test_a_verb_of_ceasing_negates_the_gerund_after_it_and_no_noun_unless_the_ceasing_is_unreal():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "alliance and support", "term": "support", "forms": "supporting"},
        {"frame": "military action", "term": "war", "forms": ""}]), "ceasing lexicon")
    found = occ("Minsk stopped “supporting” the war. Talks aim to stop a war.", lexicon=lexicon)
    assert [(o.text, o.negation_cue, o.negated) for o in found] == [
        ("supporting", "stopped", True), ("war", "", False), ("war", "", False)]
    # a ceasing asked for or possible is not real: the support goes on
    for text in ("Minsk must stop “supporting” the war.", "They urged Minsk to stop supporting it.",
                 "Minsk plans to soon stop supporting it."):
        (found, *_) = occ(text, lexicon=lexicon)
        assert (found.text, found.negated) == ("supporting", False)


def test_a_cue_inside_the_term_itself_does_not_negate_it():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "denial", "term": "no intention", "forms": ""},
        {"frame": "denial", "term": "deny", "forms": "denied"}]), "denial lexicon")
    found = occ("It has no intention. Moscow denied.", lexicon=lexicon)
    assert [(o.term, o.negated) for o in found] == [("no intention", False), ("deny", False)]


SCOPE = stance.lexicon_from_frame(pd.DataFrame([
    {"frame": "military action", "term": "war", "forms": "wars"},
    {"frame": "military action", "term": "troops", "forms": ""},
    {"frame": "military action", "term": "invasion", "forms": "invade|invades|invaded"},
    {"frame": "economic pressure", "term": "sanctions", "forms": ""},
    {"frame": "alliance and support", "term": "support", "forms": ""},
    {"frame": "alliance and support", "term": "alliance", "forms": ""}]), "scope lexicon")


@pytest.mark.parametrize("sentence, word, negation_cue, condition_cue", [
    # the cue governs another head: the war, the support are real
    ("It is not the first war in Europe since 1945.", "war", "", ""),
    ("Arming Ukraine won't widen the war, he argued.", "war", "", ""),
    ("There was no outcry at Britain's continuing support for Kyiv.", "support", "", ""),
    ("Supplying jets could widen the war.", "war", "", ""),
    ("The sanctions have not stopped the war.", "war", "", ""),
    ("Germany does not support new sanctions.", "sanctions", "", ""),
    # a conditional clause about something else than the term's own event
    ("If the war drags on, prices will rise.", "war", "", ""),
    ("If Russian troops cross the border, the West will respond.", "troops", "", ""),
    # the term's own event, before or after the cue, across a comma when the cue is in its own clause
    ("If Russia occupies the region, there will be a war.", "war", "", "will"),
    ("A proxy war would destroy the country.", "war", "", "would"),
    ("The war could last for years.", "war", "", ""),
    ("If war breaks out, Europe will suffer.", "war", "", "If"),
    ("If Nato troops are deployed, Russia will respond.", "troops", "", "If"),
    # the conditional clause's verb right after its subject, its object after the verb's particle
    ("Trade could fall if the European Union goes ahead with new sanctions on Russian shipping.", "sanctions", "",
     "if"),
    ("If the European Union moves ahead with sanctions, prices will rise.", "sanctions", "", "If"),
    ("Prices will rise if the EU resorts to sanctions.", "sanctions", "", "if"),
    ("Trade could fall if Russia presses on with the war.", "war", "", ""),
    ("Nato will not send combat troops to Ukraine in the event that Russia invades.", "invades", "",
     "in the event that"),
    ("Nato will not send combat troops to Ukraine in the event that Russia invades.", "troops", "not", "will"),
    ("The threat of a Russian invasion hangs over Europe.", "invasion", "", "threat of"),
    ("The prospect of sanctions worries investors.", "sanctions", "", "prospect of"),
    ("Officials warned of an imminent invasion.", "invasion", "", "imminent"),
    ("Putin plans to invade the east.", "invade", "", "plans to"),
    ("Will Russia invade Ukraine?", "invade", "", "Will"),
    ("The EU will impose new sanctions on Russian banks.", "sanctions", "", "will"),
    # denials, and a denial itself negated
    ("Biden ruled out sending US troops to Ukraine.", "troops", "ruled out", ""),
    ("Moscow has denied any plans to invade Ukraine.", "invade", "denied", ""),
    ("Russia says it has no plans for an invasion.", "invasion", "no plans", ""),
    ("He did not rule out sanctions.", "sanctions", "", "not rule out"),
    ("Johnson refused to rule out sanctions.", "sanctions", "", "refused to rule out"),
    ("Sanctions were not imposed on the oligarchs.", "Sanctions", "not", ""),
    ("Russia invaded Ukraine in February.", "invaded", "", ""),
    # the rules added after the first scoring, each general English
    ("Weapons would bear responsibility should they be used during the war.", "war", "", ""),
    ("Putin sees Nato not as a defensive alliance but as a threat.", "alliance", "not", ""),
    ("Russia has denied responsibility and suggested its troops had left.", "troops", "", ""),
    ("Orbán, who is blocking oil sanctions, was welcomed.", "sanctions", "blocking", ""),
    ("The EU stopped short of a full invasion ban.", "invasion", "stopped short of", ""),
    ("Kyiv said it was a pretext for invasion.", "invasion", "", "pretext for"),
    ("The UK and EU promised “massive” sanctions.", "sanctions", "", "promised"),
    ("He is going to this war as a reporter.", "war", "", ""),
    ("It is unclear how he would respond if he considers the alliance's expansion a danger.", "alliance", "", ""),
    ("Sanctions on Nord Stream 2 were waived.", "Sanctions", "waived", ""),
    ("Make no mistake, this is a further invasion.", "invasion", "", ""),
    ("Finland hopes to join the alliance.", "alliance", "", ""),  # joining presupposes the alliance
    ("The EU held back from imposing the potentially most damaging sanctions.", "sanctions", "held back from",
     "potentially"),
    # issue 13: the aim of an act not yet real, reached through a preposition of purpose or topic; not a definite
    # or named thing, nor a manner or place
    ("The ministers will meet in Geneva on Friday for a debate about sanctions.", "sanctions", "", "will"),
    ("The ministers will meet in Geneva on Friday for a debate about the sanctions.", "sanctions", "", ""),
    ("Britain will act in support of Kyiv.", "support", "", ""),
    ("The mission would be focused on helping Nato troops.", "troops", "", ""),
    ("Kyiv would lessen its reliance on troops from abroad.", "troops", "", ""),
    # a future time adverbial on an indefinite noun phrase
    ("A second round of sanctions in the coming weeks is on the table.", "sanctions", "", "in the coming weeks"),
    ("The sanctions in the coming weeks will bite.", "sanctions", "", ""),
    # purpose, prevention, expecting, and the to-infinitive unless an implicative verb asserts it
    ("Britain sent jets so as to support Kyiv.", "support", "", "so as to"),
    ("There is still time to avoid war.", "war", "", "to avoid"),
    ("The market expects new sanctions.", "sanctions", "", "expects"),
    ("Putin's aim is to invade the east.", "invade", "", "to"),
    ("Allies pledged money to support Ukraine.", "support", "", "to"),
    ("Russia began to invade the east.", "invade", "", ""),
    ("In addition to sanctions, Nato sent jets.", "sanctions", "", ""),
    ("Veterans marched to war memorials.", "war", "", ""),
    ("The government has no intention to invade Ukraine.", "invade", "no intention", ""),  # the denial takes it
    # existing things, a cue with a quotation mark inside
    ("The EU would adopt all sanctions already imposed.", "sanctions", "", ""),
    ("The EU would adopt new sanctions.", "sanctions", "", "would"),
    ('Moscow is "open" to an alliance.', "alliance", "", 'open" to'),
    # negative implicatives (Karttunen 1971) negate their verb as "not" does: its object only through a verb that
    # brings it about; a refusal of a noun denies it (NegEx's "refused", "declined")
    ("The minister refused to comment on the war.", "war", "", ""),
    ("He refused to send troops.", "troops", "refused to", ""),
    ("The EU failed to impose sanctions.", "sanctions", "failed to", ""),
    ("The unit refused troops from abroad.", "troops", "refused", ""),
    # a parenthetical aside between commas does not end the clause; a comma that is no aside still does
    ("Russia will not, however, invade Ukraine.", "invade", "not", "will"),
    ("Russia will not, officials say, invade Ukraine.", "invade", "not", "will"),
    ("Sanctions will not, for now, be imposed.", "Sanctions", "not", "will"),
    ("Russia will not retreat, and invade Ukraine.", "invade", "", ""),
    # a noun modifying the head of its phrase: a cue opening the phrase, or a verb's modal over its object, governs
    # the head; not when the head takes the term as its argument, nor a numeral after the term
    ("The court will open an inquiry into possible war crimes.", "war", "", ""),
    ("The court might investigate possible war crimes.", "war", "", ""),
    ("No alliance nation is ready to help.", "alliance", "", ""),
    ("There are no invasion plans.", "invasion", "no", ""),
    ("They warned of possible war.", "war", "", "possible"),
    ("No war exists between them.", "war", "No", ""),
    ("It must not trigger world war three.", "war", "not", "must"),
    # "further", "more" right after a modal or "to" are adverbs of degree; "looking to" is a plan
    ("The EU would further tighten sanctions.", "sanctions", "", "would"),
    ("Moscow is looking to further invade the east.", "invade", "", "looking to"),
    ("They are looking to the alliance for help.", "alliance", "", ""),
    # a refused noun phrase reaches no further than that phrase; verbs joined by "or" share a negation
    ("Finland refused the demands to pay after Nato imposed sanctions.", "sanctions", "", ""),
    ("Russia could no longer invade or threaten its neighbours.", "invade", "no longer", "could"),
    ("Russia could no longer attack or invade its neighbours.", "invade", "no longer", "could"),
    # people exist whatever they would do; what would be done to them is hypothetical
    ("Russian troops could cross the border.", "troops", "", ""),
    ("Extra troops would be deployed to Poland.", "troops", "", "would"),
    ("A proxy war could follow.", "war", "", "could"),
    # the to-infinitive reaches the indefinite object of a verb that brings it about; not people, not a noun
    # modifying the head; an infinitival relative after "the only", "the first" asserts its event
    ("She was eager for the government to impose “sweeping sanctions” on Russia.", "sanctions", "", "to"),
    ("States used the law to put sanctions on assets.", "sanctions", "", "to"),
    ("States used the law to put the sanctions on assets.", "sanctions", "", ""),
    ("Russia is able to move troops quickly.", "troops", "", ""),
    ("Russia trained its forces to commit more war crimes.", "war", "", ""),
    ("It is the only country in the world to support Russia.", "support", "", ""),
    ("Finland was the first state to impose sanctions.", "sanctions", "", ""),
    ("The attack prompted the allies to impose drastic sanctions.", "sanctions", "", ""),
    ("Belarus was forced to support Russia.", "support", "", ""),
    # a gerund phrase holding the term as the subject of a modal: its event is what the modal leaves unreal
    ("But keeping multinational troops deployed in Europe will be expensive.", "troops", "", "will"),
    ("Officials said that imposing sanctions right now would backfire.", "sanctions", "", "would"),
    ("Of course, sending troops would be risky.", "troops", "", "would"),
    ("Sending the troops home will take weeks.", "troops", "", ""),
    # a comma between two modifiers of the term's noun phrase does not end the cue's reach; a clause's comma does
    ("He was proposing immediate, targeted sanctions.", "sanctions", "", "proposing"),
    ("Who will provide direct, in-country military support?", "support", "", "will"),
    ("If Russia invades, heavy sanctions follow.", "sanctions", "", ""),
    # a negation takes over the prospect right after it, never one after the noun its determiner opens
    ("Neither country expects major sanctions.", "sanctions", "Neither", "expects"),
    ("We do not have plans to send troops.", "troops", "not", ""),
    ("Officials met, urging troops would stay.", "troops", "", ""),
    # coordinated predicates share the modal before the first: the term in the later one is as unreal
    ("Firms will be under pressure and face sanctions.", "sanctions", "", "will"),
    ("Who will move beyond training missions and provide direct military support?", "support", "", "will"),
    ("Australia will send $100m in aid, as well as levelling sanctions on officials.", "sanctions", "", "will"),
    ("The UK will double its aid and urge its troops to act.", "troops", "", ""),
    ("The package would increase military and humanitarian support.", "support", "", ""),
    ("The EU will meet, and the war goes on.", "war", "", ""),
    # the to-infinitive a directive verb asks of its object is not done yet; not for people or a thing named as known
    ("He called for the Baltic states to be handed war-fighting capabilities.", "war", "", "to"),
    ("Zelenskiy urged Brussels to swiftly introduce a fifth sanctions package.", "sanctions", "", "to"),
    ("He called on members to show strength and to support Ukraine.", "support", "", "to"),
    ("He pleaded with him publicly to call off his troops.", "troops", "", ""),
    ("Erdogan pressed the alliance to take the war more seriously.", "war", "", ""),
    # a "by"-gerund is the means of the act the modal leaves unreal; a passive's agent is no means
    ("It would be necessary to save the state by providing financial support.", "support", "", "would"),
    ("It would oblige Russia to restore balance by arming, including by imposing sanctions.", "sanctions", "",
     "would"),
    ("New sanctions will be seen by invading troops as a permission to attack.", "troops", "", ""),
    # a phrase of means belongs to the verb, also after its object: the act not yet real reaches it there; a definite
    # object stays real
    ("Europe would weaken Moscow through new sanctions.", "sanctions", "", "would"),
    ("Europe would weaken Moscow's economy via harsher sanctions.", "sanctions", "", "would"),
    ("Europe would weaken Moscow through the sanctions.", "sanctions", "", ""),
    ("Europe could shorten the war through new sanctions.", "sanctions", "", "could"),
    ("Europe could shorten the war through new sanctions.", "war", "", ""),
    ("Europe weakened Moscow through new sanctions.", "sanctions", "", ""),
    # "into" of result names what the act brings about, also after a verb whose object exists
    ("Officials made sure the clash did not escalate into a wider war.", "war", "not", ""),
    ("The clash could escalate into war.", "war", "", "could"),
    ("The clash could turn into a war.", "war", "", "could"),
    ("The clash could drag Nato into the war.", "war", "", ""),
    ("The clash could end in a wider war.", "war", "", "could"),
    ("The clash did not end in a wider war.", "war", "not", ""),
    ("Nato troops would fight in the war.", "war", "", ""),
    # a noun phrase said to be absent ("free of", "lack of", "stayed out of") is negated; a definite one after "of" is
    # presupposed: the war one keeps out of is real
    ("Finland remained free of any alliance.", "alliance", "free of", ""),
    ("Sweden has stayed out of any military alliance.", "alliance", "stayed out of", ""),
    ("The lack of support hurt Kyiv.", "support", "lack of", ""),
    ("Biden is keeping out of the war.", "war", "", ""),
    # a denial reaches no further than a verb whose object exists: what is denied is the joining, not the alliance
    ("Washington rejected Moscow's feelers about joining the alliance.", "alliance", "", ""),
    ("Washington rejected Moscow's feelers about a new alliance.", "alliance", "rejected", ""),
    # what is risked, readied, drawn up, looked forward to or hoped for is not real yet; an intent takes a gerund
    ("Any country that interferes risks sanctions.", "sanctions", "", "risks"),
    ("Governments readied new sanctions.", "sanctions", "", "readied"),
    ("Ministers are drawing up sanctions.", "sanctions", "", "drawing up"),
    ("Kyiv is looking forward to new support.", "support", "", "looking forward to"),
    ("There is little hope of an alliance.", "alliance", "", "hope of"),
    ("Moscow was intent on “imposing sanctions” on Kyiv.", "sanctions", "", "intent on"),
    ("Moscow was intent on the war.", "war", "", ""),
    # a term in a prepositional phrase is no subject: the predicate after it is the head noun's; a noun of quantity
    # or kind is the head in form only
    ("Support for sanctions would be weak.", "sanctions", "", ""),
    ("Kyiv's recovery from the war of aggression will take years.", "war", "", ""),
    ("Thousands of troops would be sent.", "troops", "", "would"),
    ("Any kind of war would be a disaster.", "war", "", "Any"),
    ("The prospects for an alliance look dim.", "alliance", "", "prospects for"),
    # a noun or verb of fear or concern: what it is about is unreal when indefinite, known when definite
    ("Worries about a wider war are growing.", "war", "", "Worries about"),
    ("Ankara is concerned about Sweden's support for the group.", "support", "", ""),
    ("The West was concerned about unusual war games it was seeing.", "war", "", ""),
    # "concerns of" as "fears of"; people right after a noun of fear hold it, they are not what is feared
    ("The build-up has led to concerns of an invasion.", "invasion", "", "concerns of"),
    ("The fears of frontline troops were heard in Brussels.", "troops", "", ""),
    ("The mere prospect of Nato troops on the battlefield would help him.", "troops", "", "prospect of"),
    # a phrase of result after the verb's object belongs to the verb; a noun modifying the head of the aim is real
    ("The move could provoke Moscow into a wider war.", "war", "", "could"),
    ("The move could drag Moscow into the war.", "war", "", ""),
    ("The court will launch an investigation into possible war crimes.", "war", "", ""),
    ("Nato acted to prevent Moscow from starting a war.", "war", "", "to prevent"),
    ("Nato acted to prevent Moscow from widening the war.", "war", "", ""),
    ("The men have not been placed under sanctions.", "sanctions", "not", ""),
    ("Two more banks will be subject to sanctions.", "sanctions", "", "will"),
    ("The shipments were not subject to sanctions.", "sanctions", "not", ""),
    # the predicate after a term read past a quotation mark; people doing something in the progressive are real
    ('He said “new sanctions” would follow.', "sanctions", "", "would"),
    ("Extra troops would be deploying to Poland.", "troops", "", ""),
    # a futurate progressive after an indefinite subject: the event is still to come
    ("Everyone knew war was coming.", "war", "", "was coming"),
    ("Everyone knew the war was coming to an end.", "war", "", ""),
    # a verb of sending or putting people somewhere reaches them from its to-infinitive: their deployment is the event
    ("It is not necessary to send troops.", "troops", "", "to"),
    ("Britain agreed to commit extra troops.", "troops", "", "to"),
    # a number with thousands separators is one word; a noun of number before "of" is the head in form only
    ("The US will send 2,000 more troops.", "troops", "", "will"),
    ("The alliance promised hundreds of thousands of new troops.", "troops", "", "promised"),
    ("About 3,000 troops across the region will be sent.", "troops", "", "will"),
    ("The deal could not be a part of sanctions.", "sanctions", "", ""),
    # what is promised, pledged or offered to be done is not given yet; offering a noun gives it
    ("The leaders pledge support for the plan.", "support", "", "pledge"),
    ("He spoke, promising full support for the bid.", "support", "", "promising"),
    ("The minister offered moral support to Kyiv.", "support", "", ""),
    ("The minister deserves our support.", "support", "", "deserves"),
    ("There were loud demands for sanctions.", "sanctions", "", "demands for"),
    ("The group called for the implementation of new sanctions.", "sanctions", "", "called for"),
    ("Everyone said it was a matter of time before Russia invaded.", "invaded", "", "matter of time before"),
    ("A new round of sanctions was being drawn up.", "sanctions", "", "being drawn up"),
    # "yet to": not done so far; "had to" asserts what had to be done; "be able to" carries a modal or negation
    ("The country has yet to impose sanctions.", "sanctions", "yet to", ""),
    ("He said Moscow had to invade.", "invade", "", ""),
    ("Nato will not be able to send troops.", "troops", "not", "will"),
    # a thing a block verb acts on exists; people a call is for, to act themselves, exist
    ("New sanctions must be further strengthened.", "sanctions", "", ""),
    ("They backed the call for Nato troops to leave the region.", "troops", "", ""),
    ("They backed the call for more troops to be sent.", "troops", "", "call for"),
    # a participle with its own object after a noun opens its own clause; a definite phrase after "no ... for" is known
    ("A fund has yet to be set up for the group aiding Russia's invasion.", "invasion", "", ""),
    ("The regime has no justification for its invasion.", "invasion", "", ""),
    # the negation of a neg-raising verb is read in its complement
    ("I don't think Russia would start a war.", "war", "don't", "would"),
    # "with" of means belongs to the unreal act; people one acts with exist; a new predicate ends the phrase
    ("Russia would be hit with new sanctions.", "sanctions", "", "would"),
    ("They plan to train with Polish troops.", "troops", "", ""),
    ("An attempt to deter Moscow with threats was hindered by not imposing any sanctions.", "sanctions", "not", ""),
    # "nor" before an inverted auxiliary negates the verb, not the subject
    ("Nor can his invasion be excused.", "invasion", "", ""),
    ("Nor will Nato send troops.", "troops", "Nor", "will"),
    # a free-choice determiner opens a noun phrase that names no particular, real thing; after a negation "any" is the
    # negation's non-assertive form, and "any of the" picks a part of a known whole
    ("Power cuts would follow as any invasion began.", "invasion", "", "any"),
    ("The bank said any such sanctions should be discussed first.", "sanctions", "", "any"),
    ("Whatever support they give is welcome.", "support", "", "Whatever"),
    ("He was not aware of any sanctions on the bank.", "sanctions", "", ""),
    ("The ministry ceased any support for the club.", "support", "", ""),
    ("Any of the sanctions were lifted.", "sanctions", "", ""),
    # what is wanted or needed is not real yet; a known thing wanted to do something is the subject of what is wanted
    ("Kyiv needed financial support to pay its soldiers.", "support", "", "needed"),
    ("Farmers want the support of the government.", "support", "", "want"),
    ("Ministers said tougher sanctions were needed.", "sanctions", "", "were needed"),
    ("The support is needed now.", "support", "", ""),
    ("The US wanted the war to end quickly.", "war", "", ""),
    ("He pledged his support to the campaign.", "support", "", "pledged"),
    ("Among those who want new sanctions, most support Kyiv.", "support", "", ""),
    # what a side stands ready for has not come yet
    ("The navy stood ready for war.", "war", "", "ready for"),
    ("His readiness for sanctions surprised them.", "sanctions", "", "readiness for"),
    # an act of avoiding or preventing names what has not happened
    ("Avoiding a war mattered most to them.", "war", "", "Avoiding"),
    ("He spoke about deterring an invasion.", "invasion", "", "deterring"),
    # a demonstrative before a modal is the modal's subject, not a determiner of the noun "will" or "can"
    ("She said that this could mean sanctions.", "sanctions", "", "could"),
    ("These will bring more troops.", "troops", "", "will"),
    ("The will of the alliance held.", "alliance", "", ""),
    # a negated copula denies its prepositional predicate when the term heads it
    ("Nato is not at war with Russia.", "war", "not", ""),
    ("We're not into war like others.", "war", "not", ""),
    ("Nato isn't at war with Russia.", "war", "isn't", ""),
    ("It's not in Nato's interest to send troops.", "troops", "", "to"),
    ("It is not about replacing the alliance.", "alliance", "", ""),
    # the privative suffix "-free" says the thing is absent
    ("It was a strong and alliance-free state.", "alliance", "free", ""),
    ("The alliance freely chose.", "alliance", "", ""),
    # a causative's joint object: the infinitive after it happened
    ("The invasion prompted Washington and London to impose sanctions.", "sanctions", "", ""),
    # a noun of kind before "of" is the head in form only: the phrase is as definite as its determiner
    ("Putin's act of war must fail.", "war", "", ""),
    ("An act of war would follow.", "war", "", "would"),
    # "not just" with a contracted negative auxiliary adds, it denies nothing
    ("Russia didn't just invade Ukraine, it annexed land.", "invade", "", ""),
    ("Russia didn't invade Ukraine.", "invade", "didn't", ""),
    # nouns of prospect in the plural as in the singular
    ("He spoke of the dangers of a wider war.", "war", "", "dangers of"),
    # "should" of obligation after its subject is a modal; before a subject it is the conditional inversion
    ("He argued that more troops should be sent.", "troops", "", "should"),
    ("Should Russia invade, the alliance would respond.", "invade", "", "Should"),
])
def test_negation_and_condition_belong_to_the_terms_own_clause(sentence, word, negation_cue, condition_cue):
    (found,) = [o for o in occ(sentence, lexicon=SCOPE) if o.text == word]
    assert (found.negation_cue, found.condition_cue) == (negation_cue, condition_cue)
    assert (found.negated, found.hypothetical) == (bool(negation_cue), bool(condition_cue))
    for cue, start, end in [(found.negation_cue, found.negation_cue_start, found.negation_cue_end),
                            (found.condition_cue, found.condition_cue_start, found.condition_cue_end)]:
        assert (sentence[start:end] == cue) if cue else (start, end) == (None, None)


def test_an_adjective_modifying_the_head_a_cue_governs_shares_its_status():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "threat", "term": "hostile", "forms": ""},
        {"frame": "diplomacy", "term": "diplomatic", "forms": ""},
        {"frame": "military action", "term": "war", "forms": ""}]), "adjective lexicon")
    found = occ("He was asked about a potential hostile response. I have no diplomatic relations with him. "
                "They discussed possible war crimes.", lexicon=lexicon)
    assert [(o.text, o.negation_cue, o.condition_cue) for o in found] == [
        ("hostile", "", "potential"), ("diplomatic", "no", ""), ("war", "", "")]


# ------------------------------------------------------------------------------------------------ ownership

def test_owner_is_the_speaker_of_the_quote_holding_the_term_else_the_narrator():
    text = 'Sanctions loom. "We will not invade," Lavrov said. He called it "a provocation, not an invasion."'
    quotes = [FakeQuote(text.index("We"), text.index(',"'), "Sergei Lavrov"),
              FakeQuote(text.index("a provocation"), text.index('."'), "", "partial")]
    owners = [(o.text, o.owner, o.voice) for o in occ(text, quotes)]
    assert owners == [("Sanctions", "narrator", "narrator"), ("invade", "Sergei Lavrov", "direct"),
                      ("invasion", stance.UNATTRIBUTED, "partial")]


def test_the_innermost_quote_wins_when_quotes_nest():
    text = "Truss said that Johnson had called for \"sanctions now\" in talks."
    outer = FakeQuote(text.index("Johnson"), len(text) - 1, "Liz Truss", "reported")
    inner = FakeQuote(text.index("sanctions now"), text.index('" in'), "Boris Johnson", "partial")
    (found,) = occ(text, [outer, inner])
    assert (found.owner, found.voice, found.quote_start) == ("Boris Johnson", "partial", inner.start)


def test_a_joint_subject_owns_the_term_together():
    text = "Washington and London have said that an invasion would bring sanctions."
    content = text.index("that")
    quotes = [FakeQuote(content, len(text) - 1, "Washington", "reported"),
              FakeQuote(content, len(text) - 1, "London", "reported")]
    assert {o.owner for o in occ(text, quotes)} == {"Washington and London"}


def test_any_object_with_start_end_and_speaker_will_do():
    Plain = type("Plain", (), {})
    quote = Plain()
    quote.start, quote.end, quote.speaker = 0, 20, "NATO"
    (found,) = occ("invasion is feared by all", [quote])
    assert (found.owner, found.voice) == ("NATO", "quote")


SENSE = stance.lexicon_from_frame(pd.DataFrame([
    {"frame": "military action", "term": "war", "forms": "wars", "not_in": "trade war|war of words", "only_with": ""},
    {"frame": "military action", "term": "deployment", "forms": "deploy", "not_in": "",
     "only_with": "troops|jets"},
    {"frame": "diplomacy", "term": "diplomacy", "forms": "diplomatic", "not_in": "diplomatic editor",
     "only_with": ""}]), "sense lexicon")


def test_a_form_inside_a_not_in_phrase_or_without_its_context_words_is_another_sense():
    text = ("The trade war and a war of words; the war in Ukraine. Our diplomatic editor on diplomatic efforts. "
            "Clinics deploy testing teams. Nato will deploy more jets.")
    assert terms_found(text, SENSE) == [("war", "war"), ("diplomatic", "diplomacy"), ("deploy", "deployment")]
    assert stance.find_matches(text, SENSE)[-1].start == text.rindex("deploy")
    # without the rules every form counts, and the lexicon's table keeps the rules for a round trip
    assert len(terms_found(text, stance.without_sense_rules(SENSE))) == 7
    assert stance.lexicon_from_frame(stance.lexicon_frame(SENSE)) == SENSE
    with pytest.raises(ValueError, match="not_in phrase of 'war' must hold one of its forms"):
        stance.lexicon_from_frame(pd.DataFrame([{"frame": "f", "term": "war", "forms": "", "not_in": "price hike"}]))


def test_a_bare_noun_keeps_the_sense_it_had_elsewhere_in_the_text():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "military action", "term": "deployment", "forms": "deployments|deploy", "only_with": "troops"},
        {"frame": "threat and hostility", "term": "consequences", "forms": "", "only_with": "severe"}]), "discourse")
    later = "Budgets shrank and deployments slowed."
    assert terms_found(later, lexicon) == []  # nothing near it says which deployments
    assert terms_found(f"Troops and deployments grew. {later}", lexicon) == [("deployments", "deployment")] * 2
    # a verb's object, or a noun's "of" phrase, says its sense on the spot and is not carried over
    text = "Nato sent troops on deployments. Clinics deploy testing teams. The consequences of the drought hurt."
    assert terms_found(text + " Severe consequences loom.", lexicon) == [
        ("deployments", "deployment"), ("consequences", "consequences")]


def test_a_context_word_inside_a_complex_preposition_licenses_nothing():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "threat and hostility", "term": "consequences", "forms": "", "only_with": "face|faces"}]), "face")
    assert terms_found("Retreat averts fatal consequences in the face of superior numbers.", lexicon) == []
    assert terms_found("In the face of it, Russia faces consequences.", lexicon) == [("consequences", "consequences")]
    assert terms_found("Russia will face consequences.", lexicon) == [("consequences", "consequences")]


def test_a_diplomat_named_as_a_quotes_speaker_is_a_source_not_diplomacy():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "diplomacy", "term": "diplomacy", "forms": "diplomat|diplomats", "not_as_speaker": "diplomats"}]),
        "speaker lexicon")
    text = "Talks will resume, diplomats said. Diplomats met in Geneva. Talks failed, Lavrov told diplomats."
    said = [FakeQuote(0, text.index(","), "diplomats"), FakeQuote(text.index("Talks f"), text.index(", L"), "Lavrov")]
    said[0].speaker_start, said[0].speaker_end = text.index("diplomats"), text.index(" said")
    said[1].speaker_start, said[1].speaker_end = text.index("Lavrov"), text.index(" told")
    assert [o.start for o in occ(text, said, lexicon)] == [text.index("Diplomats"), text.rindex("diplomats")]
    assert len(occ(text, said, stance.without_sense_rules(lexicon))) == 3
    assert stance.lexicon_from_frame(stance.lexicon_frame(lexicon)) == lexicon
    with pytest.raises(ValueError, match="not_as_speaker form of 'diplomacy' must be one of its forms"):
        stance.lexicon_from_frame(pd.DataFrame([{"frame": "f", "term": "diplomacy", "forms": "",
                                                 "not_as_speaker": "envoy"}]))


def test_a_diplomat_whose_speech_is_an_act_towards_another_party_does_diplomacy():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "diplomacy", "term": "diplomacy", "forms": "diplomat|diplomats", "not_as_speaker": "diplomats"}]),
        "speaker lexicon")
    text = "Ukrainian diplomats pleaded with the world to help. Western diplomats say Russia will wait."
    said = [FakeQuote(text.index("to help"), text.index("."), "Ukrainian diplomats", "reported"),
            FakeQuote(text.index("Russia"), len(text) - 1, "Western diplomats", "reported")]
    for quote, cue in zip(said, ("pleaded with", "say")):
        quote.cue = cue
        quote.speaker_start = text.index("diplomats", text.index(quote.speaker))
        quote.speaker_end = quote.speaker_start + len("diplomats")
    assert [o.start for o in occ(text, said, lexicon)] == [text.index("diplomats")]


def test_a_diplomat_holding_a_reported_view_is_a_source_not_diplomacy():
    lexicon = stance.lexicon_from_frame(pd.DataFrame([
        {"frame": "diplomacy", "term": "diplomacy", "forms": "diplomat|diplomats", "not_as_speaker": "diplomats"}]),
        "speaker lexicon")
    text = "Some diplomats fear that new sanctions will follow."
    view = FakeQuote(text.index("new"), len(text) - 1, "diplomats", "view")
    view.cue, view.speaker_start, view.speaker_end = "fear", text.index("diplomats"), text.index(" fear")
    assert occ(text, [view], lexicon) == []


def test_the_shipped_lexicon_leaves_out_idioms_and_job_titles():
    text = ("The US-China trade war hurt farmers. Our diplomatic editor writes that the war in Ukraine goes on. "
            "The consequences of the drought were felt. Russia will face severe consequences.")
    found = stance.find_matches(text, stance.load_lexicon())
    assert [(m.text, m.start) for m in found] == [("war", text.index("war in")),
                                                  ("consequences", text.rindex("consequences"))]


def test_a_pull_quote_printed_twice_is_the_articles_text():
    body = ("Nato warned that an invasion of Ukraine would be met with severe costs.\n\n"
            "Nato warned that an invasion of Ukraine would be met with severe costs.\n\nThe talks go on.")
    assert audit.not_article_lines(body)  # the audit lists the copy; the quotes step leaves it out
    assert [o.start for o in occ(body) if o.term == "invasion"] == [20, 93]


def test_police_deployed_are_force_readied():
    (found,) = occ("Eleven riot police refused deployment to Ukraine.", lexicon=stance.load_lexicon())
    assert (found.term, found.negation_cue) == ("deployment", "refused")
    assert occ("Clinics deploy testing teams.", lexicon=stance.load_lexicon()) == []


def test_the_shipped_lexicon_leaves_out_warfare_without_arms_and_war_films():
    text = ("Moscow waged cyber warfare and economic warfare. He compared Bucha to a war movie. "
            "Kyiv needs anti-submarine warfare technology.")
    found = stance.find_matches(text, stance.load_lexicon())
    assert [(m.text, m.start) for m in found] == [("warfare", text.rindex("warfare"))]


# ------------------------------------------------------------------------------------------------ lexicon files

def test_lexicon_errors_name_the_file_and_the_problem(tmp_path):
    bad = tmp_path / "terms.csv"
    bad.write_text("# note\nframe,term\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"terms\.csv.*missing column.*forms"):
        stance.load_lexicon(bad)
    bad.write_text("frame,term,forms\na,invasion,invade\nb,attack,invade\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"terms\.csv.*'invade'.*one term only"):
        stance.load_lexicon(bad)
    bad.write_text("frame,term,forms\n,invasion,invade\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"terms\.csv: row 1"):
        stance.load_lexicon(bad)
    cues = tmp_path / "cues.csv"
    cues.write_text("cue,kind,position\nnot,maybe,before\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues\.csv: row 1"):
        stance.load_cues(cues)


def test_the_shipped_lexicon_round_trips_and_has_a_header():
    lexicon = stance.load_lexicon()
    assert stance.lexicon_from_frame(stance.lexicon_frame(lexicon)) == lexicon
    text = stance.LEXICON_PATH.read_text(encoding="utf-8")
    assert text.startswith("#") and "Where the terms come from" in text
    assert stance_scope.CUES_PATH.read_text(encoding="utf-8").startswith("#")


def test_editing_the_data_file_changes_counts_and_charts_with_no_code_change(tmp_path, monkeypatch):
    article = load_article(paths.SEED)
    before = stance.stance_tables(article)
    _, chart_before = stance.plot_frames(before["stance_frames"])
    edited = tmp_path / "stance_terms.csv"
    shutil.copy(stance.LEXICON_PATH, edited)
    with edited.open("a", encoding="utf-8") as handle:
        handle.write("peace,peace,peaceful\nmilitary action,invasion-lite,russia\n")
    monkeypatch.setattr(stance, "LEXICON_PATH", edited)
    after = stance.stance_tables(article)
    _, chart_after = stance.plot_frames(after["stance_frames"])
    plt.close("all")
    counts = after["stance"].set_index("term")["count"]
    assert counts["invasion-lite"] == len(re.findall(r"\bRussia\b", article.body, re.IGNORECASE))
    assert counts["invasion-lite"] > 0 and "invasion-lite" not in set(before["stance"]["term"])
    assert "peace" in set(after["stance_frames"]["frame"])
    assert len(after["stance_occurrences"]) > len(before["stance_occurrences"])
    assert not chart_before.equals(chart_after)


# ------------------------------------------------------------------------------------------------ the seed

SEED_QUOTES = [  # the seed's direct and partial quotes that hold a stance term, as a quotes module would give them
    ("What the legislation enables us to do", "immune to those sanctions", "Liz Truss", "direct"),
    ("urge Russia to engage", "catastrophic invasion", "Boris Johnson", "partial"),
    ("The Russian government has said publicly", "a much different story", "John Sullivan", "direct"),
]


@pytest.fixture(scope="module")
def seed():
    article = load_article(paths.SEED)
    body = article.body
    quotes = [FakeQuote(body.index(first), body.index(last) + len(last), speaker, kind)
              for first, last, speaker, kind in SEED_QUOTES]
    return article, quotes, stance.stance_tables(article, quotes)


def test_seed_counts_sanctions_and_the_invasion_family_with_the_headline_apart(seed):
    article, _, tables = seed
    counts = tables["stance"].set_index("term")
    assert counts.loc["sanctions", "count"] == 3
    assert counts.loc["invasion", "count"] == 10
    assert counts.loc["invasion", "headline_count"] == 1  # "... If Russia Invades"
    assert counts.loc["sanctions", "headline_count"] == 0
    assert (tables["stance_occurrences"]["start"] < len(article.body)).all()


def test_seed_matches_the_hand_annotation(seed):
    article, _, tables = seed
    gold = stance.load_annotation(article.id)
    got = tables["stance_occurrences"]
    got = got[got["term"].isin({"sanctions", "invasion"})].reset_index(drop=True)
    assert list(zip(got["start"], got["end"])) == list(zip(gold["start"], gold["end"]))
    assert list(got["owner"]) == list(gold["owner"])
    assert list(got["negated"].astype(int)) == list(gold["negated"])
    assert list(got["hypothetical"].astype(int)) == list(gold["hypothetical"])


def test_seed_owners_of_the_key_phrases(seed):
    article, _, tables = seed
    occ_table = tables["stance_occurrences"].set_index("start")
    catastrophic = article.body.index("catastrophic invasion") + len("catastrophic ")
    intention = article.body.index("no intention to invade") + len("no intention to ")
    assert occ_table.loc[catastrophic, "owner"] == "Boris Johnson"
    assert occ_table.loc[catastrophic, "voice"] == "partial"
    assert occ_table.loc[intention, ["owner", "negated", "negation_cue"]].tolist() == [
        "John Sullivan", True, "no intention"]


def test_frame_and_owner_tables_add_up(seed):
    _, _, tables = seed
    terms, frames = tables["stance"], tables["stance_frames"]
    assert frames["count"].sum() == terms["count"].sum() == len(tables["stance_occurrences"])
    assert (terms["narrator"] + terms["quoted"] + terms["reported"] == terms["count"]).all()
    assert terms.set_index("term").loc["sanctions", ["narrator", "quoted", "reported"]].tolist() == [2, 1, 0]
    owners = stance.owner_frame_table([stance.Occurrence(**row) for row in _records(tables)])
    assert owners.iloc[0]["owner"] == "narrator"
    assert owners.drop(columns="owner").to_numpy().sum() == len(tables["stance_occurrences"])


def _records(tables):
    table = tables["stance_occurrences"].astype(object)
    return [{k: (None if pd.isna(v) else v) for k, v in row.items()} for row in table.to_dict("records")]


def test_concordance_lines_show_the_term_in_context(seed):
    article, quotes, _ = seed
    occurrences = stance.find_occurrences(article.body, quotes)
    lines = stance.concordance(article.body, occurrences, ["sanctions"], width=30)
    assert len(lines) == 3
    for row in lines.itertuples():
        assert len(row.left) == 30 and row.match.lower() == "sanctions"
        assert article.body[row.start - 30:row.start].replace("\n", " ").rstrip().endswith(row.left.strip())
        assert row.line == f"{row.left} [{row.match}] {row.right}"
    invasion = stance.concordance(article.body, occurrences, ["invasion"])
    assert "[invade]" in invasion.iloc[1]["line"]
    text = stance.concordance_text(invasion).splitlines()
    assert len(text) == 11 and "Moscow has denied any plans to [invade]" in text[2] and " N· " in text[2]
    two = lines.assign(owner="Washington and London")
    assert " Washington and London ·" in stance.concordance_text(two)  # the owner in full, not cut at 16 characters
    long = lines.assign(owner="a very long description of an unnamed source")
    assert " a very long description of… " in stance.concordance_text(long)


def test_dispersion_plot_places_each_use_at_its_word_position(seed):
    article, quotes, _ = seed
    occurrences = stance.find_occurrences(article.body, quotes)
    fig, data = stance.plot_dispersion(article.body, occurrences, ["invasion", "sanctions"])
    points = fig.axes[0].lines[0].get_xydata()
    plt.close(fig)
    assert len(data) == len(points) == 13
    assert sorted(points[:, 0].tolist()) == sorted(data["word_index"].tolist())
    assert data["word_index"].is_monotonic_increasing


def test_compare_lexicons_shows_the_picture_under_another_term_list(seed):
    article, quotes, _ = seed
    full = stance.load_lexicon()
    narrow = [t for t in full if t.frame != "military action"]
    table = stance.compare_lexicons(article, quotes, {"full": full, "no military": narrow})
    by = table.set_index(["lexicon", "frame"])["count"]
    assert ("no military", "military action") not in by.index
    assert by[("full", "military action")] >= 10
    assert by[("full", "economic pressure")] == by[("no military", "economic pressure")] == 3


def test_the_analyse_command_writes_the_stance_tables(tmp_path):
    from newslens.cli import main

    article = load_article(paths.SEED)
    assert main(["analyse", str(paths.SEED), "--out", str(tmp_path)]) == 0
    terms = pd.read_csv(tmp_path / "stance.csv", keep_default_na=False)
    uses = pd.read_csv(tmp_path / "stance_occurrences.csv", keep_default_na=False)
    assert list(terms.columns[:4]) == ["term", "frame", "count", "headline_count"]
    assert {"start", "end", "text", "term", "frame", "owner", "negated"} <= set(uses.columns)
    assert all(article.body[s:e] == t for s, e, t in uses[["start", "end", "text"]].itertuples(index=False))
    assert terms.set_index("term").loc["invasion", ["count", "headline_count"]].tolist() == [10, 1]


def test_seed_owners_with_the_quotes_step():
    from newslens.quotes import find_quotes

    article = load_article(paths.SEED)
    uses = stance.occurrence_table(stance.find_occurrences(article.body, find_quotes(article)))
    by_start = uses.set_index("start")
    body = article.body
    catastrophic = body.index("catastrophic invasion") + len("catastrophic ")
    intention = body.index("no intention to invade") + len("no intention to ")
    assert by_start.loc[catastrophic, "owner"] == "Boris Johnson"
    assert by_start.loc[intention, ["owner", "negated"]].tolist() == ["John Sullivan", True]
    denied = body.index("denied any plans to invade") + len("denied any plans to ")
    assert by_start.loc[denied, ["voice", "negated"]].tolist() == ["reported", True]


def test_compare_with_annotation_scores_each_annotated_use(seed):
    article, _, tables = seed
    gold = stance.load_annotation(article.id)
    scored = stance.compare_with_annotation(tables["stance_occurrences"], gold)
    assert len(scored) == 13 and scored["found"].all()
    assert scored["negated_ok"].all() and scored["hypothetical_ok"].all()
    # the hand-made quotes hold no reported speech, so only the paraphrases' sources disagree
    wrong = scored[~scored["owner_ok"]]
    assert set(wrong["owner"]) == {"narrator"} and "" not in set(wrong["gold_owner"])
    assert len(wrong) == (gold["reported_by"] != "").sum()
    uses = tables["stance_occurrences"]
    missing = stance.compare_with_annotation(uses[uses["start"] != gold["start"].iloc[0]], gold)
    assert not missing["found"].iloc[0] and not missing["owner_ok"].iloc[0]


def test_an_article_with_no_stance_term_gives_empty_tables_that_select_rows():
    from newslens import stance as s

    uses = s.occurrence_table(s.find_occurrences("The ferry sails at noon, the council said."))
    assert uses.empty and uses[uses.negated].empty and uses[uses.hypothetical].empty


def test_owners_in_one_sweep_agree_with_testing_every_quote():
    import random

    from newslens.stance import Match, _owner, _owners

    rng = random.Random(7)
    Q = type("Q", (), {})
    quotes = []
    for k in range(300):  # nested, overlapping, repeated spans, speakers shared and not
        start = rng.randrange(0, 5000)
        q = Q()
        q.start, q.end, q.kind = start, start + rng.choice([3, 40, 400, 2500]), "direct"
        q.speaker = f"S{k % 7}" if k % 13 else ""  # some with no speaker: the one around them speaks
        quotes.append(q)
        if k % 10 == 0:
            twin = Q()
            twin.start, twin.end, twin.speaker, twin.kind = q.start, q.end, f"T{k}", "partial"
            quotes.append(twin)
    matches = [Match(s, s + rng.randrange(1, 30), "x", "x", "war", "") for s in rng.sample(range(6000), 500)]
    assert _owners(matches, quotes) == [_owner(m, quotes) for m in matches]


def test_a_quotation_with_no_speaker_inside_reported_words_is_the_reporters_source():
    from newslens.stance import Match, _owner, _owners

    Q = type("Q", (), {})

    def quote(start, end, speaker, kind):
        q = Q()
        q.start, q.end, q.speaker, q.kind = start, end, speaker, kind
        return q

    # 'Anna Berg believed that “a bad peace beats a good war”': the partial quote's own cue left it without a speaker
    quotes = [quote(10, 60, "Anna Berg", "view"), quote(20, 59, "", "partial")]
    matches = [Match(50, 53, "war", "war", "war", "")]
    assert _owners(matches, quotes)[0][:2] == ("Anna Berg", "view") == _owner(matches[0], quotes)[:2]
    # with nobody around it, it stays unattributed
    assert _owners(matches, quotes[1:])[0][0] == stance.UNATTRIBUTED


def test_owners_are_the_speakers_notebook_03_shows():
    from newslens.tables import analyse

    found = analyse(load_article(paths.SEED))
    quotes, uses = found["quotes"], found["stance_occurrences"]
    quoted = uses[uses.owner != stance.NARRATOR]
    assert len(quoted) > 10
    for use in quoted.itertuples():
        holding = quotes[(quotes.start == use.quote_start) & (quotes.end == use.quote_end)]
        speakers = " and ".join(dict.fromkeys(s for s in holding.speaker if s)) or stance.UNATTRIBUTED
        assert use.owner == speakers
        # and no quote notebook 03 shows lies closer around the use
        around = quotes[(quotes.start < use.end) & (use.start < quotes.end)]
        assert (around.end - around.start).min() == use.quote_end - use.quote_start
    narrated = uses[uses.owner == stance.NARRATOR]
    assert not any(((quotes.start < u.end) & (u.start < quotes.end)).any() for u in narrated.itertuples())


def test_lines_that_are_not_the_article_are_left_out_of_the_counts_and_listed_by_the_audit():
    from newslens import audit

    body = ("Russia has massed troops near the border.\n"
            "Read more: Why sanctions on Russia may not work\n"
            "RUSSIA-UKRAINE: US SENDING MORE TROOPS TO NATO'S EASTERN FLANK: LIVE UPDATES\n"
            "Putin warns of war with the west over Ukraine\n"
            "A tank near Kharkiv. Photograph: Someone/AFP\n"
            "The sanctions took effect on Monday.")
    assert [o.text for o in occ(body, lexicon=SCOPE)] == ["troops", "sanctions"]
    marked = [body[p.start:p.end] for p in audit.find_problems(body) if p.kind == "not_article"]
    assert marked == body.split("\n")[1:5]


def test_the_shipped_lexicon_leaves_out_tact_film_roles_agencies_a_phoney_war_and_a_charity():
    text = ("She was a model of diplomacy. It needs tact and diplomacy. Diplomacy failed in Geneva. He won best "
            "supporting actor. The Child Support Agency paid out. Nato pledged support to Kyiv. After weeks of "
            "phoney war, War on Want spoke.")
    found = stance.find_matches(text, stance.load_lexicon())
    assert [(m.text, m.start) for m in found] == [("Diplomacy", text.index("Diplomacy f")),
                                                  ("support", text.rindex("support"))]


def test_the_shipped_lexicon_leaves_out_denial_of_service_visas_an_economic_war_and_threat_intelligence():
    text = ("A denial-of-service attack hit the site. Two officials were denied visas. The west's economic war on "
            "Moscow goes on. A threat intelligence team saw it.")
    assert stance.find_matches(text, stance.load_lexicon()) == []


def test_an_office_s_uses_count_for_its_owner_in_the_owner_tables_and_chart():
    from newslens.quotes import find_quotes
    from newslens.tables import analyse

    text = ("Prime Minister Boris Johnson spoke on Monday. Johnson's office said sanctions would follow an invasion. "
            "Johnson said the allies stood together.")
    occurrences = stance.find_occurrences(text, find_quotes(text))
    # each use keeps the speaker as notebook 03 shows it, but counts for the office's owner
    assert {o.owner for o in occurrences} == {"Boris Johnson's office", "Boris Johnson"}
    assert list(stance.owner_frame_table(occurrences)["owner"]) == ["Boris Johnson"]
    fig, data = stance.plot_owner_frames(occurrences)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Boris Johnson"]
    import matplotlib.pyplot as plt
    plt.close(fig)
    # the seed: 'Boris Johnson's office said ... supporting NATO allies' is Johnson's in the stance table's owners
    terms = analyse(load_article(paths.SEED))["stance"].set_index("term")
    assert terms.loc["allies", "owners"] == "Boris Johnson"
    assert stance.counts_for("Anna Berg’s Office") == "Anna Berg"
    assert stance.counts_for("president's office") == "president's office"  # whose is not known
    assert stance.counts_for("Ukraine's foreign ministry") == "Ukraine's foreign ministry"  # a ministry is no office


def test_a_joint_subjects_use_counts_for_each_speaker_as_notebook_03_gives_each_the_quote():
    from newslens.tables import analyse

    found = analyse(load_article(paths.SEED))
    terms = found["stance"].set_index("term")
    # 'Washington and London ... have said that any new Russian incursion ...': one use, owned by both together
    assert terms.loc["incursion", "owners"] == "London|Washington"
    from newslens.quotes import find_quotes

    text = "Washington and London have said that sanctions would follow an incursion."
    occurrences = stance.find_occurrences(text, find_quotes(text))
    assert {o.owner for o in occurrences} == {"Washington and London"}
    table = stance.owner_frame_table(occurrences).set_index("owner")
    assert sorted(table.index) == ["London", "Washington"]
    # the chart's bars then add up to more than its N, and its axis says why
    fig, _ = stance.plot_owner_frames(occurrences)
    assert fig.axes[0].get_xlabel() == "uses in the body (2 shared by two sources or more, counted for each)"
    import matplotlib.pyplot as plt
    plt.close(fig)
