/*
 * report_quest.h: the questionnaire results of the activity report, added
 * to a report that report_build() made (same period, scope and
 * suppression set).
 *
 * Item results: for the chosen questionnaire (by code, every version), each
 * item of kind skala or vas of its active version: the number of answers
 * with a value, their mean, and the share in the top part of the scale
 * (a scale's top `top_steps` steps; a VAS's values from `vas_top`), by the
 * response's gender and in total. Answers "vet ej" and "ej aktuellt" are
 * left out of n and the mean; so are responses still being answered
 * (pagaende). A response counts in the period it was sent in, for the
 * insats it was answered for (or every insats). A response without a
 * gender counts in the total only.
 *
 * Start vs end (the linked questionnaire REPORT_QUEST_LIFE, items
 * REPORT_QUEST_LIFE_ITEM and REPORT_QUEST_HEALTH_ITEM, both VAS 0-100):
 * the participations counted in a period are those whose end measurement
 * was sent in it, and those without an end measurement that ended
 * (avslutad) in it. Of these, paired: a value at both start and end;
 * improved: end > start; only one: a value at exactly one of the two
 * (n missing); none: neither. By the person's gender. Anonymous
 * questionnaires and responses in progress never count.
 *
 * Goals of kind livskvalitet and halsa get their results: improved of the
 * paired, compared with the goal as the other goals are.
 *
 * Every count is a cell of the report's suppression set, and every
 * relation is declared in one place (quest_relations()): genders add up to
 * the total (a response without a gender as one more, unpublished cell),
 * n = top + the rest (unpublished), participations = paired + only one +
 * none, paired = improved + not improved, each per column and for the
 * unknown gender. The top count is published only as a share of n, so it
 * is hidden whenever n is (sup_follow()). Means follow the mark of their
 * count. sup_run() is run again at the end.
 */
#ifndef REPORT_QUEST_H
#define REPORT_QUEST_H

#include "app.h"
#include "str.h"

struct req;
struct report;

#define REPORT_QUEST_LIFE        "livskvalitet"
#define REPORT_QUEST_LIFE_ITEM   "livskvalitet"
#define REPORT_QUEST_HEALTH_ITEM "halsa"

/* Add the questionnaire tables of questionnaire `code` (title: its display
 * name) to rep, and the goals' results. Arena. APP_E* from the database
 * or the arena. */
enum app_err report_quest_build(struct req *r, struct report *rep,
    struct str code, struct str title, unsigned top_steps, unsigned vas_top);

#endif /* !REPORT_QUEST_H */
