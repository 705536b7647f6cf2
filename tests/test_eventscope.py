"""Figures judged against the story's event frame, on invented stories."""

from __future__ import annotations

from newsprism.model import Story


def _about(story: Story) -> dict[str, bool]:
    return {f.text: f.about_event for a in story.articles for f in a.figures}


FLOOD = [
    ("a", "Floods in the river town of Melby killed 14 people on Monday, officials said.\n\n"
          "Rescuers searched for the missing.\n\n"
          "Melby, a town of 40,000 people, was last flooded in a storm that killed 60 people.",
     "2024-03-05"),
    ("b", "At least 14 people died when floods swept through Melby on Monday.\n\n"
          "The regional union, the 5,000-member farmers' association, asked for help.\n\n"
          "Three people were injured in the floods.", "2024-03-05"),
]


def test_background_counts_keep_their_reason(judge_story) -> None:
    story, moved = judge_story(FLOOD)
    assert moved >= 1  # the frame moved what the article's own rules kept
    about = _about(story)
    assert about["14 people"] is True
    assert about["Three people"] is True
    assert about.get("40,000 people") is not True
    assert about.get("60 people") is not True
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert all(reasons.values()), reasons


def test_the_lead_is_never_judged_away(judge_story) -> None:
    # the lead introduces the event with an indefinite noun: it is still the story's event
    items = [("a", "A bus crash near Tarvin killed nine passengers on Friday. Police closed the "
                   "road.", "2023-06-02"),
             ("b", "Nine passengers died in a bus crash near Tarvin on Friday, police said.",
              "2023-06-02")]
    story = judge_story(items)[0]
    assert all(f.about_event for a in story.articles for f in a.figures if "nine" in f.text.lower())


# issue 13: amounts that belong to someone the story does not report on
BIDS = [
    ("a", "The Rovers have offered striker Tom Baxter a five-year contract worth 40m euros, the "
          "club said on Tuesday.\n\nBaxter scored 20 goals for United.\n\n"
          "In other news, Paul Ames was fined 10,000 euros by the league for a late tackle.", "2024-07-02"),
    ("b", "Tom Baxter has been offered a five-year deal by the Rovers, the club confirmed on "
          "Tuesday.\n\nThe Rovers' offer is worth 40m euros.\n\n"
          "Other clubs in the race are the Wanderers (four years, 30m euros) and the Athletic.",
     "2024-07-02"),
]


def test_amounts_of_others_are_not_the_event(judge_story) -> None:
    story = judge_story(BIDS)[0]
    about = _about(story)
    assert about["40m euros"] is True  # the Rovers' offer (the story's participants)
    assert about["five-year contract"] is True
    assert about["10,000 euros"] is False  # a fine of another club's player
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert "Ames" in reasons["10,000 euros"], reasons
    assert about["30m euros"] is False  # the amount in a parenthesis is the Wanderers' bid


# issue 13: whose toll is it — clause-level evidence against the story's frame
def _reason(story: Story, text: str) -> str:
    return next(f.scope for a in story.articles for f in a.figures if f.text == text)


QUAKE = [
    ("a", "An earthquake struck the island of Varosa on Sunday, killing 12 people and injuring "
          "40, officials said.\n\nRescuers dug through the rubble in Varosa town.\n\n"
          "On Friday, more than 30 people were killed by a quake in northern Kelmet.\n\n"
          "It destroyed 2,000 homes and left 9,000 people homeless.", "2021-10-04"),
    ("b", "A strong earthquake hit Varosa on Sunday, killing 12 people, officials said.\n\n"
          "About 40 people were injured in Varosa.\n\n"
          "In 2015 a quake on the island killed 300 people.", "2021-10-04"),
]


def test_quake_story_with_the_regions_previous_quake(judge_story) -> None:
    story = judge_story(QUAKE)[0]
    about = _about(story)
    assert about["12 people"] is True
    assert about["About 40 people"] is True
    assert about["more than 30 people"] is False  # another quake, in another place
    # "It destroyed ...": the pronoun goes on about the other quake of the sentence before
    assert about["9,000 people"] is False
    assert "previous sentence" in _reason(story, "9,000 people")
    assert about["300 people"] is False


COURT = [
    ("a", "A jury in Harwick convicted Dan Porter on Thursday of three counts of fraud, "
          "prosecutors said.\n\nPorter had been convicted of two counts of theft in a separate "
          "case.\n\nHe faces up to 20 years in prison.", "2022-05-13"),
    ("b", "Dan Porter was found guilty of three counts of fraud in Harwick on Thursday.\n\n"
          "Prosecutors said he stole $2 million from 40 clients.", "2022-05-13"),
]


def test_court_story_with_earlier_convictions(judge_story) -> None:
    story = judge_story(COURT)[0]
    about = _about(story)
    assert about["three counts"] is True
    assert about["40 clients"] is True
    assert about["two counts"] is False  # "had been convicted": before this trial
    assert "past perfect" in _reason(story, "two counts")


MATCH = [
    ("a", "Lena Vos scored three goals as Tarlow beat Esk 4-1 on Saturday.\n\n"
          "Vos has scored 19 goals this season.\n\n"
          "A crowd of 12,000 watched the game.", "2023-11-12"),
    ("b", "Tarlow beat Esk 4-1 on Saturday with three goals from Lena Vos.\n\n"
          "Esk's keeper made seven saves.\n\n"
          "Vos scored 25 goals in each of the last two seasons.", "2023-11-12"),
]


def test_match_report_with_season_totals(judge_story) -> None:
    story = judge_story(MATCH)[0]
    about = _about(story)
    assert about["seven saves"] is True
    assert about["19 goals"] is False  # this season's total
    assert about["25 goals"] is False  # earlier seasons


TALKS = [
    ("a", "Orrin Foods is in talks to buy the snack maker Cresta, people familiar with the "
          "matter said on Monday.\n\nOrrin paid $400 million for the bakery chain Dunmore "
          "two years ago.\n\nThe two sticking points are price and jobs.\n\n"
          "Orrin shares rose 4 percent.", "2024-02-05"),
    ("b", "Orrin Foods is negotiating to buy Cresta, the company said on Monday.\n\n"
          "If the talks fail, Orrin could lose $20 million in fees.\n\n"
          "Last year Orrin's revenue rose 8 percent to $3 billion.", "2024-02-05"),
]


def test_company_story_with_earlier_deals_and_last_years_figures(judge_story) -> None:
    story = judge_story(TALKS)[0]
    about = _about(story)
    assert about["two sticking points"] is True
    # the story's event is going on: what Orrin paid is told in the past, before it
    assert about["$400 million"] is False
    assert about["4 percent"] is False  # a market move, told in the past
    assert about["$20 million"] is False  # a supposed amount ("if ...")
    assert about["8 percent"] is False  # last year's results
    assert about["$3 billion"] is False


ELECTION = [
    ("a", "Voters in Dalmar elect a new parliament on Sunday; 2.1 million people are registered "
          "to vote.\n\nIn the last election, turnout was 61 percent.\n\n"
          "Four parties are standing.", "2025-04-18"),
    ("b", "Dalmar votes on Sunday in a parliamentary election contested by four parties.\n\n"
          "Polls open at 7 a.m. in 3,000 polling stations.\n\n"
          "Turnout in the 2020 vote was 58 percent.", "2025-04-18"),
]


def test_election_story_with_the_last_elections_turnout(judge_story) -> None:
    story = judge_story(ELECTION)[0]
    about = _about(story)
    assert about["3,000 polling stations"] is True
    assert about["61 percent"] is False
    assert about["58 percent"] is False


BAILOUT = [
    ("a", "Riots broke out in Kesta on Wednesday as 20,000 people marched against budget cuts; "
          "police said 30 people were arrested.\n\nThe government agreed to cuts in return for "
          "80 billion euros ($104 billion) in loans over three years.\n\n"
          "About 300 protesters had occupied the finance ministry on Tuesday.", "2019-03-07"),
    ("b", "Police arrested 30 people as riots shook Kesta on Wednesday.\n\n"
          "Kesta is one of the three largest cities in the country.\n\n"
          "If the cuts fail, the country loses 5 billion euros in aid.\n\n"
          "Kesta's stocks fell 3 percent.", "2019-03-07"),
]


def test_riot_story_with_its_bailout(judge_story) -> None:
    story = judge_story(BAILOUT)[0]
    about = _about(story)
    assert about["20,000 people"] is True
    assert about["30 people"] is True
    assert about["80 billion euros"] is False  # a total over three years
    assert about["$104 billion"] is False  # its conversion goes with it
    assert "conversion" in _reason(story, "$104 billion")
    assert about["About 300 protesters"] is False  # "had occupied": the day before
    assert about["three largest cities"] is False  # a ranking
    assert about["5 billion euros"] is False  # "if ...": supposed
    assert "if" in _reason(story, "5 billion euros")
    assert about["3 percent"] is False  # a market move
    assert "market" in _reason(story, "3 percent")


OUTAGE = [
    ("a", "Three undersea cables were cut off Malta on Friday, disrupting 60 percent of "
          "internet traffic to Libya, officials said.\n\n"
          "The March incident brought down 40 percent of the network.\n\n"
          "Repairs could take two weeks, and the operator would send three ships.", "2020-11-14"),
    ("b", "Internet traffic to Libya fell by 60 percent after three cables were cut off Malta "
          "on Friday.\n\nTwo climbers died in separate accidents near the cable station.\n\n"
          "Repair ships will sail before the operator receives $3 million in insurance.",
     "2020-11-14"),
]


def test_outage_story_with_an_earlier_incident(judge_story) -> None:
    story = judge_story(OUTAGE)[0]
    about = _about(story)
    assert about["Three undersea cables"] is True
    assert about["40 percent"] is False  # "the March incident": another one
    assert "March" in _reason(story, "40 percent")
    assert about["three ships"] is False  # "would send": not done
    assert about["$3 million"] is False  # "before ... receives": not yet
    # "separate accidents" with a plural count: the count spans them, not another event
    assert about["Two climbers"] is True


STRIKES = [
    ("a", "An air strike hit a school in Dorvan on Tuesday, killing 30 people, "
          "medics said.\n\nThree young men were killed at another school nearby.\n\n"
          "So far this year 400 people have died in the fighting.", "2018-02-07"),
    ("b", "At least 30 people were killed when a school in Dorvan was hit on Tuesday.\n\n"
          "Another 2,000 people fled the area.", "2018-02-07"),
]


def test_other_strikes_the_same_day_and_the_years_total(judge_story) -> None:
    story = judge_story(STRIKES)[0]
    about = _about(story)
    assert about["30 people"] is True
    assert about["2,000 people"] is True  # "another" on the count itself
    assert about["Three young men"] is False  # at another school
    assert "another school" in _reason(story, "Three young men")
    assert about["400 people"] is False  # so far this year


# issue 13: a story that follows up a done event is not one "going on": its figures told in the
# past are the event's own (the leads are in the present: rescuers search, families wait)
AFTERMATH = [
    ("a", "Rescuers are still searching the rubble in Varosa two days after an earthquake "
          "struck the island.\n\nThe quake destroyed 300 homes and damaged two bridges.",
     "2021-10-05"),
    ("b", "Three days after the quake hit Varosa, survivors remain in tents.\n\n"
          "About 1,200 families were left without water.", "2021-10-06"),
    ("c", "Aid is reaching Varosa after the quake.\n\nThe ferry carried 40 tonnes of food.",
     "2021-10-06"),
]


def test_follow_up_of_a_done_event_keeps_its_past_figures(judge_story) -> None:
    story = judge_story(AFTERMATH)[0]
    about = _about(story)
    assert about["300 homes"] is True
    assert about["two bridges"] is True
    assert about["About 1,200 families"] is True


def test_talks_going_on_still_send_past_amounts_to_background(judge_story) -> None:
    # the same rule still reads a story about talks as going on (the TALKS story above)
    story = judge_story(TALKS)[0]
    assert _about(story)["$400 million"] is False


# the event's own victims told in the past perfect, and a sequence inside the event
RAID = [
    ("a", "A gunman opened fire in a supermarket in Orlen on Saturday, police said.\n\n"
          "Inside the store, five shoppers had been shot dead.\n\n"
          "Within an hour, officers had stormed the building and freed 30 hostages.",
     "2022-08-14"),
    ("b", "Five people were killed when a gunman attacked a supermarket in Orlen on Saturday."
          "\n\nTwo years earlier, a gunman had killed three people in a bar in the town.\n\n"
          "The gunman had bought 200 bullets in a gun shop in Kell.", "2022-08-14"),
]


def test_past_perfect_victims_and_sequence_are_the_events(judge_story) -> None:
    story = judge_story(RAID)[0]
    about = _about(story)
    assert about["five shoppers"] is True  # "had been shot dead": the event's own victims
    assert about["30 hostages"] is True  # "within an hour ... had stormed": in the sequence
    assert about["three people"] is False  # two years earlier: another shooting
    assert about["200 bullets"] is False  # before the event (past perfect, not a harm count)


# a flood's running toll: "so far", "in total" are the event's own count, not a period's
FLOOD_TOLL = [
    ("a", "Floods swept through the valley town of Dremm on Tuesday, officials said.\n\n"
          "So far, the floods have killed 23 people in Dremm.\n\n"
          "In total, 4,000 people had to leave their homes.", "2023-05-17"),
    ("b", "The death toll from the Dremm floods has risen to 23 so far, officials said on "
          "Wednesday.\n\nSo far this year, 60 people have drowned in the region's rivers.",
     "2023-05-17"),
]


def test_running_toll_so_far_is_the_events(judge_story) -> None:
    story = judge_story(FLOOD_TOLL)[0]
    about = _about(story)
    assert about["23 people"] is True
    assert about["4,000 people"] is True
    assert about["60 people"] is False  # so far this year: the year's total


# other events' tolls told in relative clauses: on a thing that did harm ("a plane that killed
# 40"), and on an event whose relative clause the parse hangs on its place ("the bombings in
# Tarsk, which killed 96")
DERAILMENT = [
    ("a", "A passenger train derailed near Holm on Monday, killing 14 people and injuring 60, "
          "officials said.\n\nIt was the worst disaster in the country since the 2009 bus "
          "bombings in Tarsk, which killed 96 people.\n\n"
          "The derailment that killed 14 people closed the line.", "2021-06-08"),
    ("b", "Fourteen people died when a train left the tracks near Holm on Monday.\n\n"
          "The crash revived memories of a cargo plane that killed 40 people at the airport.\n\n"
          "Rescuers said the train that left the tracks had injured 60 passengers.\n\n"
          "Relatives laid flowers at a crossing where 14 people were killed.", "2021-06-08"),
]


def test_other_events_tolls_in_relative_clauses(judge_story) -> None:
    story = judge_story(DERAILMENT)[0]
    about = _about(story)
    assert about["96 people"] is False
    assert "2009" in _reason(story, "96 people")
    assert about["40 people"] is False
    assert "plane" in _reason(story, "40 people")
    assert about["60 passengers"] is True  # "the train that ... had injured": this one
    assert all(f.about_event for a in story.articles for f in a.figures
               if f.text in ("14 people", "Fourteen people"))


# a probability is no count of what happened; a count per past period is not the event's
STORM = [
    ("a", "A storm flooded the port of Kelby on Monday, forcing 3,000 people from their homes."
          "\n\nForecasters gave a 70% chance of more heavy rain within three days.", "2022-10-04"),
    ("b", "About 3,000 people left their homes as the storm hit Kelby on Monday.\n\n"
          "Doctors said one injured fisherman had a 40 percent chance of walking again.\n\n"
          "The port has handled 2,000 ships in each of the past five years.\n\n"
          "Lifeboat crews had two chances to reach the trawler before dark.",
     "2022-10-04"),
]


def test_probabilities_and_counts_per_past_period_are_background(judge_story) -> None:
    story = judge_story(STORM)[0]
    about = _about(story)
    assert about["3,000 people"] is True
    assert about["70%"] is False
    assert "probability" in _reason(story, "70%")
    assert about["40 percent"] is False
    assert about["2,000 ships"] is False
    assert about["two chances"] is True  # occasions that happened, not a likelihood


# issue 13: counts that are not the event's though nothing dates or places them elsewhere
MILL = [
    ("a", "A fire gutted the old paper mill in Stenby on Thursday, the fire service said.\n\n"
          "Stenby, one of the four parishes of the county, closed two roads.\n\n"
          "About 60 firefighters fought the blaze.\n\n"
          "The blaze caused $3 million in damage, the owner said.\n\n"
          "Up to 200 workers will report to a temporary site next week.", "2025-02-07"),
    ("b", "Fire destroyed the Stenby paper mill on Thursday.\n\n"
          "The mill's owner was serving a prison sentence for fraud he committed in two states.\n\n"
          "He had also received three suspended sentences.\n\n"
          "The town agreed a $40 million loan package with the state.", "2025-02-07"),
]


def test_sets_records_plans_and_public_finance_are_not_the_fire(judge_story) -> None:
    story = judge_story(MILL)[0]
    about = _about(story)
    assert about["About 60 firefighters"] is True  # crews at this fire
    assert about["$3 million"] is True  # its damage
    assert about["two roads"] is True  # closed because of it
    for bg in ("four parishes", "two states", "three suspended sentences", "$40 million",
               "Up to 200 workers"):
        assert about.get(bg) is not True, bg
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert "one of" in reasons["four parishes"]
    assert "record" in reasons["two states"]
    assert "public finance" in reasons["$40 million"]


SENTENCING = [
    ("a", "A judge in Orlen sentenced the former treasurer of a football club to six years on "
          "Monday for three counts of embezzlement.\n\n"
          "He took $2 million from the club's accounts, prosecutors said.", "2025-03-04"),
    ("b", "The former club treasurer was sentenced to six years in Orlen on Monday.\n\n"
          "He was convicted on three counts of embezzlement.\n\n"
          "The club's budget shortfall is about $5 million.", "2025-03-04"),
    ("c", "A court sentenced the ex-treasurer of Orlen's football club to six years on Monday.",
     "2025-03-04"),
]


def test_a_sentencing_story_keeps_its_counts(judge_story) -> None:
    story = judge_story(SENTENCING)[0]
    about = _about(story)
    assert about["three counts"] is True  # the sentence is this story's event
    assert about["$2 million"] is True
    assert about.get("about $5 million") is not True  # the club's budget


ELECTION_DAY = [
    ("a", "Voters in Norland elected a new parliament on Sunday, giving the Farmers' Party 61 "
          "of the 150 seats.\n\n"
          "Norland, one of the three Baltic ports of the region, saw turnout of 70 percent.\n\n"
          "The new parliament will meet on June 3.", "2025-05-12"),
    ("b", "The Farmers' Party won 61 seats in Norland's election on Sunday.\n\n"
          "The party needs 76 seats to govern alone.\n\n"
          "Norland's economy is worth about 40bn euros.", "2025-05-12"),
]


def test_election_story_membership_and_economy(judge_story) -> None:
    story = judge_story(ELECTION_DAY)[0]
    about = _about(story)
    assert about["61 seats"] is True
    assert about.get("three Baltic ports") is not True
    assert about.get("about 40bn euros") is not True


# issue 13: an amount told with a pronoun belongs to the person the pronoun stands for
ARREST = [
    ("a", "Striker Tom Baxter was arrested in Kelso on Sunday on suspicion of assault, police "
          "said.\n\nBaxter was released on $5,000 bail, said Officer Ray Dunn.\n\n"
          "He also paid a $500 fine.\n\n"
          "Teammate Joe Ames was banned for six games in 2019 after a fight.\n\n"
          "The league later reduced his ban to two games.\n\n"
          "The club released winger Carl Mott after signing him to a contract that guaranteed "
          "him $9 million.", "2024-05-06"),
    ("b", "Tom Baxter was arrested in Kelso on Sunday after a fight outside a bar.\n\n"
          "Police said Baxter was held for five hours.", "2024-05-06"),
    ("c", "Police in Kelso arrested striker Tom Baxter on Sunday.", "2024-05-06"),
]


def test_pronouns_of_other_people_are_not_the_event(judge_story) -> None:
    story = judge_story(ARREST)[0]
    about = _about(story)
    assert about["$5,000"] is True  # the arrested man's bail (the reporter is skipped)
    assert about["$500"] is True  # "he": the subject of the sentence before, Baxter
    assert about.get("two games") is not True  # Ames's ban
    assert about.get("$9 million") is not True  # Mott's contract
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert "Ames" in reasons["two games"]
    assert "Mott" in reasons["$9 million"]


# issue 13: values a change replaces, amounts only needed, economic measures, standing shares
FEES = [
    ("a", "The city council of Brenton cut fees for street vendors on Monday, officials said.\n\n"
          "The council voted to cut the fee to 300 dollars from the previous 500 dollars.\n\n"
          "It also lowered the deposit from 2,000 dollars to 1,000 dollars.\n\n"
          "The measure passed with 10 votes, with a majority of 9 votes needed.\n\n"
          "About 90 percent of the city's food is sold by vendors.\n\n"
          "The city has a 12 percent unemployment rate, with its bonds reaching 6.5%.",
     "2024-05-07"),
    ("b", "Brenton's council cut vendor fees on Monday, with 10 councillors voting for it.\n\n"
          "Turnout at the council's public hearing was 45 percent.", "2024-05-07"),
]


def test_old_values_needs_and_economic_measures_are_not_the_vote(judge_story) -> None:
    story = judge_story(FEES)[0]
    about = _about(story)
    for own in ("300 dollars", "1,000 dollars", "10 votes", "10 councillors", "45 percent"):
        assert about[own] is True, own
    for bg in ("500 dollars", "2,000 dollars", "9 votes", "About 90 percent", "12 percent",
               "6.5%"):
        assert about.get(bg) is not True, bg
    reasons = {f.text: f.scope for a in story.articles for f in a.figures if not f.about_event}
    assert "before a change" in reasons["500 dollars"]
    assert "before a change" in reasons["2,000 dollars"]
    assert "needed" in reasons["9 votes"]



# issue 13: business news. A launch, a deal: the figures of what the parties announce they will
# do are the event's own (the price, the stores, the jobs cut, the loan that funds the deal)
LAUNCH = [
    ("a", "Zentra unveiled its Pulse X smartphone at an event in Lisbon on Tuesday.\n\n"
          "The phone will sell for $799 in 30 countries from Friday, the company said.\n\n"
          "The company, which sold 40 million phones last year, said it will open 50 new "
          "stores.", "2024-09-10"),
    ("b", "Zentra launched the Pulse X in Lisbon on Tuesday, pricing it at $799.\n\n"
          "The Pulse X will be sold in 1,200 stores in Europe.\n\n"
          "Up to 300 engineers will work on the next model.", "2024-09-10"),
    ("c", "Zentra's new Pulse X phone, unveiled in Lisbon on Tuesday, costs $799.", "2024-09-10"),
]


def test_a_launch_keeps_what_the_company_will_do(judge_story) -> None:
    story = judge_story(LAUNCH)[0]
    about = _about(story)
    for own in ("$799", "30 countries", "50 new stores", "1,200 stores"):
        assert about[own] is True, own
    assert about["40 million phones"] is False  # last year's sales
    # a count that is itself the subject of a clause to come is no count of what happened
    assert about["Up to 300 engineers"] is False
    assert "to come" in _reason(story, "Up to 300 engineers")


DEAL = [
    ("a", "Arvo Bank agreed on Friday to buy the lender Pellin for $900 million, including "
          "$300 million of Pellin's debt.\n\n"
          "Arvo will fund the deal with a $500 million loan from three banks.\n\n"
          "The combined bank will cut 800 jobs, it said.", "2024-02-10"),
    ("b", "Arvo Bank is taking over Pellin in a $900 million deal, the banks said on Friday.\n\n"
          "Pellin chief executive Joan Keel will receive a payment of $4 million.\n\n"
          "The government agreed a $2 billion bailout for the region's farmers.", "2024-02-10"),
]


def test_a_deal_keeps_its_loan_and_payments(judge_story) -> None:
    story = judge_story(DEAL)[0]
    about = _about(story)
    for own in ("$900 million", "$300 million", "$500 million", "800 jobs", "$4 million"):
        assert about[own] is True, own
    assert about.get("$2 billion") is not True  # a bailout stays public finance
    assert "public finance" in _reason(story, "$2 billion")


# the search for a missing plane: the event's own possibilities are no set something belongs
# to, and the people inside a phrase of a clause to come are still the event's
SEARCH = [
    ("a", "A cargo jet with 12 crew vanished over the Tasman Sea on Monday, officials said.\n\n"
          "Radar data show the jet flew along one of two corridors before it vanished.\n\n"
          "The relatives of the 12 crew will be flown to Hobart, the airline said.\n\n"
          "Hobart, one of the three ports of the island, sent five ships.", "2024-06-04"),
    ("b", "Ships searched on Tuesday for a cargo jet that vanished over the Tasman Sea on "
          "Monday with 12 crew.\n\nThe search covers 40,000 square kilometres.", "2024-06-04"),
]


def test_a_search_keeps_its_possibilities_and_its_crew(judge_story) -> None:
    story = judge_story(SEARCH)[0]
    about = _about(story)
    assert about["two corridors"] is True  # where the jet went: the event's possibilities
    assert all(f.about_event for a in story.articles for f in a.figures if f.text == "12 crew")
    assert about["five ships"] is True
    assert about.get("three ports") is not True  # Hobart is one of them: a set


# a player named once and told by "he": what he did in the game is the game's
GAME = [
    ("a", "The Hawks beat the Bears 24-17 on Sunday in Denver.\n\n"
          "Receiver Dan Moyo, who joined the Hawks in March, made a big difference.\n\n"
          "He caught five passes for 80 yards.\n\n"
          "Bears guard Ty Lane was banned for four games in 2022.\n\n"
          "The league later reduced his ban to two games.", "2023-10-02"),
    ("b", "The Hawks beat the Bears 24-17 in Denver on Sunday.", "2023-10-02"),
]


def test_a_player_named_once_keeps_his_game_figures(judge_story) -> None:
    story = judge_story(GAME)[0]
    about = _about(story)
    assert about["five passes"] is True
    assert about.get("two games") is not True  # another player's ban, told by "his"


# a capitalised first word is no name the amount belongs to
VILLAGES = [
    ("a", "An earthquake struck the province of Lorn on Friday, killing 30 people.\n\n"
          "\"Houses in the village of Tebb have been destroyed 100 percent and we have no "
          "shelter,\" a farmer said.",
     "2024-05-04"),
    ("b", "A quake killed 30 people in Lorn province on Friday, officials said.", "2024-05-04"),
]


def test_a_first_word_is_not_an_owner(judge_story) -> None:
    story = judge_story(VILLAGES)[0]
    assert _about(story)["100 percent"] is True


# a takeover told in the present ("is buying") is read as going on: its past clauses are what
# came before it, except those told with the story's own event word or dated on its day
TAKEOVER = [
    ("a", "Halvorsen Steel is buying its rival Brask Metals, the companies said on Monday.\n\n"
          "Halvorsen agreed to buy Brask for $2.4 billion after a month of talks.\n\n"
          "The two companies told their 5,000 staff about the deal on Monday.\n\n"
          "Halvorsen paid $400 million for the smelter Dunmore after long talks.\n\n"
          "Its chief was paid $2 million for selling and buying mines plus 5 percent of the "
          "profits.\n\n"
          "Brask now sells its steel for $610 a tonne, down from $700 a tonne.", "2024-03-12"),
    ("b", "Halvorsen Steel is buying Brask Metals in a $2.4 billion deal.", "2024-03-12"),
]


def test_a_takeover_keeps_its_own_past_clauses(judge_story) -> None:
    story = judge_story(TAKEOVER)[0]
    about = _about(story)
    assert about["5,000 staff"] is True  # on Monday: the event's day
    assert all(f.about_event for a in story.articles for f in a.figures
               if f.text == "$2.4 billion")  # "agreed to buy": the story's own event word
    assert about["$400 million"] is False  # an earlier deal, told in the past
    assert about["5 percent"] is False  # his pay, not the buying the parse hangs it on
    assert about["$700"] is False
    assert "before a change" in _reason(story, "$700")


MUSEUM = [
    ("a", "Thieves stole paintings worth $4 million from the Varlo museum in Dresden on Monday, "
          "police said.\n\n"
          "The heist comes a month after a gang made off with $30 million of gold coins from a "
          "bank vault in Leipzig.\n\n"
          "Days later, a $2 million violin was taken from a concert hall in Bonn.\n\n"
          "Crews from the Dresden City Fire Department used two ladder trucks to reach the roof "
          "the thieves broke through.\n\n"
          "The museum was robbed in 2009 as well. In 2011, police said they had recovered 80 "
          "percent of that haul.", "2024-05-14"),
    ("b", "Paintings worth $4 million were stolen from the Varlo museum in Dresden on Monday.\n\n"
          "Four thieves broke in through the roof, police said.", "2024-05-14"),
]


def test_what_is_told_at_a_distance_from_the_event_is_another_occasion(judge_story) -> None:
    # crime: a theft "a month after" another one, a theft "days later" than that one, a report
    # made years before; and a fire department's name is no other fire
    story = judge_story(MUSEUM)[0]
    about = _about(story)
    assert about["$4 million"] is True
    assert about["Four thieves"] is True
    assert about["two ladder trucks"] is True  # "Fire Department" names the crews, no fire
    assert about["$30 million"] is False
    assert "a month after" in _reason(story, "$30 million")
    assert about["$2 million"] is False  # "Days later": goes on about the sentence before
    assert about["80 percent"] is False
    assert "2011" in _reason(story, "80 percent")


CRASH = [
    ("a", "A coach crashed on the A9 near Kelso on Friday, killing nine passengers, police "
          "said.\n\n"
          "The crash came two weeks after a lorry overturned on the same road, killing three "
          "people.\n\n"
          "Friday's crash came just days after a driver who had been drinking hit a bus in Alnwick, "
          "killing six passengers.\n\n"
          "Police arrested the driver of the coach two hours after the crash killed nine people.",
     "2023-09-02"),
    ("b", "Nine passengers died when a coach crashed near Kelso on Friday.", "2023-09-02"),
]


def test_an_earlier_crash_weeks_before_is_not_the_toll_but_the_event_after_an_arrest_is(
        judge_story) -> None:
    # transport: "came two weeks after <another crash>" is another occasion; "arrested ... two
    # hours after the crash killed nine" is this crash (the main clause is no event word)
    story = judge_story(CRASH)[0]
    verdicts: dict[str, list[bool]] = {}
    for a in story.articles:
        for f in a.figures:
            verdicts.setdefault(f.text, []).append(f.about_event)
    assert verdicts["three people"] == [False]
    assert verdicts["six passengers"] == [False]  # "just days after": the span on "after"
    assert all(verdicts["nine people"]) and all(verdicts["nine passengers"])


TRIAL = [
    ("a", "A jury in Porton convicted Lena Marsh on Friday of killing two co-workers at a "
          "bottling plant in June.\n\n"
          "Judge Alan Reeve found Marsh guilty of two counts of murder.\n\n"
          "Since the shooting, the plant has hired 20 security guards.\n\n"
          "In 2019 a former chemist was convicted over a lab shooting that left two professors "
          "dead and three other staff wounded.", "2024-11-09"),
    ("b", "Lena Marsh was found guilty on Friday of murdering two co-workers at the Porton "
          "bottling plant.", "2024-11-09"),
]


def test_a_verdict_story_keeps_its_counts_and_drops_another_shooting(judge_story) -> None:
    # courts: the judge (no participant) rules on a participant: the counts are the verdict's;
    # a hyphenated counted noun is one word ("two co-workers", killed); "since the
    # shooting" is the time since the story's event, no comparison; "a lab shooting that left
    # two dead and three wounded" is another one, however the parse joins its clauses
    story = judge_story(TRIAL)[0]
    about = _about(story)
    assert about["two counts"] is True
    assert about["20 security guards"] is True
    assert about.get("three other staff") is not True
    b = next(f for a in story.articles if a.source_id == "b" for f in a.figures)
    assert (b.text, b.category) == ("two co-workers", "killed")


RIOT = [
    ("a", "Riots broke out in Dunmore on Monday night after police shot a teenager.\n\n"
          "By the end of the night, shop windows had been smashed, and 46 people had been "
          "arrested, police said.", "2024-03-12"),
    ("b", "Police arrested dozens of people in Dunmore during riots on Monday night.",
     "2024-03-12"),
]


def test_a_count_by_the_end_of_the_event_is_its_own(judge_story) -> None:
    # disorder: "By the end of the night ... had been smashed, and 46 people had been arrested":
    # the past perfect tells what the event had come to by then, not something before it
    story = judge_story(RIOT)[0]
    assert _about(story)["46 people"] is True


# whoever reports an amount is its source, not its owner
REPORTED_FLOOD = [
    ("a", "Floods swept through the Varna valley on Tuesday, killing 14 people.\n\n"
          "Rosa Kettle, the head of the district council, said 40 percent to 70 percent of the houses in the "
          "valley were under water.", "2024-09-11"),
    ("b", "Flooding killed 14 people in the Varna valley on Tuesday, officials said.",
     "2024-09-11"),
]


def test_the_reporter_of_an_amount_is_not_its_owner(judge_story) -> None:
    story = judge_story(REPORTED_FLOOD)[0]
    assert _about(story)["40 percent"] is True


# one who acts for a party of the event is the event's own, named once or not
CUP = [
    ("a", "Kelso Rovers beat Dunmore Athletic 3-1 in the cup final on Saturday.\n\n"
          "Tom Ferrie made nine saves for Dunmore Athletic in the second half.", "2024-05-19"),
    ("b", "Kelso Rovers won the cup on Saturday, beating Dunmore Athletic 3-1.", "2024-05-19"),
]


def test_a_player_acting_for_a_party_keeps_his_figures(judge_story) -> None:
    story = judge_story(CUP)[0]
    assert _about(story)["nine saves"] is True


# a past narrative keeps its date over plain sentences that tell on
MERGER = [
    ("a", "Orlen Dairy closed its last plant in Hadley on Monday, cutting 120 jobs.\n\n"
          "The group was in trouble by the end of 2015, when its biggest buyer left.\n\n"
          "Its board responded by selling the farms.\n\n"
          "The owners then put another $600,000 into the business, but it did not help.",
     "2024-06-04"),
    ("b", "Orlen Dairy shut its Hadley plant on Monday; 120 jobs were lost.", "2024-06-04"),
]


def test_a_past_narrative_keeps_its_date(judge_story) -> None:
    story = judge_story(MERGER)[0]
    about = _about(story)
    assert about["120 jobs"] is True
    assert about["$600,000"] is False


STORM_NARRATIVE = [
    ("a", "A storm hit Varna on Tuesday, killing nine people.\n\n"
          "The town was last flooded in 2010.\n\n"
          "The storm destroyed the old bridge.\n\n"
          "Rescuers pulled 30 people from cars.", "2024-06-05"),
    ("b", "Nine people died when a storm hit Varna on Tuesday.", "2024-06-05"),
]


def test_a_narrative_back_on_the_event_is_the_events(judge_story) -> None:
    # the sentence between names the story's own event: the earlier date does not carry over
    about = _about(judge_story(STORM_NARRATIVE)[0])
    assert about["30 people"] is True
