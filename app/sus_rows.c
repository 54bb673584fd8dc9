/* sus_rows.c: the decode tables of the rows the SUS export reads; see
 * include/sql_sus.h. */
#include "sql_sus.h"
#include "sus_xml.h"

static const struct db_field forbund_fields[] = {
	DB_FIELD(sus_forbund_row, id, "id", DB_F_INT),
	DB_FIELD(sus_forbund_row, name, "name", DB_F_STR),
	DB_FIELD(sus_forbund_row, sus_code, "sus_code", DB_F_STR),
	DB_FIELD(sus_forbund_row, org_number, "org_number", DB_F_STR),
	DB_FIELD(sus_forbund_row, now_utc, "now_utc", DB_F_STR),
};
const struct db_record sus_forbund_record =
    DB_RECORD(sus_forbund_row, forbund_fields);

static const struct db_field forbund_pick_fields[] = {
	DB_FIELD(sus_forbund_pick, id, "id", DB_F_INT),
	DB_FIELD(sus_forbund_pick, short_name, "short_name", DB_F_STR),
};
const struct db_record sus_forbund_pick_record =
    DB_RECORD(sus_forbund_pick, forbund_pick_fields);

/* sus_xml.h's insats, filled from the database as the XML writes it. */
static const struct db_field insats_fields[] = {
	DB_FIELD(sus_insats, id, "id", DB_F_INT),
	DB_FIELD(sus_insats, sus_code, "sus_code", DB_F_STR),
	DB_FIELD(sus_insats, name, "name", DB_F_STR),
	DB_FIELD(sus_insats, description, "description", DB_F_STR),
	DB_FIELD(sus_insats, period_start, "period_start", DB_F_STR),
	DB_FIELD(sus_insats, period_end, "period_end", DB_F_STR),
	DB_FIELD(sus_insats, direction, "direction", DB_F_STR),
	DB_FIELD(sus_insats, measurement, "measurement", DB_F_STR),
	DB_FIELD(sus_insats, target_groups, "target_groups", DB_F_STR),
};
const struct db_record sus_insats_record = DB_RECORD(sus_insats, insats_fields);

static const struct db_field budget_fields[] = {
	DB_FIELD(sus_budget_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_budget_row, year, "year", DB_F_INT),
	DB_FIELD(sus_budget_row, planned, "planned", DB_F_INT),
	DB_FIELD(sus_budget_row, budget_sek, "budget_sek", DB_F_INT),
};
const struct db_record sus_budget_record =
    DB_RECORD(sus_budget_row, budget_fields);

static const struct db_field page_fields[] = {
	DB_FIELD(sus_page_row, id, "id", DB_F_INT),
	DB_FIELD(sus_page_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_page_row, felreg, "felreg", DB_F_BOOL),
	DB_FIELD(sus_page_row, ended, "ended", DB_F_BOOL),
	DB_FIELD(sus_page_row, start_date, "start_date", DB_F_STR),
	DB_FIELD(sus_page_row, end_date, "end_date", DB_F_STR),
	DB_FIELD(sus_page_row, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(sus_page_row, gender, "gender", DB_F_STR),
	DB_FIELD(sus_page_row, birth_year, "birth_year", DB_F_STR),
	DB_FIELD(
	    sus_page_row, home_municipality, "home_municipality", DB_F_STR),
	DB_FIELD(
	    sus_page_row, municipality_code, "municipality_code", DB_F_STR),
	DB_FIELD(sus_page_row, identity_person, "identity_person", DB_F_BOOL),
	DB_FIELD(sus_page_row, gallrad, "gallrad", DB_F_BOOL),
	DB_FIELD(sus_page_row, education, "education", DB_F_STR),
	DB_FIELD(sus_page_row, support_time, "support_time", DB_F_STR),
	DB_FIELD(
	    sus_page_row, occupation_before, "occupation_before", DB_F_STR),
	DB_FIELD(sus_page_row, end_reason, "end_reason", DB_F_STR),
	DB_FIELD(sus_page_row, occupation_after, "occupation_after", DB_F_STR),
	DB_FIELD(sus_page_row, income_before, "income_before", DB_F_STR),
	DB_FIELD(sus_page_row, income_after, "income_after", DB_F_STR),
	DB_FIELD(sus_page_row, occupation_before_pct, "occupation_before_pct",
	    DB_F_STR),
	DB_FIELD(sus_page_row, occupation_after_pct, "occupation_after_pct",
	    DB_F_STR),
};
const struct db_record sus_page_record = DB_RECORD(sus_page_row, page_fields);

static const struct db_field consent_fields[] = {
	DB_FIELD(
	    sus_consent_row, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(sus_consent_row, consent_id, "consent_id", DB_F_INT),
	DB_FIELD(sus_consent_row, consent_date, "consent_date", DB_F_STR),
};
const struct db_record sus_consent_record =
    DB_RECORD(sus_consent_row, consent_fields);

static const struct db_field base_item_fields[] = {
	DB_FIELD(
	    sus_base_item_row, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(sus_base_item_row, batch_no, "batch_no", DB_F_INT),
	DB_FIELD(sus_base_item_row, action, "action", DB_F_STR),
	DB_FIELD(sus_base_item_row, hash, "hash", DB_F_STR),
	DB_FIELD(sus_base_item_row, has_end, "has_end", DB_F_BOOL),
};
const struct db_record sus_base_item_record =
    DB_RECORD(sus_base_item_row, base_item_fields);

static const struct db_field income_fields[] = {
	DB_FIELD(
	    sus_income_row, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(sus_income_row, after_end, "after_end", DB_F_BOOL),
	DB_FIELD(sus_income_row, list, "list", DB_F_STR),
};
const struct db_record sus_income_record =
    DB_RECORD(sus_income_row, income_fields);

static const struct db_field answer_fields[] = {
	DB_FIELD(
	    sus_answer_row, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(sus_answer_row, question, "question", DB_F_STR),
	DB_FIELD(sus_answer_row, answer, "answer", DB_F_STR),
};
const struct db_record sus_answer_record =
    DB_RECORD(sus_answer_row, answer_fields);

static const struct db_field count_fields[] = {
	DB_FIELD(sus_count_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_count_row, year, "year", DB_F_INT),
	DB_FIELD(sus_count_row, gender, "gender", DB_F_STR),
	DB_FIELD(sus_count_row, started, "started", DB_F_INT),
	DB_FIELD(sus_count_row, ended, "ended", DB_F_INT),
	DB_FIELD(sus_count_row, held_started, "held_started", DB_F_INT),
	DB_FIELD(sus_count_row, held_ended, "held_ended", DB_F_INT),
};
const struct db_record sus_count_record =
    DB_RECORD(sus_count_row, count_fields);

static const struct db_field batch_get_fields[] = {
	DB_FIELD(sus_batch_get_row, batch_no, "batch_no", DB_F_INT),
	DB_FIELD(sus_batch_get_row, base_no, "base_no", DB_F_INT),
	DB_FIELD(sus_batch_get_row, state, "state", DB_F_STR),
	DB_FIELD(sus_batch_get_row, doc_bytes, "doc_bytes", DB_F_INT),
	DB_FIELD(sus_batch_get_row, doc_sha256, "doc_sha256", DB_F_STR),
	DB_FIELD(sus_batch_get_row, purged, "purged", DB_F_BOOL),
	DB_FIELD(sus_batch_get_row, created, "created", DB_F_STR),
	DB_FIELD(
	    sus_batch_get_row, acked_when_built, "acked_when_built", DB_F_INT),
};
const struct db_record sus_batch_get_record =
    DB_RECORD(sus_batch_get_row, batch_get_fields);

static const struct db_field part_fields[] = {
	DB_FIELD(sus_part_row, data, "data", DB_F_STR),
};
const struct db_record sus_part_record = DB_RECORD(sus_part_row, part_fields);

static const struct db_field rate_fields[] = {
	DB_FIELD(sus_rate_row, n, "n", DB_F_INT),
	DB_FIELD(sus_rate_row, retry_after, "retry_after", DB_F_INT),
};
const struct db_record sus_rate_record = DB_RECORD(sus_rate_row, rate_fields);
