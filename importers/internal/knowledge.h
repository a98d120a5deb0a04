#ifndef ENTENTE_IMPORTERS_INTERNAL_KNOWLEDGE_H_
#define ENTENTE_IMPORTERS_INTERNAL_KNOWLEDGE_H_

// What the extractor knows of English, compiled once: the Lexicon of every word list
// in importers/data/*.txt, the FrameBook of importers/data/frames/*.txt, and the ids
// of the classes the pipeline's code reads by name (a data file that drops one is an
// error at start-up, not a silent gap).
//
// Thread-safety: immutable after Load; share it const.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "importers/internal/frames.h"
#include "importers/internal/lexicon.h"
#include "importers/internal/mentions.h"
#include "importers/internal/numbers.h"

namespace entente::importers::internal {

// Classes the code reads; each must be defined by some word list.
struct KnownClasses {
  TitleClasses titles;
  CurrencyClasses currencies;  // currencies.txt
  // cues.txt
  ClassId speech_verb = -1, irrealis_governor = -1, denial_governor = -1, hedge_cue = -1,
          cancel_cue = -1, historical_cue = -1, ranking_cue = -1, investment_noun = -1,
          signed_list_cue = -1, event_happening = -1, projection_cue = -1,
          report_verb = -1, piece_noun = -1, outlet_noun = -1, press_report_verb = -1;
  // anaphora.txt
  ClassId government_anaphor = -1;
  ClassId group_anaphor = -1, org_anaphor = -1, country_anaphor = -1, host_anaphor = -1,
          guest_anaphor = -1, person_pronoun = -1, plural_pronoun = -1,
          speaker_pronoun = -1, it_pronoun = -1, agent_noun = -1, seat_agent = -1,
          addressee_pronoun = -1, partner_verb = -1;
  // Attribute words (the relation vocabulary's files).
  ClassId agreement_kind = -1, partnership_level = -1, visit_level = -1, facility = -1,
          facility_part = -1, capacity_unit = -1, sanction_measure = -1, export_word = -1,
          decrease_verb = -1, trade_noun = -1, event_noun = -1, location_prep = -1,
          comitative_prep = -1, sector = -1, status_cue = -1, document_bundle = -1,
          membership_role = -1, downgrade_measure = -1, event_format = -1,
          separate_cue = -1, apart_cue = -1, light_verb = -1, bilateral_event = -1,
          not_event_topic = -1, reciprocal = -1, talks_round = -1, aside_event = -1,
          plan_governor = -1, occasion_prep = -1, prior_occasion_prep = -1,
          awaiting_governor = -1, visit_end_verb = -1, exclusion_cue = -1,
          phase_noun = -1, pledge_governor = -1, arrangement_governor = -1,
          title_complement = -1, title_end = -1, title_free_modifier = -1,
          bundle_quantifier = -1, list_joiner = -1, list_elaboration = -1,
          measure_joiner = -1, record_ordinal = -1, elided_document = -1,
          amount_hedge = -1, baseline_opener = -1, claim_label = -1,
          lower_comparative = -1, dating_occasion = -1, ally_noun = -1,
          shared_short_name = -1, admin_unit = -1, averting_prep = -1,
          deliberation_governor = -1, deliberation_cue = -1, speculative_modal = -1,
          help_verb = -1, diplomat_noun = -1, plan_adjective = -1, talks_noun = -1,
          leader_verb = -1, partner_word = -1, change_noun = -1, company_suffix = -1,
          company_word = -1, hearsay_noun = -1, report_denial_verb = -1,
          denied_report = -1, referring_document = -1, place_named_document = -1,
          programme_word = -1, purpose_build_verb = -1, future_time = -1, abeyance = -1,
          company_noun = -1, occasion_noun = -1, decision_noun = -1, sector_scope = -1,
          civil_noun = -1, subnational_body = -1, resolution_noun = -1, scoped_cue = -1,
          harm_verb = -1, tenure_noun = -1, legal_suffix = -1, legislature = -1,
          candidacy_noun = -1, occurrence_verb = -1, partnership_stage = -1,
          question_label = -1, speech_heading = -1, false_report_word = -1,
          continuing_governor = -1, impose_verb = -1, sanction_noun = -1,
          concluding_verb = -1, origin_participle = -1;
  // places.txt, visits.txt
  ClassId destination_prep = -1, place_relative = -1, dateline_adverb = -1,
          place_noun = -1, building_noun = -1, visit_noun = -1, joint_cue = -1,
          visit_verb = -1, journey_verb = -1, encounter_verb = -1, process_verb = -1;
  // regions.txt
  ClassId region_word = -1, country_noun = -1;
  ClassId partnership_noun = -1;
};

class Knowledge {
 public:
  // Compiles the files embedded at build time.
  static absl::StatusOr<std::shared_ptr<const Knowledge>> FromEmbedded();
  // Compiles (name, content) pairs: names under "frames/" are frames, other
  // "*.txt" names word lists; other names are ignored. InvalidArgument naming the
  // file and line for a bad line, or the class a file should define.
  static absl::StatusOr<std::shared_ptr<const Knowledge>> FromFiles(
      const std::vector<std::pair<std::string, std::string>>& files);

  const Lexicon& lexicon() const { return *lexicon_; }
  const FrameBook& frames() const { return *frames_; }
  const KnownClasses& classes() const { return classes_; }

 private:
  Knowledge() = default;
  std::unique_ptr<Lexicon> lexicon_;
  std::unique_ptr<FrameBook> frames_;
  KnownClasses classes_;
};

}  // namespace entente::importers::internal

#endif  // ENTENTE_IMPORTERS_INTERNAL_KNOWLEDGE_H_
