/*
 * demo_quest.h: `stegvis demo-questionnaires [-c CONF] [--force]`: answered
 * demo questionnaires over the demo insatser, both genders and both
 * measurements, through the application's own account and the same submit
 * statement as the kiosk. Needs the demo participants and the shipped
 * definitions loaded first; does nothing if responses exist (unless
 * --force). Deterministic.
 */
#ifndef DEMO_QUEST_H
#define DEMO_QUEST_H

struct db_record;

/* argv[0] is the subcommand. 0 or 1 (message printed). */
int demo_questionnaires(int argc, char **argv);

/* The records of its statements (SQL_QUEST_DEMO_ITEMS,
 * SQL_QUEST_DEMO_PARTICIPATIONS), private to demo_quest.c. */
extern const struct db_record demo_quest_item_record;
extern const struct db_record demo_quest_part_record;

#endif /* !DEMO_QUEST_H */
