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

/* argv[0] is the subcommand. 0 or 1 (message printed). */
int demo_questionnaires(int argc, char **argv);

#endif /* !DEMO_QUEST_H */
