"""Per-article furniture: comment threads, site notices, prompts, widgets."""

from __future__ import annotations

from storyline.ingest.boilerplate import strip_boilerplate

BODY = (
    "The river council in Velmar approved the new flood barrier on Tuesday .\n"
    "Work on the 40 million crown project will start in the spring , the mayor said .\n"
    "Residents of the lower town have asked for the barrier since the floods of 2019 .\n"
    "`` We have waited long enough , '' said Ana Pell , who runs a bakery by the quay .\n"
)


def _furniture_after_body(furniture: str) -> tuple[str, ...]:
    """What goes from ``BODY`` followed by ``furniture``, once the body is checked whole."""
    clean, removed = strip_boilerplate(BODY + furniture)
    assert clean == BODY.strip()
    return removed


def test_comment_thread_with_headers_goes_to_the_end() -> None:
    thread = (
        "At 10:12 am on 3 May 2011 , kimlee wrote : This comment was removed because the "
        "moderators found it broke the house rules .\n"
        "At 10:40 3rd May 2011 , Jo Ann wrote : About time too .\n"
        "My street flooded twice .\n"
        "At 11:02 pm , riverwatcher wrote : Who pays for it ?\n"
    )
    removed = _furniture_after_body(thread)
    assert removed[0].startswith("At 10:12 am on 3 May 2011 , kimlee wrote")
    assert "My street flooded twice ." in removed
    assert removed[-1] == "At 11:02 pm , riverwatcher wrote : Who pays for it ?"


def test_a_header_glued_to_the_last_line_keeps_the_prose_before_it() -> None:
    text = BODY + "The council meets again in June . At 09:15 4th May 2011 , tomsk wrote : Good .\n"
    clean, removed = strip_boilerplate(text)
    assert clean.endswith("The council meets again in June .")
    assert removed == ("At 09:15 4th May 2011 , tomsk wrote : Good .",)


def test_one_wrote_line_in_prose_is_not_a_thread() -> None:
    text = BODY + "At 10:30 , the harbour master wrote : `` The gates will hold . ''\n" + BODY
    clean, removed = strip_boilerplate(text)
    assert removed == ()
    assert clean == text.strip()


def test_signed_comments_after_the_article() -> None:
    thread = (
        "Finally some sense from the council .\n"
        "Posted by : quaybird | May 3 , 2011 10:12 AM | Report abuse They should have done it years ago .\n"
        "Posted by : millrace | May 3 , 2011 11:40 AM | Report abuse\n"
        "The comments to this entry are closed .\n"
    )
    removed = _furniture_after_body(thread)  # the reporting line before the first comment stays
    assert removed[0] == "Finally some sense from the council ."
    assert "The comments to this entry are closed ." in removed


def test_reuters_style_signatures_report_as_abusive() -> None:
    thread = (
        "Posted by quaybird | Report as abusive They should have done it years ago .\n"
        "Posted by millrace | Report as abusive What we see are the seeds of a new war .\n"
    )
    removed = _furniture_after_body(thread)
    assert len(removed) == 2


def test_cnn_style_signatures_and_reply_rows() -> None:
    thread = (
        "Great news for the bakery !\nMay 3 , 2011 at 7:59 pm | Report abuse | Reply Agreed .\n"
    )
    removed = _furniture_after_body(thread)
    assert len(removed) == 2


def test_comment_stamps_with_a_pipe_make_a_thread_when_there_are_two() -> None:
    thread = (
        "Let the council pay for it .\n"
        "March 21 , 2011 at 5:35 pm | Reply Why do n't we mind our own business ?\n"
        "Put money into our own roads .\n"
        "Too late now March 22 , 2011 at 9:02 am | Reply The ferry never ran on time .\n"
    )
    removed = _furniture_after_body(thread)
    assert removed[0] == "Let the council pay for it ."
    # one stamp could be the article's own update line: no thread
    single = "March 21 , 2011 at 5:35 pm | Updated with the council's reply .\n"
    assert strip_boilerplate(single + BODY)[0] == (single + BODY).strip()


def test_comment_stamps_with_the_clock_twice() -> None:
    # CNN's political pages: "April 22, 2031 05:17 pm at 5:17 pm |", the next comment
    # running on after the pipe
    thread = (
        "A ferry is a public service!\n"
        "April 22, 2031 05:17 pm at 5:17 pm | What a waste of money the quay is.\n"
        "April 22, 2031 05:20 pm at 5:20 pm | April 22, 2031 05:21 pm at 5:21 pm | Fix it.\n"
    )
    removed = _furniture_after_body(thread)
    assert removed[0] == "A ferry is a public service!"


def test_comments_opened_by_a_dated_header_after_the_article() -> None:
    thread = (
        "4th May 2031 - 9:20 Why does nobody ask the ferrymen ?\n"
        "They know the quay .\n"
        "5th May 2031 - 11:02 Build it now The posts here are moderated .\n"
    )
    removed = _furniture_after_body(thread)
    assert removed[0].startswith("4th May 2031 - 9:20")
    # a page that opens with such stamps is a live page: its entries stay
    live = "4th May 2031 - 9:20 The barrier opens .\n5th May 2031 - 11:02 The ferry runs .\n"
    assert strip_boilerplate(live + BODY)[0] == (live + BODY).strip()
    notice = "All posts are reactively-moderated and must obey the house rules ."
    assert strip_boilerplate(BODY + notice)[0] == BODY.strip()


def test_debate_closed_notice_starts_the_readers_part() -> None:
    intro = "Should Velmar build the barrier ?\nThe council votes on Tuesday . This debate is now closed .\n"
    comments = "I live by the quay and I say yes .\nNo , it costs too much !\n"
    clean, removed = strip_boilerplate(intro + comments)
    assert clean == "Should Velmar build the barrier ?\nThe council votes on Tuesday ."
    assert removed == ("This debate is now closed .", *comments.strip().split("\n"))


def test_site_notices_go_anywhere() -> None:
    notices = [
        "Your comments may be published on any Gazette media worldwide .",
        "We welcome comments that advance the story through relevant opinion and data .",
        "To play this content JavaScript must be turned on and the latest Flash player installed .",
        "Sorry , this media is not available in your territory .",
        "Today is broadcast live and the running order is subject to change .",
        "PLEASE NOTE : We are unable to offer transcripts for our program interviews .",
        "For the latest developments , please go to our main news page .",
        "Take our poll and share your thoughts below .",
        "So share your thoughts with the rest of us .",
    ]
    lines = BODY.strip().split("\n")
    text = "\n".join([lines[0], notices[0], lines[1], *notices[1:], lines[2], lines[3]])
    clean, removed = strip_boilerplate(text)
    assert clean == BODY.strip()
    assert removed == tuple(notices)


def test_prose_about_comments_and_the_web_survives() -> None:
    prose = (
        "The mayor 's comments were moderated by the chair after a complaint .\n"
        "The start-up lets you embed documents in blog posts and click through them .\n"
        "`` Please leave your comments at the town hall , '' the clerk told residents .\n"
        "Investors can follow the bond sale through the city 's website .\n"
    )
    clean, removed = strip_boilerplate(BODY + prose + BODY)
    assert removed == ()


def test_reader_questions_go_with_the_form_not_alone() -> None:
    prompt = (
        "Have you been affected by the floods ?\n"
        "Are you a resident of the lower town ?\n"
        "Tell us your experiences by filling in the form below .\n"
    )
    removed = _furniture_after_body(prompt)
    assert removed == tuple(prompt.strip().split("\n"))
    # a rhetorical question, even the last line, and an interview's questions stay
    rhetoric = BODY + "But surely , you might think , the council could have acted sooner ?\n"
    assert strip_boilerplate(rhetoric) == (rhetoric.strip(), ())
    interview = "What are your plans for the quay ?\nWe will rebuild it , the mayor said .\n" + BODY
    assert strip_boilerplate(interview)[1] == ()


def test_other_sites_headlines_and_blog_footers() -> None:
    widget = (
        "Velmar Post Barrier vote set for Tuesday - 2 hrs ago Coast Radio "
        "Floods : what next - 5 hrs ago River Times\n"
    )
    footer = "Posted by Kim Lee at 10:48 AM | Comments -LRB- 2 -RRB- | Permalink Next post starts here .\n"
    clean, removed = strip_boilerplate(BODY + widget + footer)
    assert clean == BODY.strip() + "\nNext post starts here ."
    assert removed == (
        widget.strip(),
        "Posted by Kim Lee at 10:48 AM | Comments -LRB- 2 -RRB- | Permalink",
    )


def test_blog_self_description_at_the_end() -> None:
    tail = "I 'm Kim Lee , the Gazette 's health correspondent .\nThis is my blog for discussion of health .\n"
    clean, removed = strip_boilerplate(BODY + tail)
    assert removed == ("This is my blog for discussion of health .",)


def test_app_in_a_longer_word_is_not_an_app_promotion() -> None:
    text = (
        "Kel Morrow said he would get the choir together for the flood appeal this week .\n" + BODY
    )
    assert strip_boilerplate(text)[1] == ()


def test_a_sites_edition_question_and_its_buttons() -> None:
    page = (
        "You've selected the U.S. Edition.\n"
        "Would you like to make this your default edition?\n"
        "YES | NO The ferry board met on Monday and approved the new route.\n"
    )
    clean, removed = strip_boilerplate(page + BODY)
    assert clean.startswith("The ferry board met on Monday")
    assert "YES | NO" in removed and "You've selected the U.S. Edition." in removed


def test_the_sites_own_calls_and_a_slideshows_template_at_the_end() -> None:
    tail = (
        "Send your video, images to Harbour iReport.\n"
        "For the latest from the quay click here.\n"
        "BACK {current} of {total} NEXT\n"
    )
    removed = _furniture_after_body(tail)
    assert len(removed) == 3
