/*
 * sql_participant_list.h: the statements of the participant list
 * (participant_list.c) as texts; sql_referral.c holds them in its table
 * (SQL_REFERRAL_PLIST_*), where their parameters and columns are listed.
 */
#ifndef SQL_PARTICIPANT_LIST_H
#define SQL_PARTICIPANT_LIST_H

extern const char sql_plist_options[];
extern const char sql_plist_name_asc[];
extern const char sql_plist_name_desc[];
extern const char sql_plist_status_asc[];
extern const char sql_plist_status_desc[];
extern const char sql_plist_any[];

#endif /* !SQL_PARTICIPANT_LIST_H */
