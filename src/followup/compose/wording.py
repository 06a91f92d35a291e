"""The words around the record's facts: several variants per part of a note, in both tones.

Each entry maps a part name to its variants per tone. Placeholders are filled only from the
outline (the record and the config): {name} greeting name, {role}, {a_role} ("an Analytics
Engineer"), {company}, {weekday} and {date} of the interview, {on_day} / {day_s} / {day}
(the interview's day as the send day sees it: "today", "yesterday", "on Tuesday", "on
Tuesday, November 24"), {decision} (the decision date),
{topic}/{clause} (a point), {question}/{better} (an open question and the better answer),
{focus} (what a qualification serves in the job description).

Every variant is written for this tool. Rules they keep so the checker is happy with them:
thanks come first; no stock phrase ("I look forward to hearing from you soon"); no demand or
deadline ("decide by …" would read as one); a call to action and reaffirmed interest match
the checker's patterns. Each list has at least `VARIANTS` entries where variants must differ
(the greeting excepted: see below).

Greetings. The greeting depends on the tone only, never on the medium, the variant or the
panel position, so that everyone on one panel is addressed the same way: formal is
"Dear {name}," (also in a LinkedIn message or connection note: a formal culture stays
formal on LinkedIn), casual is "Hi {name},". {name} is the record's `salutation:` when it
has one (in both tones: it is how they asked to be addressed); otherwise the parsed name:
the title and surname formally ("Dr. Whitmore"), the first name without a title, and the
given name casually, keeping a religious, judicial or uniformed title ("Judge Pemberton").
See `outline.greeting_names`.

Repetition. A note names the role in full once, in the thanks, and the company once, in the
reaffirmed interest; later parts refer back ("the position", "the job", "the team", "this
work"). `choose.Words` picks, from the variant onwards, the first wording that repeats
nothing the note has already said (see there), so these lists mix their referring nouns
and their openings.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from followup.model import Tone

VARIANTS = 4
"""How many distinct variants `--variant` offers (0 … VARIANTS − 1)."""

F, C = Tone.FORMAL, Tone.CASUAL

Parts = Mapping[str, Mapping[Tone, tuple[str, ...]]]

THANK_YOU: Parts = {
    # One greeting per tone, whatever the medium or the panel position (see the docstring).
    "greeting": {
        F: ("Dear {name},",),
        C: ("Hi {name},",),
    },
    # The only part that names the role in full; the company is named once, in "interest".
    "thanks": {
        F: (
            "Thank you for taking the time to meet with me {on_day} about the {role} role.",
            "Thank you for speaking with me {on_day} about the {role} position.",
            "I appreciated the time you spent with me {on_day} discussing the {role} role.",
            "Thank you for the conversation {on_day} about the {role} opening.",
            "Many thanks for your time {on_day} and for our conversation about the {role} "
            "role.",
        ),
        C: (
            "Thanks so much for chatting with me {on_day} about the {role} role.",
            "Thank you for taking the time to talk {on_day} about the {role} role.",
            "Thanks for the conversation {on_day} about the {role} role.",
            "I really appreciated you making time {on_day} to talk about the {role} role.",
            "Thank you for {day_s} chat about the {role} opening.",
        ),
    },
    # A topic is framed as something talked about, never as the candidate's own plan:
    # "what you said about moving X", not "I've been thinking about moving X".
    "point_topic": {
        F: (
            "I especially enjoyed our discussion about {topic}.",
            "Our conversation about {topic} has stayed with me.",
            "I found our exchange about {topic} particularly valuable.",
            "It was a pleasure to talk with you about {topic}.",
            "I am still thinking about our discussion of {topic}.",
        ),
        C: (
            "I really enjoyed swapping ideas on {topic}.",
            "Our chat about {topic} was the highlight for me.",
            "I keep coming back to what you said about {topic}.",
            "It was a lot of fun talking through {topic}.",
            "I loved hearing what you think about {topic}.",
        ),
    },
    # What they told the candidate: neutral frames, since a clause may not be good news.
    "point_clause": {
        F: (
            "It was good to hear that {clause}.",
            "I was interested to learn that {clause}.",
            "Thank you also for letting me know that {clause}.",
            "I appreciated learning that {clause}.",
            "It was helpful to hear that {clause}.",
        ),
        C: (
            "It was really interesting to hear that {clause}.",
            "Thanks for telling me that {clause}.",
            "Good to know that {clause}.",
            "I appreciated hearing that {clause}.",
            "Nice to hear that {clause}, too.",
        ),
    },
    "point_shared_topic": {
        F: (
            "Thank you also for telling me about {topic}.",
            "I appreciated hearing about {topic}.",
            "What you shared about {topic} was very helpful.",
            "I was glad to hear more about {topic}.",
        ),
        C: (
            "Thanks for filling me in on {topic}.",
            "I loved hearing about {topic}.",
            "It was great to hear about {topic}.",
            "Thanks, too, for the inside view on {topic}.",
        ),
    },
    "answer": {
        F: (
            "On your question about {question}: {better}",
            "I would like to add to my answer on {question}: {better}",
            "To give a fuller answer to your question on {question}: {better}",
            "Since we spoke, I have thought more about {question}: {better}",
        ),
        C: (
            "About your question on {question}: {better}",
            "One more thought on {question}: {better}",
            "Quick follow-up on {question}: {better}",
            "I've thought more about {question}: {better}",
        ),
    },
    # The same, in two sentences, for a longer answer: the lead, then the answer on its own.
    "answer_lead": {
        F: (
            "I have thought more about your question on {question}.",
            "I would like to add to my answer on {question}.",
            "Your question about {question} deserved a fuller answer.",
            "Since we spoke, I have thought more about {question}.",
        ),
        C: (
            "I've thought more about your question on {question}.",
            "One more thought on {question}.",
            "Quick follow-up on your question about {question}.",
            "Your question about {question} stuck with me.",
        ),
    },
    # No better answer recorded: an offer to say more, never a promise of something to send.
    "answer_open": {
        F: (
            "I would be glad to say more about your question on {question} if that would help.",
            "If it would help, I am happy to expand on my answer about {question}.",
            "I would welcome the chance to say more about {question}.",
            "Should it be useful, I can say more about {question}.",
        ),
        C: (
            "Happy to say more about your question on {question} if that helps.",
            "If it's useful, I'd be glad to expand on my answer about {question}.",
            "I'd love to say more about {question} sometime.",
            "Glad to say more about {question} if that would help.",
        ),
    },
    # Names the company (once per note); the role was named in the thanks.
    "interest": {
        F: (
            "I am now even more interested in joining {company}.",
            "I came away genuinely excited about the chance to join {company}.",
            "I would welcome the chance to contribute to the team at {company}.",
            "I remain very interested in joining {company}.",
        ),
        C: (
            "I'm even more excited about joining {company} now.",
            "I'd love to join the team at {company}.",
            "The more I learn about {company}, the more I want to join.",
            "I'm really keen on the chance to work with you all at {company}.",
        ),
    },
    "offer": {
        F: (
            "Please let me know if I can provide anything else.",
            "If it would help, I am happy to share more detail on any of this.",
            "I would be glad to answer any further questions.",
            "Please do not hesitate to reach out if you need more information from me.",
        ),
        C: (
            "Let me know if there's anything else I can send over.",
            "Happy to share more if that's useful.",
            "Feel free to reach out with any questions.",
            "If you need anything else from me, just say the word.",
        ),
    },
    "closing": {
        F: ("Best regards,", "Kind regards,", "With thanks,", "Warm regards,", "Sincerely,"),
        C: ("Best,", "Thanks again,", "Cheers,", "All the best,", "Talk soon,"),
    },
    "subject": {
        F: (
            "Thank you — {role} interview at {company}",
            "{role} interview at {company}: thank you",
            "Thank you for {day_s} {role} interview at {company}",
            "Following up on the {role} interview at {company}",
            "Thank you: {role}, {company}",
        ),
        C: (
            "Thanks for {day} — {role} at {company}",
            "Great talking about the {role} role at {company}",
            "Thank you — {role} chat at {company}",
            "Following up: {role} at {company}",
            "Thanks! {role}, {company}",
        ),
    },
    "note_thanks": {
        F: (
            "thank you for speaking with me about the {role} role.",
            "thank you for your time {on_day} and our conversation about the {role} role.",
            "many thanks for {day_s} conversation about the {role} role.",
            "thank you for meeting with me about the {role} position.",
        ),
        C: (
            "thanks for chatting with me about the {role} role.",
            "thanks for {day_s} conversation about the {role} role.",
            "thank you for the time {on_day} talking about the {role} role.",
            "really appreciated the chat about the {role} role.",
        ),
    },
    "note_connect": {
        F: ("I would be glad to stay in touch.", "I would be glad to connect here.",
            "I hope we can stay in touch.", "It would be good to stay connected."),
        C: ("Would love to stay in touch.", "Let's stay connected.",
            "Hope we can keep in touch.", "Glad to be connected."),
    },
}

CHECK_IN: Parts = {
    # One thing from that conversation, in place of a pleasantry ({topic}: a topic point).
    "recall": {
        F: (
            "Our conversation about {topic} has stayed with me since.",
            "I have kept thinking about our discussion of {topic}.",
            "I still think back to what you said about {topic}.",
            "I enjoyed our exchange about {topic} and have thought about it since.",
        ),
        C: (
            "I've kept thinking about our chat on {topic}.",
            "What you said about {topic} has stuck with me.",
            "I still think back to our talk about {topic}.",
            "Our conversation about {topic} has stayed with me.",
        ),
    },
    "reference": {
        F: (
            "I am writing to check in on the {role} role we discussed on {date}.",
            "I wanted to follow up on my interview for the {role} position on {date}.",
            "I am following up on our conversation about the {role} role on {date}.",
            "I wanted to check in about the {role} role, which we discussed on {date}.",
        ),
        C: (
            "I wanted to check in on the {role} role we talked about on {date}.",
            "Just following up on our chat about the {role} role on {date}.",
            "I'm checking in about the {role} role that we discussed on {date}.",
            "Following up on my interview for the {role} role on {date}.",
        ),
    },
    "interest": {
        F: ("I remain very interested in the opportunity to join {company}.",
            "I am still very keen to join the team at {company}.",
            "My interest in joining {company} is as strong as ever.",
            "I continue to be very interested in joining {company}."),
        C: ("I'm still really excited about joining {company}.",
            "I'm still very interested in joining {company}.",
            "I'm as keen as ever on the chance to join {company}.",
            "I remain really interested in the work at {company}."),
    },
    "timeline_decision": {
        F: ("I understand a decision was expected around {decision}; could you share an update "
            "on the timeline?",
            "I know the team hoped to reach a decision around {decision}. Would you be able to "
            "share where things stand?",
            "As a decision was planned for around {decision}, could you let me know where the "
            "process stands?",
            "I believe a decision was expected around {decision}; is there any update on next "
            "steps?"),
        C: ("I know a decision was expected around {decision}; any update on the timeline?",
            "You mentioned a decision around {decision}. Could you let me know where things "
            "stand?",
            "Since a decision was planned for around {decision}, is there any news on next "
            "steps?",
            "I understand the team hoped to decide around {decision}; is there any update?"),
    },
    "timeline": {
        F: ("Could you share an update on the timeline for next steps?",
            "Would you be able to share where things stand in the process?",
            "When you have a moment, could you let me know where the process stands?",
            "Is there any update on the timeline for a decision?"),
        C: ("Any update on the timeline for next steps?",
            "Could you let me know where things stand?",
            "Is there any news on the process?",
            "When you get a chance, could you share an update on next steps?"),
    },
    "offer": {
        F: ("Please let me know if I can provide anything else in the meantime.",
            "If there is anything else you need from me, I am happy to help.",
            "I would be glad to share any further information that would help.",
            "Please let me know if any additional details would be useful."),
        C: ("Let me know if you need anything else from me.",
            "Happy to send over anything else that would help.",
            "If there's anything else you need, just let me know.",
            "Feel free to reach out if more details would help."),
    },
    "second_reference": {
        F: ("I wanted to follow up once more on the {role} role I interviewed for on {date}.",
            "I am writing once more about the {role} position we discussed on {date}.",
            "I wanted to check in one last time about the {role} role at {company}.",
            "I am following up again on my interview for the {role} role on {date}."),
        C: ("Just checking in once more on the {role} role from our chat on {date}.",
            "One more quick check-in on the {role} role at {company}.",
            "I wanted to follow up one last time on the {role} role.",
            "Following up again on the {role} role we discussed on {date}."),
    },
    "second_interest": {
        F: ("I am still very interested, and I would be grateful for any update on where things "
            "stand.",
            "I remain very interested and would appreciate any news on the process.",
            "My interest is unchanged, and I would be glad of any update on the timeline.",
            "I am still very interested in the role; is there any update on next steps?"),
        C: ("I'm still really interested, so any update on where things stand would be great.",
            "I'm still keen on the role and would love any news on the process.",
            "Still very interested here; is there any update on the timeline?",
            "I remain really interested; any news on next steps would be welcome."),
    },
    "graceful": {
        F: ("If the team has decided to go in another direction, I understand, and thank you "
            "again for your time.",
            "If the role has been filled, I completely understand and would be glad to stay in "
            "touch.",
            "Either way, thank you for your time throughout the process.",
            "Whatever the outcome, I have enjoyed our conversations and hope we stay in touch."),
        C: ("If you've gone another way, no problem at all, and thanks again for your time.",
            "If the role is filled, totally understood; I'd be glad to stay in touch.",
            "Either way, thanks for your time through the process.",
            "Whatever happens, it was great talking with you."),
    },
    "subject": {
        F: ("Checking in — {role} at {company}", "Following up on the {role} role at {company}",
            "{role} at {company}: checking in", "Checking in on the {role} interview at {company}",
            "Checking in: {role}, {company}"),
        C: ("Checking in — {role} at {company}", "Quick check-in on the {role} role at {company}",
            "{role} at {company}: any news?", "Following up on {role} at {company}",
            "Any news? {role}, {company}"),
    },
    "second_subject": {
        F: ("One more check-in — {role} at {company}",
            "Following up once more on the {role} role at {company}",
            "{role} at {company}: a last check-in",
            "A final check-in on the {role} interview at {company}",
            "Checking in again: {role}, {company}"),
        C: ("One more check-in — {role} at {company}", "Last check-in on {role} at {company}",
            "{role} at {company}: one more check-in", "Following up again on {role} at {company}",
            "Checking in again: {role}, {company}"),
    },
    "note": {
        F: ("I wanted to check in on the {role} role we discussed on {date}. I am still very "
            "interested; is there any update on the timeline?",
            "I am following up on our conversation about the {role} role on {date}. Could you "
            "share an update on next steps?",
            "I hope you are well. I remain very interested in the {role} role; is there any news "
            "on the process?",
            "I am checking in on the {role} role from {date}, as I am still very interested. Is "
            "there any update on the timeline?"),
        C: ("I'm checking in on the {role} role we talked about on {date}. I'm still very "
            "interested; any update on the timeline?",
            "I hope you're well! I'm following up on the {role} role. Any news on next steps?",
            "I'm just checking in on the {role} role from {date}. Is there any update on the "
            "process?",
            "I'm following up on our chat about the {role} role on {date}. Is there any update?"),
    },
}


def all_templates() -> Iterator[str]:
    """Every template string, for tests (vocabulary, variety)."""
    for table in (THANK_YOU, CHECK_IN):
        for by_tone in table.values():
            for options in by_tone.values():
                yield from options
