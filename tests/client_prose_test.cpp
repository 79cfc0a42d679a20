// What a plan says of its client in the trainer's own words: conditions described rather than named, sentences
// before the first session, clearances in prose, and the note when the plan records no condition at all.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "plan/parser.hpp"
#include "plan/resolver.hpp"
#include "test_support.hpp"

namespace liftlint::testing {
namespace {

const Pack& pack() {
  static const auto loaded = load_pack(default_pack, {});
  return *loaded;
}

std::optional<plan::Plan> resolved(const std::string& text) {
  const SourceFile file{"c.plan", text};
  Diagnostics diagnostics;
  const auto parsed = plan::parse_plan_file(file, diagnostics);
  if (!parsed) return std::nullopt;
  return plan::resolve_plan(*parsed, *pack().rules, diagnostics);
}

bool has(const std::string& text, const char* id) {
  const auto plan = resolved(text);
  const auto index = pack().rules->vocab(model::Category::condition).find(id);
  return plan && index && plan->client.conditions.test(*index);
}

bool cleared(const std::string& text) {
  const auto plan = resolved(text);
  return plan && plan->client.cleared;
}

bool without_restrictions(const std::string& text) {
  const auto plan = resolved(text);
  return plan && plan->client.cleared && plan->client.without_restrictions;
}

const std::string session = "\nMonday\nGoblet squat 3x10\n";

// The family of ways trainers describe a back: a body part and a complaint near each other, in either order.
TEST(ClientProse, ABackDescribedRatherThanNamedIsBackPain) {
  for (const char* words :
       {"stiff lower back in the mornings", "QL niggle", "bit of a dodgy back", "back's been playing up",
        "lower back aches when she carries the car seat", "tweaked his lower back deadlifting",
        "achy low back after long drives", "lumbar strain", "lower back has been a bit grumbly"}) {
    EXPECT_TRUE(has(std::string("Client: Sam, 40, ") + words + session, "back_pain")) << words;
  }
  EXPECT_TRUE(has("Client: Sam, 40, L4-L5 bulge from '21" + session, "lumbar_herniation"));
  EXPECT_TRUE(has("Client: Sam, 40, L5/S1 fusion in September" + session, "recent_spinal_surgery"));
  EXPECT_TRUE(has("Client: Sam, 40, had a microdiscectomy in March" + session, "recent_spinal_surgery"));
  EXPECT_TRUE(has("Client: Sam, 40, SI joint flares when she runs" + session, "sacroiliac_joint_pain"));
  EXPECT_TRUE(has("Client: Jess, 7 months PP, lower back aches" + session, "postpartum"));
}

// `back` in a trainer's other phrases is not a complaint: an exercise, a session, a direction, another place.
TEST(ClientProse, OtherBacksAreNotBackPain) {
  for (const char* words :
       {"back day on Mondays", "loves back squats, sore quads after", "getting back into it after a break",
        "back to back long runs this weekend", "upper back tight from desk work", "back and biceps on Thursday",
        "no back pain, knees sore", "back pain free for 2 years", "back off sets felt good", "sore back of knee",
        "hamstrings tight, back good", "came back from holiday sore"}) {
    EXPECT_FALSE(has(std::string("Client: Sam, 40, ") + words + session, "back_pain")) << words;
  }
}

// A symptom dated in the past is not one the client has now; one since a weekday is. A complaint described
// rather than named is read the same way: `lower back tightness last autumn` is not back pain now.
TEST(ClientProse, AFlareUpDatedInThePastIsHistory) {
  EXPECT_FALSE(has("History: tweaked his lower back in Feb (acute flare)" + session, "flare_up"));
  EXPECT_FALSE(has("History: flare-up last month, settled with walking" + session, "flare_up"));
  EXPECT_TRUE(has("History: flare-up since Tuesday" + session, "flare_up"));
  EXPECT_TRUE(has("History: back went again on Tuesday, can barely bend" + session, "flare_up"));
  EXPECT_FALSE(has("History: some lower back tightness after long runs last autumn" + session, "back_pain"));
  EXPECT_FALSE(has("Back: L4-L5 bulge from '21, flares up every few months" + session, "flare_up"));
  EXPECT_TRUE(has("Back: L4-L5 bulge from '21, flares up every few months" + session, "lumbar_herniation"));
}

// A flare-up days ago is the client's now, in the past tense or not: a physiotherapist would still adapt the week.
// Weeks or months ago it is history. A flare-up is a flare-up of back pain, whichever words say so.
TEST(ClientProse, AFlareUpDaysAgoIsCurrent) {
  EXPECT_TRUE(has("Client: Jo. Had a flare-up 2 days ago" + session, "flare_up"));
  EXPECT_TRUE(has("Client: Jo. Back flared up last weekend" + session, "flare_up"));
  EXPECT_TRUE(has("Client: Jo. He had a flare up of his back on Monday." + session, "flare_up"));
  EXPECT_TRUE(has("Client: Jo. Something went in my back yesterday lifting the kid" + session, "back_pain"));
  EXPECT_TRUE(has("Client: Jo. Sciatica flaring again this week" + session, "flare_up"));
  EXPECT_TRUE(has("Client: Jo. Disc flared up again" + session, "flare_up"));
  EXPECT_FALSE(has("Client: Jo. Had a flare-up 3 weeks ago" + session, "flare_up"));
  EXPECT_FALSE(has("Client: Jo. Had a flare-up last year" + session, "flare_up"));
  EXPECT_FALSE(has("Client: Jo. Had a flare-up last week, settled now" + session, "flare_up"));
  EXPECT_FALSE(has("Client: Jo. Sore back of the knee" + session, "back_pain"));
}

// A pregnancy told by its weeks or its trimester, a line marked with the person icon, a remark before the sessions
// and a complaint of the last two weeks are the client's.
TEST(ClientProse, APregnancyWithoutTheWordAndRemarksBeforeTheSessions) {
  EXPECT_TRUE(has("\U0001F464 Amira K. | 29 wks (due 18 May) | 3x/wk" + session, "pregnancy"));
  EXPECT_TRUE(has("Client: Amira, 2nd trimester" + session, "pregnancy"));
  EXPECT_TRUE(has("Client: Amira, 24 weeks along" + session, "pregnancy"));
  EXPECT_FALSE(has("Client: Sam, 6 weeks due to a knee op" + session, "pregnancy"));
  EXPECT_TRUE(has("Notes: SPD / pelvic girdle pain flaring last 2 wks" + session, "sacroiliac_joint_pain"));
  const auto quoted = resolved("\U0001F4AC Amira pre-bump: lifting 4 yrs, squat 90kg, bench 55kg" + session);
  ASSERT_TRUE(quoted);
  EXPECT_EQ(quoted->blocks.front().sessions.size(), 1U) << "a quoted remark plans no session of its own";
}

// A handout's teaching and its safety net are not the patient's symptoms: `Flare-ups happen` is true of everyone,
// and what to do if numbness comes, even with the `if` on the line above where the page wrapped, is no numbness.
TEST(ClientProse, AHandoutsTeachingAndSafetyNetAreNotSymptoms) {
  EXPECT_FALSE(has("Client: Jo. Flare-ups happen and are not a sign you have done damage." + session, "flare_up"));
  const std::string handout =
      "Patient: Sandra, persistent low back pain\nReview: 4 weeks. Contact the clinic if you\n"
      "develop pain, numbness or tingling spreading down the leg.\n"
      "Any change in bladder control, or numbness around the saddle area\n";
  EXPECT_FALSE(has(handout + session, "numbness_tingling"));
  EXPECT_TRUE(has(handout + session, "low_back_pain"));
  EXPECT_TRUE(has("Patient: Sandra, numbness in the left foot since Monday" + session, "numbness_tingling"));
}

// A team's programme written for one named athlete: the coach's note speaks of that athlete.
TEST(ClientProse, ATeamsProgrammeForOneAthlete) {
  const std::string head = "TrainHeroic | Team: Westfield CC Academy \u2013 Pace Squad\n";
  const std::string note = "Ollie \u2013 welcome back. Sports med dx L4 pars stress fracture (left) 5 wks ago.\n";
  EXPECT_TRUE(has(head + "Athlete: Ollie Brennan (15)\n\n" + note + session, "spinal_fracture"));
  EXPECT_FALSE(has(head + "\n" + note + session, "spinal_fracture"));
}

// A client's comment logged under a session tells what happened then: numbness after the clearance leaves the client
// not cleared. Soreness after training that was gone within days is no back pain.
TEST(ClientProse, ACommentLoggedUnderASession) {
  const std::string plan =
      "Client: Rob. L4/5 microdiscectomy, surgeon cleared for gym 12/01/2026\n\nMonday\n"
      "Goblet squat 3x8\n";
  const std::string tingling = "\U0001F4AC Rob: bit of tingling in my left foot again after the squats\n";
  EXPECT_TRUE(has(plan + tingling, "numbness_tingling"));
  EXPECT_FALSE(cleared(plan + tingling));
  EXPECT_TRUE(cleared(plan + "\U0001F4AC Rob: 100 felt heavy tbh\n"));
  EXPECT_TRUE(has(plan + "Athlete notes: back bit sore after extensions, 4/10\n", "back_pain"));
  EXPECT_FALSE(
      has("Client: Luke, 29\n\nTuesday\nBack squat 5x5\nAthlete comments: Lower back was a bit tight the "
          "day after the good mornings last week, nothing sharp. Gone by Thursday.\n",
          "back_pain"));
}

// An old fracture is history, unlike one of weeks ago; the bullets under `Client info` are about the client up to the
// blank line, whatever their key, and a line of two sentences among them too.
TEST(ClientProse, AnOldFractureAndTheBulletsUnderClientInfo) {
  EXPECT_FALSE(
      has("Client: Mo, 68. Old compression fracture T11 (2022), not painful now." + session, "spinal_fracture"));
  EXPECT_TRUE(has("Client: Mo, 68. Compression fracture L1 three weeks ago" + session, "spinal_fracture"));
  const std::string info =
      "Client info\n* Age 68, retired teacher\n* Osteoporosis \u2013 DEXA Nov 2025: lumbar spine T-score -3.1\n"
      "* Compression fracture T11 in January, still sore. Has lost about 4cm height\n";
  EXPECT_TRUE(has(info + session, "osteoporosis"));
  EXPECT_TRUE(has(info + session, "spinal_fracture"));
  const auto plan = resolved(info + session);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->blocks.front().sessions.front().lines.size(), 1U) << "no bullet of the client is an exercise";
}

// A diagnosis said to be over is history; one only eased, or where something else ended, is the client's.
TEST(ClientProse, ADiagnosisSaidToBeOverIsHistory) {
  EXPECT_FALSE(has("History: L5 pars fracture in 2022, fully healed on CT" + session, "spinal_fracture"));
  EXPECT_FALSE(has("Hx L5/S1 disc bulge 2023 (resolved)" + session, "lumbar_herniation"));
  EXPECT_TRUE(has("History: L5 pars fracture in March, not yet healed" + session, "spinal_fracture"));
  EXPECT_TRUE(has("Dx: L4-L5 herniated disc (2023), radicular symptoms resolved" + session, "lumbar_herniation"));
  EXPECT_TRUE(has("History: disc bulge, partly resolved" + session, "lumbar_herniation"));
}

// Before the first session, a sentence may say what the client has; not one that says what to do if.
TEST(ClientProse, ASentenceBeforeTheFirstSessionSpeaksOfTheClient) {
  const std::string chat =
      "[09/03/2026, 20:14] Coach Ali: So GP said acute low back pain, nothing serious, keep moving 👍";
  EXPECT_TRUE(has(chat + session, "acute_low_back_pain"));
  EXPECT_FALSE(has("If you get pain down the leg, stop and text me." + session, "shooting_leg_pain"));
  EXPECT_FALSE(has("Anyone with back pain should tell me before class." + session, "back_pain"));
  const std::string spasm =
      "Had the back spasm in March – all clear now per GP, but keep swings crisp and stop if anything grabs.";
  EXPECT_FALSE(has(spasm + session, "back_pain"));  // a spasm in March, described: history
  EXPECT_TRUE(cleared(spasm + session));
  EXPECT_TRUE(has("Had a disc bulge in March, all clear now per GP." + session, "lumbar_herniation"));
  // a class's plan has no one client
  EXPECT_FALSE(has("Back care class (12 booked)\nSo two of them have sciatica." + session, "sciatica"));
}

TEST(ClientProse, ClearancesInTheTrainersWords) {
  for (const char* words :
       {"History: disc bulge; physio's happy for her to lift", "History: LBP, GP says ok to return to the gym",
        "History: L4/5 microdiscectomy, discharged by physio Jan", "History: back spasm, all clear from GP",
        "History: sciatica, fine to train as tolerated", "History: lumbar fusion 2023, good to go per surgeon",
        "History: axial SpA. Rheumy + physio both want daily movement + regular strength work",
        "History: LBP. Physio recommends strength training twice a week"}) {
    EXPECT_TRUE(cleared(words + session)) << words;
  }
  for (const char* words :
       {"History: disc bulge, not ok to lift yet", "History: LBP, knees ok to kneel",
        "History: sciatica, waiting to see the consultant",
        "History: LBP. Had prostate cancer in 2016, all clear since",
        "History: lumbar fusion, discharged from hospital in May",
        "History: LBP. Physio wants him off training for now", "History: LBP. I want to get strong for my wedding"}) {
    EXPECT_FALSE(cleared(words + session)) << words;
  }
}

// A title with numbers in it (`3x/wk`, the bells the client owns) is still the title, and its list of numbers
// is no age.
TEST(ClientProse, AProgrammeTitleWithNumbersIsATitle) {
  const auto report = check_named(default_engine(), "kb.plan",
                                  "KB programme – Dave (hardstyle, 3x/wk at home, has 12, 16, 20, 24 kg bells)\n"
                                  "Had a disc bulge in 2021.\nMonday\nGoblet squat 3x10 @ 16kg\n");
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  const auto plan = resolved("KB programme – Dave (hardstyle, 3x/wk, has 12, 16, 20, 24 kg bells)" + session);
  ASSERT_TRUE(plan);
  EXPECT_FALSE(plan->client.age);
}

// A conversation copied from a messenger: each sender's name alone above the message, `You sent` above the trainer's,
// the time alone between messages. What the client writes is read; the times start no session.
TEST(ClientProse, AMessengersConversation) {
  const std::string chat =
      "Lauren Pike\nMessenger \u00b7 Active 2h ago\n\nMON 19:06\nLauren Pike\n"
      "Pain is mostly down the back of my left leg, little toes tingle\nYou sent\nRight, we'll work round it\n"
      "You sent\nThis week\n- Deadlift 4x5 @ 60kg\n\nTHU 07:51\nLauren Pike\n"
      "And now my right foot is tingling too??\nSeen 08:03\n";
  const auto plan = resolved(chat);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(has(chat, "shooting_leg_pain"));
  ASSERT_EQ(plan->blocks.front().sessions.size(), 1U);
  EXPECT_EQ(plan->blocks.front().sessions.front().lines.size(), 1U);
  const auto report = check_named(default_engine(), "m.plan", chat);
  EXPECT_TRUE(std::any_of(report.findings.begin(), report.findings.end(),
                          [](const auto& f) { return f.rule_id == "bp.nerve-signs"; }));
  // without `You sent` it is no conversation: the day and time start a session
  const auto plain = resolved("Lauren Pike\nLauren Pike\nMON 19:06\nGoblet squat 3x10\n");
  ASSERT_TRUE(plain);
  ASSERT_EQ(plain->blocks.front().sessions.size(), 1U);
  EXPECT_EQ(plain->blocks.front().sessions.front().weekday, 0);
}

// A phone's text conversation: the app named under the contact, then each time alone above the messages. What the
// client writes there is read, and the times start no session.
TEST(ClientProse, APhonesTextConversation) {
  const std::string thread =
      "Chloe Barnes\niMessage\nMon, 9 Mar at 20:41\n\nHiii!! 6 weeks pp today, lower back is killing me from "
      "lugging the car seat about\n\nMon, 9 Mar at 21:10\nMe: Ok here's your plan\nTUES \u2013 Legs\n"
      "Deadlift 3x5 @ 60kg\n";
  EXPECT_TRUE(has(thread, "postpartum"));
  EXPECT_TRUE(has(thread, "low_back_pain"));
  const auto plan = resolved(thread);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->blocks.front().sessions.size(), 1U);
  EXPECT_EQ(plan->blocks.front().sessions.front().weekday, 1);
}

// A plan that records no condition is told which rules it was not checked against; one that does is not.
TEST(ClientProse, APlanWithNoConditionIsToldWhatDidNotApply) {
  const auto none = check_named(default_engine(), "n.plan", "Monday\nDeadlift 3x5 @ 140kg\n");
  ASSERT_EQ(none.notes.size(), 1U);
  const auto& note = none.notes.front();
  EXPECT_EQ(note.rule_id, no_condition_code);
  EXPECT_EQ(note.severity, Severity::info);
  EXPECT_EQ(note.location.line, 1);
  EXPECT_EQ(note.message,
            "the plan records no condition of the client, so 32 rules for clients with back pain or another "
            "condition did not apply");
  ASSERT_EQ(note.help.size(), 1U);
  EXPECT_EQ(note.help.front(),
            "if the client has one, say so before the first session, as a field (`Client: back pain`) or in words "
            "(`History: back pain since 2023, cleared by physio`)");
  // Its own advice works: the rules then apply.
  const auto told = check_named(default_engine(), "t.plan", "Client: back pain\nMonday\nDeadlift 3x5 @ 140kg\n");
  EXPECT_TRUE(told.notes.empty());
  EXPECT_FALSE(told.findings.empty());
  // At the client's lines when the plan has them.
  const auto named = check_named(default_engine(), "c.plan", "Client: Dev, 34\nMonday\nDeadlift 3x5 @ 140kg\n");
  ASSERT_EQ(named.notes.size(), 1U);
  EXPECT_EQ(named.notes.front().location.line, 1);
}

// In a chat, the client's messages speak of the client wherever they come; questions and conditionals do not.
TEST(ClientProse, AChatsMessagesSpeakOfTheClientWhereverTheyCome) {
  const std::string chat =
      "11/03/2024, 18:05 - Priya (Coach): TUE\n1. Back squat 4x5 @ 85kg\n"
      "13/03/2024, 19:37 - Mark: Bad news, picked the baby up and my back went\n";
  const auto report = check_named(default_engine(), "w.plan", chat);
  EXPECT_TRUE(std::any_of(report.findings.begin(), report.findings.end(),
                          [](const auto& f) { return f.rule_id == "bp.flare-up"; }));
  const std::string asked =
      "11/03/2024, 18:05 - Priya (Coach): TUE\n1. Back squat 4x5 @ 85kg\n"
      "13/03/2024, 19:40 - Priya (Coach): has your back flared up again?\n"
      "13/03/2024, 19:41 - Priya (Coach): if your back goes, stop and text me\n";
  const auto quiet = check_named(default_engine(), "q.plan", asked);
  EXPECT_TRUE(std::none_of(quiet.findings.begin(), quiet.findings.end(),
                           [](const auto& f) { return f.rule_id == "bp.flare-up"; }));
}

// `Mon 4 Mar 2024, 19:22 — Dan:` alone on its line, as some chat apps export a message: the message starts on the
// next line, and its first line is a note unless it names an exercise.
TEST(ClientProse, AMessagesSenderOnALineOfItsOwn) {
  const std::string chat =
      "Mon 4 Mar 2024, 19:22 — Dan:\nTUES\n- deadlift 3x5 @ 100kg\n- 30 min bike, zone 2\n\n"
      "Thu 7 Mar 2024, 21:40 — Graham:\nBack has been bad since Tuesday, pain going down both legs now\n\n"
      "Thu 7 Mar 2024, 21:52 — Dan:\nAh mate that's rough, rest up\n";
  const auto report = check_named(default_engine(), "m.plan", chat);
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  EXPECT_TRUE(has(chat, "shooting_leg_pain"));
  EXPECT_TRUE(std::any_of(report.findings.begin(), report.findings.end(),
                          [](const auto& f) { return f.rule_id == "bp.nerve-signs"; }));
}

// `Context (Raf): ...` at the top of a training log: prose about the client, whatever numbers it holds.
TEST(ClientProse, AContextLabelIsAboutTheClient) {
  const std::string text =
      "Context (Raf): Mike, 51. L4-L5 fusion (TLIF) Aug 22 2023. Dr. Osei at 6-month review: fusion solid, \"no "
      "restrictions - return to all activities incl. lifting\".\n" +
      session;
  EXPECT_TRUE(has(text, "recent_spinal_surgery"));
  EXPECT_TRUE(without_restrictions(text));
}

// `Client: Helen Price`, then `Athlete info: 44, ...`: a second header in prose before the first session says more
// about the same client; a second client block is still an error.
TEST(ClientProse, ASecondClientHeaderInProseSaysMore) {
  const std::string text = "Client: Helen Price\nCoach: Dana\nAthlete info: 44, chronic LBP since 2022\n" + session;
  const auto report = check_named(default_engine(), "h.plan", text);
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
  EXPECT_TRUE(has(text, "chronic_low_back_pain"));
}

// In a chat, a symptom told in a message after the one that gave the clearance began after it: the client is not
// cleared for it. Told before the clearance, or in the same message, it was known.
TEST(ClientProse, AChatsSymptomAfterTheClearanceIsNew) {
  const std::string plan = "12/03/2024, 07:04 - Emma PT: DAY A (Mon)\n1. Goblet squat 3x10 @ 20kg\n";
  const std::string discharged = "12/03/2024, 07:48 - Sarah: Physio discharged me 2 wks ago, keep building up\n";
  const std::string numb = "31/03/2024, 21:48 - Sarah: back is sore and my foot feels tingly and numb\n";
  EXPECT_FALSE(cleared(plan + discharged + numb));
  EXPECT_TRUE(has(plan + discharged + numb, "numbness_tingling"));
  EXPECT_TRUE(cleared(plan + numb + discharged));
  EXPECT_TRUE(cleared("History: sciatica, foot numb at times. Physio cleared him 2 weeks ago." + session));
}

// `Stress fracture L4 pars`, `disc history`, `lower back has been killing me`: conditions described in other words.
TEST(ClientProse, ConditionsDescribedInOtherWords) {
  EXPECT_TRUE(has("History: Stress fracture L4 pars (R side), bone stress still active" + session, "spinal_fracture"));
  EXPECT_TRUE(has("History: T12 wedge fracture 2021" + session, "spinal_fracture"));
  EXPECT_TRUE(has("History: given your disc history, we keep hinges light" + session, "low_back_pain"));
  EXPECT_TRUE(has("History: my lower back has been killing me" + session, "low_back_pain"));
  EXPECT_TRUE(has("History: pain going down both legs at night" + session, "shooting_leg_pain"));
}

// `Back: grade 1 isthmic spondylolisthesis L5/S1 (dx age 17)`: a note on the back gives its conditions, and an
// age in the past is not the client's; a back day (`Back: deadlift 3x5`) is no note. The client's body weight and
// maxes start no session.
TEST(ClientProse, ANoteOnTheBackAndTheClientsMeasures) {
  const std::string text =
      "bw 92kg, maxes: SQ 200 / BP 140 / DL 230\nBack: grade 1 isthmic spondylolisthesis L5/S1 (dx age 17, "
      "rugby)\nMonday\nGoblet squat 3x10\n";
  EXPECT_TRUE(has(text, "spondylolisthesis"));
  EXPECT_FALSE(resolved(text)->client.age);
  EXPECT_FALSE(has("Back: deadlift 3x5, good mornings 3x8\nMonday\nGoblet squat 3x10\n", "back_pain"));
  const auto report = check_named(default_engine(), "m.plan", text);
  EXPECT_TRUE(report.errors.empty()) << (report.errors.empty() ? "" : report.errors.front().message);
}

// Symptoms gone a while end the conditions they are: nerve symptoms end sciatica, all symptoms the complaints of
// pain; a structural condition stays, and so does one only mostly quiet.
TEST(ClientProse, SymptomsGoneAWhileEndTheirConditions) {
  EXPECT_FALSE(has("History: sciatica flare last November. Zero leg symptoms since March." + session, "sciatica"));
  EXPECT_FALSE(has("History: sciatica, no symptoms for 6 months" + session, "back_pain"));
  EXPECT_TRUE(has("History: chronic LBP and sciatica, no leg pain since 2024" + session, "chronic_low_back_pain"));
  EXPECT_FALSE(has("History: chronic LBP and sciatica, no leg pain since 2024" + session, "sciatica"));
  EXPECT_TRUE(has("History: spondylolisthesis L5/S1, no symptoms since 2023" + session, "spondylolisthesis"));
  EXPECT_TRUE(has("History: sciatica, mostly asymptomatic" + session, "sciatica"));
  EXPECT_FALSE(has("Hx: L5/S1 disc herniation 2018 w/ sciatica, fully resolved. No symptoms 5+ yrs." + session,
                   "lumbar_herniation"));
  EXPECT_FALSE(has("BACK: L5/S1 disc bulge 2022 (L leg sciatica at the time)" + session, "sciatica"));
  EXPECT_FALSE(has("BACK: L5/S1 disc bulge 2022, L leg sciatica. no leg sx now" + session, "sciatica"));
}

// A referral to exercise by a clinician is a clearance; a referral elsewhere is not. A health heading on a line
// of its own starts the client's paragraph.
TEST(ClientProse, AReferralToExerciseAndAHealthHeading) {
  EXPECT_TRUE(cleared("History: chronic LBP, seen by physio, referred on for graded exercise" + session));
  EXPECT_TRUE(cleared("History: chronic LBP. GP referral, 12 weeks" + session));
  EXPECT_FALSE(cleared("History: chronic LBP, referred to a spinal surgeon for an MRI" + session));
  const std::string notes =
      "Health notes (PAR-Q & GP referral):\n- Osteoporosis (DEXA 2021)\n- Compression fracture T12 in 2019 - healed\n"
      "\nTuesday\nSit to stand 2x10\n";
  EXPECT_TRUE(has(notes, "osteoporosis"));
  EXPECT_FALSE(has(notes, "spinal_fracture"));
  EXPECT_TRUE(cleared(notes));
}

// A clearance that says it sets no restrictions, on its own line or the clearance's; not one that sets a limit.
TEST(ClientProse, AClearanceWithoutRestrictions) {
  const std::string surgery = "History: L4-L5 microdiscectomy June 2026. ";
  for (const std::string words : {"Surgeon cleared him for progressive loading, no restrictions.",
                                  "Cleared by surgeon at 12 weeks.\nNo restrictions.", "Fully cleared by the surgeon.",
                                  "Physio cleared her, unrestricted return to the gym."}) {
    EXPECT_TRUE(without_restrictions(surgery + words + "\n" + session)) << words;
  }
  EXPECT_TRUE(without_restrictions("Client: Kevin\nCleared: no restrictions\n" + session));
  EXPECT_TRUE(
      without_restrictions("client {\n  conditions recent_spinal_surgery\n  cleared yes by \"surgeon\" on "
                           "2026-09-01 without restrictions\n}\n" +
                           session));
  for (const std::string words :
       {"Surgeon cleared him, no restrictions on upper body.", "Cleared by surgeon: light loads only.",
        "Cleared, no restrictions except heavy deadlifts.", "Surgeon cleared him for supervised gym rehab.",
        "Surgeon cleared him, no restrictions apart from heavy deadlifts."}) {
    EXPECT_FALSE(without_restrictions(surgery + words + "\n" + session)) << words;
  }
}

TEST(ClientProse, TheNoteIsSaidInTheSummaryAndNotCounted) {
  int code = 0;
  const TempDir dir;
  const auto path = dir.path() + "/n.plan";
  std::ofstream(path) << "Monday\nGoblet squat 3x10\nThursday\nGoblet squat 3x10\n";
  const auto text = run_cli("check " + path + " --color never", code);
  EXPECT_EQ(code, 0) << text;
  EXPECT_NE(text.find("n.plan:1:1: note: the plan records no condition of the client"), std::string::npos) << text;
  EXPECT_NE(text.find("1 plan: 0 errors, 0 warnings, 0 infos; no client condition recorded\n"), std::string::npos)
      << text;
  const auto json = nlohmann::json::parse(run_cli("check " + path + " --format json", code, false));
  ASSERT_EQ(json["plans"][0]["notes"].size(), 1U);
  EXPECT_EQ(json["plans"][0]["notes"][0]["rule"], "plan.no-condition");
}

}  // namespace
}  // namespace liftlint::testing
